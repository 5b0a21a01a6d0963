package io.github.javanets.csv;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVException;
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
 * <p>Two paths read the same rows. A plain line (printable ASCII and tabs, no quote, up to a
 * mebibyte), which is every line of a typical numeric file, is split at its commas straight from
 * the file's bytes, and its numbers are read from those bytes: no decoding to characters and no
 * string per cell, several times faster than Commons CSV (the loader must keep up with training).
 * At the first line that is not plain (a quoted cell, a non-ASCII character, a lone carriage
 * return), the rest of the file, from that line, goes to Commons CSV ({@code CSVFormat.DEFAULT},
 * surrounding spaces ignored, empty lines skipped), which reads it as it reads the whole of such a
 * file; the header line is always read by Commons CSV. Both give the same header, cells, numbers
 * (bit for bit), line numbers and messages (tested against Commons CSV alone on random files); only
 * a byte that is not UTF-8 is met at its line, where Commons CSV, decoding ahead, stops a few rows
 * before it.
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

  /** {@link #FORMAT} for the rows after a header read by the plain path. */
  private static final CSVFormat ROWS_FORMAT =
      FORMAT.builder().setHeader((String[]) null).setSkipHeaderRecord(false).build();

  /** The longest line read by the plain path; longer ones go to Commons CSV. */
  private static final int PLAIN_LINE = 1 << 20;

  private final String name;
  private final List<String> header;
  private final Map<String, Integer> index;
  // Plain lines are split here; null once Commons CSV reads the rest of the file.
  private ByteLines lines;
  private int[] cellStart;
  private int[] cellEnd;
  // Commons CSV, once a line is not plain (and from the start if the header is not): the lines
  // before it were read by the plain path, so its line numbers are offset by them.
  private CSVParser parser;
  private Iterator<CSVRecord> records;
  private long lineOffset;
  private boolean headerNotPlain;
  private String[] values;
  private long line = 1;
  private long rows;

  private CsvRows(String name, InputStream in, boolean plain) throws IOException {
    this.name = name;
    ByteLines l = new ByteLines(in, PLAIN_LINE);
    try {
      List<String> h = null;
      if (plain) {
        l.skipByteOrderMark();
        h = plainHeader(l);
      }
      if (h == null) {
        // From the header line if one was found and is not plain, else from the next byte.
        boolean atLine = plain && headerNotPlain;
        commons(l.rest(atLine), atLine ? l.number() - 1 : l.number(), true, !plain);
        h = parser.getHeaderNames();
      } else {
        lines = l;
      }
      this.header = List.copyOf(h);
      if (header.isEmpty()) {
        throw Errors.empty(name);
      }
      this.index = index(name, header);
    } catch (UncheckedIOException e) {
      long at = parser == null ? line : lineOffset + parser.getCurrentLineNumber();
      close(parser, l);
      throw e.getCause() instanceof CSVException
          ? Errors.unparsable(name, at, lineOffset, e.getCause())
          : Errors.unreadable(name, at, e.getCause());
    } catch (IOException | RuntimeException | Error e) {
      close(parser, l);
      throw e;
    }
    this.cellStart = new int[header.size() + 1];
    this.cellEnd = new int[header.size() + 1];
  }

  /**
   * The header read from the first line that is not empty, if that line is plain, else null (then
   * Commons CSV reads the file from its start).
   */
  private List<String> plainHeader(ByteLines l) throws IOException {
    while (l.next()) {
      if (l.end() == l.start()) {
        continue;
      }
      if (!isPlain(l.buffer(), l.start(), l.end())) {
        headerNotPlain = true;
        return null;
      }
      String text =
          new String(l.buffer(), l.start(), l.end() - l.start(), StandardCharsets.US_ASCII);
      // The header line alone through Commons CSV: its names exactly as a whole-file parse gives.
      try (CSVParser p = FORMAT.parse(new StringReader(text + "\n"))) {
        line = l.number();
        return p.getHeaderNames();
      }
    }
    return null;
  }

  /** Whether bytes {@code [from, to)} are printable ASCII or tabs, without a quote. */
  private static boolean isPlain(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (KIND[b[i] & 0xFF] == NOT_PLAIN) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads the rest with Commons CSV: {@code rest} starts at line {@code before + 1}, with the
   * header if {@code withHeader}, at the start of the file if {@code atStart} (a byte order mark is
   * dropped there only).
   */
  private void commons(InputStream rest, long before, boolean withHeader, boolean atStart)
      throws IOException {
    lines = null;
    lineOffset = before;
    Utf8Reader reader = new Utf8Reader(rest, name, before + 1, atStart);
    parser = (withHeader ? FORMAT : ROWS_FORMAT).parse(reader);
    records = parser.iterator();
  }

  private static void close(CSVParser parser, ByteLines lines) {
    try {
      if (parser != null) {
        parser.close();
      } else {
        lines.close();
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
    return new CsvRows(path.toString(), Files.newInputStream(path), true);
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
    return new CsvRows(name, in, true);
  }

  /** Reads {@code in} with Commons CSV alone, every line: for tests of the plain path. */
  static CsvRows readWithCommonsCsv(InputStream in, String name) throws IOException {
    return new CsvRows(name, in, false);
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
      return lines != null ? nextPlain() : nextRecord();
    } catch (IOException e) {
      throw Errors.unreadable(name, line, e);
    }
  }

  private boolean nextPlain() throws IOException {
    while (lines.next()) {
      byte[] b = lines.buffer();
      int from = lines.start();
      int to = lines.end();
      if (from == to) {
        continue;
      }
      int n = split(b, from, to);
      if (n < 0) {
        commons(lines.rest(true), lines.number() - 1, false, false);
        return nextRecord();
      }
      line = lines.number();
      if (n != header.size()) {
        throw Errors.wrongValueCount(name, line, n, header);
      }
      values = null;
      rows++;
      return true;
    }
    if (lines.tooLong()) {
      commons(lines.rest(true), lines.number(), false, false);
      return nextRecord();
    }
    values = null;
    return false;
  }

  /**
   * Splits a plain line into trimmed cells (their bounds in {@link #cellStart} and {@link
   * #cellEnd}), as Commons CSV would: a comma ends a cell, spaces and tabs around a value are
   * dropped.
   *
   * @return the number of cells, or -1 if the line is not plain (a quote, a byte that is not
   *     printable ASCII or a tab)
   */
  private int split(byte[] b, int from, int to) {
    int n = 0;
    int cell = from;
    for (int i = from; i < to; i++) {
      byte kind = KIND[b[i] & 0xFF];
      if (kind == ORDINARY) {
        continue;
      }
      if (kind == NOT_PLAIN) {
        return -1;
      }
      n = cell(b, cell, i, n);
      cell = i + 1;
    }
    return cell(b, cell, to, n);
  }

  /** Notes cell {@code n}, bytes {@code [s, e)} less spaces and tabs around them; returns n + 1. */
  private int cell(byte[] b, int s, int e, int n) {
    while (s < e && (b[s] == ' ' || b[s] == '\t')) {
      s++;
    }
    while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t')) {
      e--;
    }
    if (n == cellStart.length) {
      cellStart = Arrays.copyOf(cellStart, 2 * n);
      cellEnd = Arrays.copyOf(cellEnd, 2 * n);
    }
    cellStart[n] = s;
    cellEnd[n] = e;
    return n + 1;
  }

  private static final byte ORDINARY = 0;
  private static final byte COMMA = 1;
  private static final byte NOT_PLAIN = 2;

  /**
   * What each byte is to a plain line: a comma, a byte no plain line has (a quote, a control
   * character other than a tab, a byte that is not ASCII), or ordinary.
   */
  private static final byte[] KIND = new byte[256];

  static {
    for (int c = 0; c < 256; c++) {
      KIND[c] = (c < 0x20 && c != '\t') || c > 0x7E || c == '"' ? NOT_PLAIN : ORDINARY;
    }
    KIND[','] = COMMA;
  }

  private boolean nextRecord() {
    try {
      if (!records.hasNext()) {
        values = null;
        return false;
      }
      CSVRecord record = records.next();
      line = lineOffset + parser.getCurrentLineNumber();
      if (record.size() != header.size()) {
        throw Errors.wrongValueCount(name, line, record.size(), header);
      }
      values = record.values();
      rows++;
      return true;
    } catch (UncheckedIOException e) {
      // Commons CSV reports text it cannot parse as a CSVException.
      throw e.getCause() instanceof CSVException
          ? Errors.unparsable(
              name, lineOffset + parser.getCurrentLineNumber(), lineOffset, e.getCause())
          : Errors.unreadable(name, line, e.getCause());
    }
  }

  /** Whether lines are still read by the plain path (not yet handed to Commons CSV). */
  boolean readsPlainLines() {
    return lines != null;
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
    if (values != null) {
      return values[column];
    }
    return new String(
        lines.buffer(),
        cellStart[column],
        cellEnd[column] - cellStart[column],
        StandardCharsets.US_ASCII);
  }

  /**
   * A cell of the current row that must not be empty.
   *
   * @param what what the cell holds, for the message: {@code "its class label"}
   * @throws IllegalArgumentException naming the file, line and column of an empty cell
   */
  public String nonEmpty(int column, String what) {
    return CsvCells.nonEmpty(name, line, header.get(column), text(column), what);
  }

  /**
   * A cell of the current row as a finite number.
   *
   * @throws IllegalArgumentException naming the file, line, column and value, for an empty cell,
   *     text that is not a number, {@code NaN} or a number that is not finite
   */
  public double number(int column) {
    if (values == null) {
      double v = CsvCells.plainDecimal(lines.buffer(), cellStart[column], cellEnd[column]);
      if (!Double.isNaN(v)) {
        return v;
      }
    }
    return CsvCells.number(name, line, header.get(column), text(column));
  }

  /**
   * A cell of the current row as a weight: a finite number &gt;= 0.
   *
   * @throws IllegalArgumentException as {@link #number}, and for a negative weight
   */
  public double weight(int column) {
    double v = number(column);
    if (v < 0) {
      throw Errors.negativeWeight(name, line, header.get(column), v);
    }
    return v;
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
    if (parser != null) {
      parser.close();
    } else {
      lines.close();
    }
  }
}
