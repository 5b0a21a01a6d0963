package io.github.javanets.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file with a header row, read whole with Commons CSV: column names, cells as text and the
 * line number of each row, for messages such as {@code data.csv line 7: ...}.
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
          .build();

  private final String name;
  private final List<String> header;
  private final List<String[]> rows;
  private final List<Long> lines;

  private CsvTable(String name, List<String> header, List<String[]> rows, List<Long> lines) {
    this.name = name;
    this.header = List.copyOf(header);
    this.rows = rows;
    this.lines = lines;
  }

  /**
   * Reads a CSV file given to a command-line option.
   *
   * @param path the file; not null
   * @param option the option that named it ({@code --data}), for messages
   * @throws IllegalArgumentException if the file does not exist or is not a table
   * @throws IOException if it cannot be read
   */
  static CsvTable read(Path path, String option) throws IOException {
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException(
          option
              + " file '"
              + path
              + "' "
              + (Files.isDirectory(path) ? "is a directory, not a CSV file." : "does not exist."));
    }
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return read(reader, path.toString());
    }
  }

  /** Reads the embedded CSV resource {@code resource} next to this class. */
  static CsvTable resource(String resource) throws IOException {
    InputStream in = CsvTable.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("The embedded data set " + resource + " is missing.");
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return read(reader, resource + " (built in)");
    }
  }

  private static CsvTable read(Reader reader, String name) throws IOException {
    List<String[]> rows = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    List<String> header;
    try (CSVParser parser = FORMAT.parse(reader)) {
      header = parser.getHeaderNames();
      if (header.isEmpty()) {
        throw new IllegalArgumentException(
            name + " is empty: it needs a header row of column names, then data rows.");
      }
      checkHeader(name, header);
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
                  + String.join(", ", header)
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
    return new CsvTable(name, header, rows, lines);
  }

  private static void checkHeader(String name, List<String> header) {
    Set<String> seen = new HashSet<>();
    for (String column : header) {
      if (column.isEmpty()) {
        throw new IllegalArgumentException(
            name + " line 1: the header has an empty column name; every column needs a name.");
      }
      if (!seen.add(column)) {
        throw new IllegalArgumentException(
            name + " line 1: the header names column '" + column + "' twice.");
      }
    }
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
    int i = header.indexOf(column);
    if (i < 0) {
      throw new IllegalArgumentException(
          "Column '"
              + column
              + "' ("
              + option
              + ") is not in "
              + name
              + ". Columns: "
              + String.join(", ", header)
              + ".");
    }
    return i;
  }

  /** The text of a cell. */
  String text(int row, int column) {
    return rows.get(row)[column];
  }

  /**
   * A cell as a finite number.
   *
   * @throws IllegalArgumentException naming the file, line, column and value
   */
  double number(int row, int column) {
    String text = text(row, column);
    double v;
    try {
      v = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw cellError(row, column, "'" + text + "' is not a number", e);
    }
    if (!Double.isFinite(v)) {
      throw cellError(row, column, "'" + text + "' is not a finite number", null);
    }
    return v;
  }

  /** An error about one cell: {@code data.csv line 7, column 'x': <what>.} */
  IllegalArgumentException cellError(int row, int column, String what, Throwable cause) {
    return new IllegalArgumentException(
        name + " line " + line(row) + ", column '" + header.get(column) + "': " + what + ".",
        cause);
  }
}
