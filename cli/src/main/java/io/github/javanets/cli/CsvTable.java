package io.github.javanets.cli;

import io.github.javanets.csv.CsvCells;
import io.github.javanets.csv.CsvRows;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file with a header row, read whole: column names, cells as text and the line number of each
 * row, for messages such as {@code data.csv line 7: ...}. The reading rules (strict UTF-8, the line
 * length limit, names and value counts) and the cell rules are the CSV module's ({@link CsvRows},
 * {@link CsvCells}), shared with the streamed path. Columns are found by name in constant time, so
 * a table may be a million columns wide. For the commands that need every row at once: a recurrent
 * model's {@code predict} and {@code evaluate}, which group rows by sequence wherever they are.
 */
final class CsvTable implements CsvHeader {
  private final String name;
  private final List<String> header;
  private final List<String[]> rows;
  private final List<Long> lines;
  private final CsvRows columns;

  private CsvTable(CsvRows columns, List<String[]> rows, List<Long> lines) {
    this.name = columns.name();
    this.header = columns.header();
    this.columns = columns;
    this.rows = rows;
    this.lines = lines;
  }

  /**
   * Reads a CSV file given to a command-line option.
   *
   * @param path the file; not null
   * @param option the option that named it ({@code --data}), for messages
   * @throws IllegalArgumentException if the file does not exist, is not a regular file, is not
   *     UTF-8 or is not a table
   * @throws IOException if it cannot be read
   */
  static CsvTable read(Path path, String option) throws IOException {
    try (CsvRows rows = CsvRows.open(path, option)) {
      return read(rows);
    }
  }

  /** Reads the embedded CSV resource {@code resource} next to this class. */
  static CsvTable resource(String resource) throws IOException {
    try (CsvRows rows = CsvRows.read(open(resource), resource + " (built in)")) {
      return read(rows);
    }
  }

  /** The embedded CSV resource {@code resource} next to this class. */
  static InputStream open(String resource) {
    InputStream in = CsvTable.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("The embedded data set " + resource + " is missing.");
    }
    return in;
  }

  private static CsvTable read(CsvRows reader) {
    List<String[]> rows = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    while (reader.next()) {
      String[] values = new String[reader.header().size()];
      for (int c = 0; c < values.length; c++) {
        values[c] = reader.text(c);
      }
      rows.add(values);
      lines.add(reader.line());
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(reader.name() + " has a header but no data rows.");
    }
    return new CsvTable(reader, rows, lines);
  }

  /** The name used in messages: the path as given. */
  @Override
  public String name() {
    return name;
  }

  /** The column names, in order; unmodifiable. */
  @Override
  public List<String> header() {
    return header;
  }

  /** The number of data rows. */
  int rows() {
    return rows.size();
  }

  /** The line of data row {@code row} in the file, from 1 (the header is line 1). */
  long line(int row) {
    return lines.get(row);
  }

  /**
   * The index of column {@code column}.
   *
   * @param option the option that named it, for the message
   * @throws IllegalArgumentException if there is no such column, listing the columns
   */
  @Override
  public int column(String column, String option) {
    return columns.column(column, option);
  }

  /** Whether the table has a column named {@code column}. */
  boolean hasColumn(String column) {
    return columns.hasColumn(column);
  }

  /** The text of a cell. */
  String text(int row, int column) {
    return rows.get(row)[column];
  }

  /**
   * The text of a cell that must not be empty.
   *
   * @param what what the cell holds, for the message: {@code "its class label"}
   * @throws IllegalArgumentException naming the file, line and column of an empty cell
   */
  String nonEmpty(int row, int column, String what) {
    return CsvCells.nonEmpty(name, line(row), header.get(column), text(row, column), what);
  }

  /**
   * A cell as a finite number.
   *
   * @throws IllegalArgumentException naming the file, line, column and value, for an empty cell,
   *     text that is not a number, {@code NaN} or a number that is not finite
   */
  double number(int row, int column) {
    return CsvCells.number(name, line(row), header.get(column), text(row, column));
  }

  /**
   * A cell as a weight, a finite number &gt;= 0.
   *
   * @throws IllegalArgumentException as {@link #number}, and for a negative weight
   */
  double weight(int row, int column) {
    return CsvCells.weight(name, line(row), header.get(column), text(row, column));
  }

  /** An error about one cell: {@code data.csv line 7, column 'x': <what>.} */
  IllegalArgumentException cellError(int row, int column, String what, Throwable cause) {
    return CsvCells.error(name, line(row), header.get(column), what, cause);
  }
}
