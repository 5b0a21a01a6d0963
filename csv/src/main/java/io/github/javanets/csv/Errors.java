package io.github.javanets.csv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Every error message of CSV reading, one named method each: what failed, the file, the line and
 * the column, the offending value and what is accepted. Each method returns the exception for its
 * caller to throw, so that a message is found, tested and reworded here alone. Long lists of names
 * show their first {@value #NAMES}, long values their first {@value #CHARS} characters, so that a
 * message stays one readable line whatever the data.
 */
final class Errors {
  /** The most names a message lists. */
  static final int NAMES = 20;

  /** The most characters of a value a message quotes. */
  static final int CHARS = 40;

  private Errors() {}

  /** {@code a, b, c}, or the first {@value #NAMES} names and how many more. */
  private static String list(List<String> names) {
    if (names.size() <= NAMES) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, NAMES))
        + " ... and "
        + (names.size() - NAMES)
        + " more";
  }

  /** {@code text}, or its first {@value #CHARS} characters, {@code ...} and its length. */
  private static String value(String text) {
    if (text.length() <= CHARS) {
      return text;
    }
    return text.substring(0, CHARS) + "... (" + text.length() + " characters)";
  }

  // ---- Files and lines -----------------------------------------------------------------------

  /**
   * A file named for reading is not a regular file: missing, a directory, a device, a FIFO.
   *
   * @param path the file
   * @param role what named it, as {@code --data}
   * @param kind what it must be, as {@code "a CSV file"}
   */
  static IllegalArgumentException notARegularFile(Path path, String role, String kind) {
    String what =
        !Files.exists(path)
            ? "does not exist."
            : Files.isDirectory(path)
                ? "is a directory, not " + kind + "."
                : "is not a regular file (a device, FIFO or socket); give " + kind + ".";
    return new IllegalArgumentException(role + " file '" + path + "' " + what);
  }

  /** A byte that is not UTF-8. */
  static IllegalArgumentException notUtf8(String name, long line, int value) {
    return new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "%s line %d: not valid UTF-8 (byte 0x%02X); save the file as UTF-8.",
            name,
            line,
            value));
  }

  /** A line longer than the reader takes. */
  static IllegalArgumentException lineTooLong(String name, long line, int max) {
    return new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "%s line %d: longer than %,d characters; a line holds one row of cells, so check"
                + " that the file is a CSV file with line breaks.",
            name,
            line,
            max));
  }

  /**
   * Commons CSV could not parse the text (a quote that is never closed, text after a closing
   * quote): its own message, with the line numbers it gives counted from the file's start ({@code
   * offset} lines before the text it read).
   */
  static IllegalArgumentException unparsable(String name, long line, long offset, Throwable cause) {
    String what =
        String.valueOf(cause.getMessage()).replaceAll(" at line: \\d+, position: \\d+$", "");
    java.util.regex.Matcher start = START_LINE.matcher(what);
    if (start.find()) {
      long opened = Long.parseLong(start.group(1)) + offset;
      what = "a quote opened on line " + opened + " and " + what.substring(start.end());
    }
    return new IllegalArgumentException(
        name + " line " + line + ": not valid CSV (" + what + ").", cause);
  }

  private static final java.util.regex.Pattern START_LINE =
      java.util.regex.Pattern.compile("^\\(startline (\\d+)\\) ");

  /** Reading the bytes failed. */
  static IllegalArgumentException unreadable(String name, long line, Throwable cause) {
    return new IllegalArgumentException(
        name + " line " + line + ": reading the file failed (" + cause + ").", cause);
  }

  /** The file was there when the source was made, and is gone now. */
  static IllegalArgumentException fileGone(String name, Throwable cause) {
    return new IllegalArgumentException(
        name + " cannot be opened any more (" + cause + "); was it moved or deleted?", cause);
  }

  /** The file has no header row. */
  static IllegalArgumentException empty(String name) {
    return new IllegalArgumentException(
        name + " is empty: it needs a header row of column names, then data rows.");
  }

  /** The file has a header and no row. */
  static IllegalArgumentException noDataRows(String name) {
    return new IllegalArgumentException(name + " has a header but no data rows.");
  }

  /** The header changed between passes. */
  static IllegalArgumentException headerChanged(String name, List<String> was, List<String> now) {
    return new IllegalArgumentException(
        name
            + " line 1: the header changed while the file was read (was "
            + list(was)
            + ", now "
            + list(now)
            + ").");
  }

  /** A header cell is empty. */
  static IllegalArgumentException unnamedColumn(String name, int column) {
    return new IllegalArgumentException(
        name
            + " line 1: the header's column "
            + column
            + " has no name; every column needs a name.");
  }

  /** A header names one column twice. */
  static IllegalArgumentException columnTwice(String name, String column, int first, int second) {
    return new IllegalArgumentException(
        name
            + " line 1: the header names column '"
            + value(column)
            + "' twice (columns "
            + first
            + " and "
            + second
            + "); every column needs its own name.");
  }

  /** A row has more or fewer values than the header has columns. */
  static IllegalArgumentException wrongValueCount(
      String name, long line, int values, List<String> header) {
    return new IllegalArgumentException(
        name
            + " line "
            + line
            + ": "
            + values
            + (values == 1 ? " value" : " values")
            + ", but the header has "
            + header.size()
            + " columns ("
            + list(header)
            + ").");
  }

  /** A column named for a role is not in the file. */
  static IllegalArgumentException noSuchColumn(
      String column, String role, String name, List<String> header) {
    return new IllegalArgumentException(
        "Column '"
            + column
            + "' ("
            + role
            + ") is not in "
            + name
            + ". Columns: "
            + list(header)
            + ".");
  }

  // ---- Cells ---------------------------------------------------------------------------------

  /** An error about one cell: {@code data.csv line 7, column 'x': <what>.} */
  static IllegalArgumentException cell(
      String name, long line, String column, String what, Throwable cause) {
    return new IllegalArgumentException(
        name + " line " + line + ", column '" + value(column) + "': " + what + ".", cause);
  }

  /** An empty cell where {@code what} is needed ({@code "its class label"}). */
  static IllegalArgumentException emptyCell(String name, long line, String column, String what) {
    return cell(name, line, column, "empty cell; every row needs " + what, null);
  }

  /** A cell that is not a number. */
  static IllegalArgumentException notANumber(
      String name, long line, String column, String text, NumberFormatException cause) {
    return cell(name, line, column, "'" + value(text) + "' is not a number", cause);
  }

  /** A NaN cell. */
  static IllegalArgumentException nan(String name, long line, String column, String text) {
    return cell(
        name,
        line,
        column,
        "'"
            + text
            + "' is not a number; missing values are not supported, so fill it in or drop the row",
        null);
  }

  /** An infinite cell. */
  static IllegalArgumentException notFinite(String name, long line, String column, String text) {
    return cell(name, line, column, "'" + value(text) + "' is not a finite number", null);
  }

  /** A negative weight. */
  static IllegalArgumentException negativeWeight(
      String name, long line, String column, double weight) {
    return cell(
        name, line, column, "weight " + weight + " is negative; weights must be >= 0", null);
  }

  /** A label that is not one of the classes. */
  static IllegalArgumentException unknownLabel(
      String name, long line, String column, String label, List<String> classes) {
    return cell(
        name,
        line,
        column,
        "label '" + value(label) + "' is not one of the classes (" + list(classes) + ")",
        null);
  }

  /** A row that continues a sequence that ended. */
  static IllegalArgumentException sequenceNotConsecutive(
      String name, long line, String column, String id) {
    return cell(
        name,
        line,
        column,
        "sequence '"
            + value(id)
            + "' began earlier and other rows came between; the rows of a sequence must be"
            + " consecutive, so sort the file by this column",
        null);
  }

  /** A sequence longer than the padded length. */
  static IllegalArgumentException sequenceTooLong(
      String name, long line, String column, String id, int steps) {
    return cell(
        name,
        line,
        column,
        "sequence '"
            + value(id)
            + "' has more than "
            + steps
            + " rows, the length sequences are padded to; give a larger length",
        null);
  }

  // ---- Weights files -------------------------------------------------------------------------

  /** A weights file has a width that is neither 1 nor the target's. */
  static IllegalArgumentException weightsFileWidth(String name, int columns, int width) {
    return new IllegalArgumentException(
        name
            + " has "
            + columns
            + " columns; a weights file needs 1 (a weight per row) or "
            + width
            + " (a weight per target).");
  }

  /** A weights file and its data file have different row counts. */
  static IllegalArgumentException weightsFileRows(String weights, String data, boolean shorter) {
    return new IllegalArgumentException(
        weights
            + " has "
            + (shorter ? "fewer" : "more")
            + " rows than "
            + data
            + "; it needs one row of weights per data row.");
  }

  // ---- Configuration -------------------------------------------------------------------------

  /** A count that must be positive is not. */
  static IllegalArgumentException notPositive(String what, long value) {
    return new IllegalArgumentException(what + " must be >= 1, got " + value + ".");
  }

  /** A batch would hold more values than one array of the loader can. */
  static IllegalArgumentException batchTooLarge(int batchSize, int steps, int width) {
    return new IllegalArgumentException(
        "A batch of "
            + batchSize
            + (steps > 0 ? " sequences of " + steps + " steps" : " rows")
            + " of "
            + width
            + " values each holds more than "
            + Integer.MAX_VALUE
            + " values; use a smaller batch size.");
  }

  /** A shuffle buffer size is negative. */
  static IllegalArgumentException negativeBuffer(int size) {
    return new IllegalArgumentException(
        "The shuffle buffer holds >= 0 examples (0 or 1 keeps the file's order), got "
            + size
            + ".");
  }

  /** A column given two roles. */
  static IllegalArgumentException twoRoles(String column, String role, String other) {
    return new IllegalArgumentException(
        "Column '" + value(column) + "' cannot be both " + role + " and " + other + ".");
  }

  /** No input column is left. */
  static IllegalArgumentException noInputs(String name) {
    return new IllegalArgumentException(
        name + " has no input column left: every column is a target, the weights or the sequence.");
  }

  /** A classifier's classes: none, or one named twice. */
  static IllegalArgumentException badClasses(List<String> classes) {
    return new IllegalArgumentException(
        "The classes must be distinct names, at least 1, got [" + list(classes) + "].");
  }

  /** Targets and labels both given. */
  static IllegalArgumentException targetsAndLabels() {
    return new IllegalArgumentException(
        "Give target columns (a regressor's values) or a label column (a classifier's classes),"
            + " not both.");
  }

  /** An example index outside a hold-out's range. */
  static IndexOutOfBoundsException exampleIndex(long index, long examples) {
    return new IndexOutOfBoundsException(
        "Example " + index + " of " + examples + " (indexes are 0 to " + (examples - 1) + ").");
  }

  /** A hold-out share out of range, or too few examples. */
  static IllegalArgumentException badHoldOut(long examples, double fraction) {
    return new IllegalArgumentException(
        "A hold-out needs at least 2 examples and a share in (0, 1), got "
            + examples
            + " examples and "
            + fraction
            + ".");
  }
}
