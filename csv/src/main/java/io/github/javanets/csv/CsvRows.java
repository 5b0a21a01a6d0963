package io.github.javanets.csv;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apiguardian.api.API;

/**
 * The rows of a CSV file with a header row, read one at a time with Commons CSV, strictly: the text
 * is UTF-8 (a byte that is not is an error naming the file, the line and the byte; a leading byte
 * order mark is dropped), a line longer than {@link #MAX_LINE} characters is an error, every column
 * has a name of its own, every row has one value per column, and cells are trimmed. Only a regular
 * file is opened (a device such as {@code /dev/zero} or a FIFO would never end or would block).
 * Every error names the file and the line, and the column for a cell: {@code data.csv line 7,
 * column 'x': 'abc' is not a number.}
 *
 * <p>For the CSV batch source and the command line; not thread-safe, one pass per instance.
 */
@API(status = INTERNAL, since = "0.2", consumers = "io.github.javanets.cli")
public final class CsvRows implements AutoCloseable {
  /** The longest line read, in characters: room for a million columns of 32 characters. */
  public static final int MAX_LINE = Utf8Reader.MAX_LINE;

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
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final List<String> header;
  private final Map<String, Integer> index;
  private String[] values;
  private long line = 1;
  private long rows;

  private CsvRows(String name, InputStream in) throws IOException {
    this.name = name;
    CSVParser p = null;
    try {
      p = FORMAT.parse(new Utf8Reader(in, name));
      this.header = List.copyOf(p.getHeaderNames());
      if (header.isEmpty()) {
        throw Errors.empty(name);
      }
      this.index = index(name, header);
      this.records = p.iterator();
      this.parser = p;
    } catch (UncheckedIOException e) {
      close(p, in);
      throw Errors.unparsable(name, e.getCause());
    } catch (IOException | RuntimeException | Error e) {
      close(p, in);
      throw e;
    }
  }

  private static void close(CSVParser parser, InputStream in) {
    try {
      if (parser != null) {
        parser.close();
      } else {
        in.close();
      }
    } catch (IOException e) {
      // The first failure is the one to report.
    }
  }

  /**
   * Opens a CSV file named by {@code role} and reads its header.
   *
   * @param path the file; not null
   * @param role what named it, for messages: an option such as {@code --data}, or {@code "CSV"}
   * @return the rows, before the first; close them
   * @throws IllegalArgumentException if the file is missing or not a regular file, or its header is
   *     empty, has an unnamed column or names one twice
   * @throws IOException if the file cannot be opened or read
   */
  public static CsvRows open(Path path, String role) throws IOException {
    requireRegularFile(path, role, "a CSV file");
    return new CsvRows(path.toString(), Files.newInputStream(path));
  }

  /**
   * Reads the CSV text of {@code in}, which the rows close.
   *
   * @param in the bytes; not null
   * @param name the name used in messages; not null
   * @return the rows, before the first; close them
   * @throws IllegalArgumentException for a bad header
   * @throws IOException if the header cannot be read
   */
  public static CsvRows read(InputStream in, String name) throws IOException {
    return new CsvRows(name, in);
  }

  /**
   * Checks that {@code path} is a regular file (or a link to one) before it is opened.
   *
   * @param path the file; not null
   * @param role what named it ({@code --data}), for messages
   * @param kind what it must be ({@code "a CSV file"}), for messages
   * @throws IllegalArgumentException if it does not exist, is a directory or is not a regular file
   */
  public static void requireRegularFile(Path path, String role, String kind) {
    if (!Files.isRegularFile(path)) {
      throw Errors.notARegularFile(path, role, kind);
    }
  }

  /** The index of each column by name, checking that every name is there once. */
  private static Map<String, Integer> index(String name, List<String> header) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String column = header.get(i);
      if (column.isEmpty()) {
        throw Errors.unnamedColumn(name, i + 1);
      }
      Integer first = index.putIfAbsent(column, i);
      if (first != null) {
        throw Errors.columnTwice(name, column, first + 1, i + 1);
      }
    }
    return index;
  }

  /** The name used in messages: the path as given. */
  public String name() {
    return name;
  }

  /** The column names, in order; unmodifiable. */
  public List<String> header() {
    return header;
  }

  /**
   * The index of column {@code column}.
   *
   * @param role how the column was named, for the message: {@code "--target-column"}
   * @throws IllegalArgumentException if there is no such column, listing the columns
   */
  public int column(String column, String role) {
    Integer i = index.get(column);
    if (i == null) {
      throw Errors.noSuchColumn(column, role, name, header);
    }
    return i;
  }

  /** Whether the file has a column named {@code column}. */
  public boolean hasColumn(String column) {
    return index.containsKey(column);
  }

  /**
   * Moves to the next row.
   *
   * @return false at the end of the file
   * @throws IllegalArgumentException for text that is not UTF-8, a line that is too long, text that
   *     is not CSV, or a row whose number of values is not the header's (or the file cannot be
   *     read), naming the file and the line
   */
  public boolean next() {
    try {
      if (!records.hasNext()) {
        values = null;
        return false;
      }
      CSVRecord record = records.next();
      line = parser.getCurrentLineNumber();
      if (record.size() != header.size()) {
        throw Errors.wrongValueCount(name, line, record.size(), header);
      }
      values = record.values();
      rows++;
      return true;
    } catch (UncheckedIOException e) {
      // Commons CSV reports text it cannot parse as a plain IOException.
      throw e.getCause().getClass() == IOException.class
          ? Errors.unparsable(name, e.getCause())
          : Errors.unreadable(name, line, e.getCause());
    }
  }

  /** The number of rows read so far. */
  public long rows() {
    return rows;
  }

  /** The line of the current row in the file, from 1 (the header is line 1). */
  public long line() {
    return line;
  }

  /** The text of cell {@code column} of the current row, trimmed. */
  public String text(int column) {
    return values[column];
  }

  /**
   * A cell of the current row that must not be empty.
   *
   * @param what what the cell holds, for the message: {@code "its class label"}
   * @throws IllegalArgumentException naming the file, line and column of an empty cell
   */
  public String nonEmpty(int column, String what) {
    return CsvCells.nonEmpty(name, line, header.get(column), values[column], what);
  }

  /**
   * A cell of the current row as a finite number.
   *
   * @throws IllegalArgumentException naming the file, line, column and value, for an empty cell,
   *     text that is not a number, {@code NaN} or a number that is not finite
   */
  public double number(int column) {
    return CsvCells.number(name, line, header.get(column), values[column]);
  }

  /**
   * A cell of the current row as a weight: a finite number &gt;= 0.
   *
   * @throws IllegalArgumentException as {@link #number}, and for a negative weight
   */
  public double weight(int column) {
    return CsvCells.weight(name, line, header.get(column), values[column]);
  }

  /** An error about cell {@code column} of the current row: {@code <what>} is a phrase. */
  public IllegalArgumentException cellError(int column, String what) {
    return Errors.cell(name, line, header.get(column), what, null);
  }

  /**
   * The error for a row of the current sequence id {@code id} (in cell {@code column}) that comes
   * after rows of other ids: a stream groups only consecutive rows.
   */
  public IllegalArgumentException sequenceNotConsecutive(int column, String id) {
    return Errors.sequenceNotConsecutive(name, line, header.get(column), id);
  }

  /** Closes the file. */
  @Override
  public void close() throws IOException {
    parser.close();
  }
}
