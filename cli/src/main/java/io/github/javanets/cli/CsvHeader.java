package io.github.javanets.cli;

import java.util.List;

/**
 * The header row of a CSV file, as {@link ColumnRoles} and {@link SavedModel} read it: the file's
 * name for messages, its column names, and each column's index by name.
 */
interface CsvHeader {
  /** The name used in messages. */
  String name();

  /** The column names, in order; unmodifiable. */
  List<String> header();

  /**
   * The index of column {@code column}.
   *
   * @param role how the column was named, for the message
   * @throws IllegalArgumentException if there is no such column, listing the columns
   */
  int column(String column, String role);

  /** The header of {@code rows}. */
  static CsvHeader of(io.github.javanets.csv.CsvRows rows) {
    return new CsvHeader() {
      @Override
      public String name() {
        return rows.name();
      }

      @Override
      public List<String> header() {
        return rows.header();
      }

      @Override
      public int column(String column, String role) {
        return rows.column(column, role);
      }
    };
  }
}
