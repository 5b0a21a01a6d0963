package io.github.javanets.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file with a header row, read whole with Commons CSV: column names, cells as text and the
 * line number of each row, for messages such as {@code data.csv line 7: ...}. The text is strict
 * UTF-8 ({@link Utf8Reader}); columns are found by name in constant time, so a table may be a
 * million columns wide.
 */
final class CsvTable {
  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreSurroundingSpaces(true)
          .setIgnoreEmptyLines(true)
          .setTrim(true)
          .setAllowMissingColumnNames(true)
          .build();

  private final String name;
  private final List<String> header;
  private final List<String[]> rows;
  private final List<Long> lines;
  private final Map<String, Integer> index;

  private CsvTable(
      String name,
      List<String> header,
      Map<String, Integer> index,
      List<String[]> rows,
      List<Long> lines) {
    this.name = name;
    this.header = List.copyOf(header);
    this.index = index;
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
    InputFiles.requireRegularFile(path, option, "a CSV file");
    try (Reader reader = new Utf8Reader(Files.newInputStream(path), path.toString())) {
      return read(reader, path.toString());
    }
  }

  /** Reads the embedded CSV resource {@code resource} next to this class. */
  static CsvTable resource(String resource) throws IOException {
    InputStream in = CsvTable.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("The embedded data set " + resource + " is missing.");
    }
    try (Reader reader = new Utf8Reader(in, resource)) {
      return read(reader, resource + " (built in)");
    }
  }

  private static CsvTable read(Reader reader, String name) throws IOException {
    List<String[]> rows = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    List<String> header;
    Map<String, Integer> index;
    try (CSVParser parser = FORMAT.parse(reader)) {
      header = parser.getHeaderNames();
      if (header.isEmpty()) {
        throw new IllegalArgumentException(
            name + " is empty: it needs a header row of column names, then data rows.");
      }
      index = index(name, header);
      for (CSVRecord record : parser) {
        long line = parser.getCurrentLineNumber();
        if (record.size() != header.size()) {
          throw new IllegalArgumentException(
              name
                  + " line "
                  + line
                  + ": "
                  + record.size()
                  + (record.size() == 1 ? " value" : " values")
                  + ", but the header has "
                  + header.size()
                  + " columns ("
                  + Shorten.list(header)
                  + ").");
        }
        rows.add(record.values());
        lines.add(line);
      }
    } catch (UncheckedIOException e) {
      throw new IllegalArgumentException(name + ": " + e.getCause().getMessage(), e);
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(name + " has a header but no data rows.");
    }
    return new CsvTable(name, header, index, rows, lines);
  }

  /** The index of each column by name, checking that every name is there once. */
  private static Map<String, Integer> index(String name, List<String> header) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String column = header.get(i);
      if (column.isEmpty()) {
        throw new IllegalArgumentException(
            name
                + " line 1: the header's column "
                + (i + 1)
                + " has no name; every column needs a name.");
      }
      Integer first = index.putIfAbsent(column, i);
      if (first != null) {
        throw new IllegalArgumentException(
            name
                + " line 1: the header names column '"
                + Shorten.value(column)
                + "' twice (columns "
                + (first + 1)
                + " and "
                + (i + 1)
                + "); every column needs its own name.");
      }
    }
    return index;
  }

  /** The name used in messages: the path as given. */
  String name() {
    return name;
  }

  /** The column names, in order; unmodifiable. */
  List<String> header() {
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
  int column(String column, String option) {
    Integer i = index.get(column);
    if (i == null) {
      throw new IllegalArgumentException(
          "Column '"
              + column
              + "' ("
              + option
              + ") is not in "
              + name
              + ". Columns: "
              + Shorten.list(header)
              + ".");
    }
    return i;
  }

  /** Whether the table has a column named {@code column}. */
  boolean hasColumn(String column) {
    return index.containsKey(column);
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
    String text = text(row, column);
    if (text.isEmpty()) {
      throw cellError(row, column, "empty cell; every row needs " + what, null);
    }
    return text;
  }

  /**
   * A cell as a finite number.
   *
   * @throws IllegalArgumentException naming the file, line, column and value, for an empty cell,
   *     text that is not a number, {@code NaN} or a number that is not finite
   */
  double number(int row, int column) {
    String text = nonEmpty(row, column, "a number here");
    double v;
    try {
      v = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw cellError(row, column, "'" + Shorten.value(text) + "' is not a number", e);
    }
    if (Double.isNaN(v)) {
      throw cellError(
          row,
          column,
          "'"
              + text
              + "' is not a number; missing values are not supported, so fill it in or"
              + " drop the row",
          null);
    }
    if (Double.isInfinite(v)) {
      throw cellError(row, column, "'" + Shorten.value(text) + "' is not a finite number", null);
    }
    return v;
  }

  /** An error about one cell: {@code data.csv line 7, column 'x': <what>.} */
  IllegalArgumentException cellError(int row, int column, String what, Throwable cause) {
    return new IllegalArgumentException(
        name
            + " line "
            + line(row)
            + ", column '"
            + Shorten.value(header.get(column))
            + "': "
            + what
            + ".",
        cause);
  }
}
