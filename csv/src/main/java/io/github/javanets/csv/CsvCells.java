package io.github.javanets.csv;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.charset.StandardCharsets;
import org.apiguardian.api.API;

/**
 * The rules for one cell of a CSV file, with messages that name the file, the line and the column:
 * a number is finite (NaN, infinities and empty cells are errors, since missing values are not
 * supported), a weight is a number &gt;= 0, a class label or sequence id is not empty. {@link
 * CsvRows} reads cells by them; the command line checks cells it holds in memory by them too.
 */
@API(status = INTERNAL, since = "0.2", consumers = "io.github.javanets.cli")
public final class CsvCells {
  private CsvCells() {}

  /**
   * A cell that must not be empty.
   *
   * @param name the file's name; {@code line} its line; {@code column} its column's name
   * @param text the cell's text, trimmed
   * @param what what the cell holds, for the message: {@code "its class label"}
   * @return {@code text}
   * @throws IllegalArgumentException for an empty cell
   */
  public static String nonEmpty(String name, long line, String column, String text, String what) {
    if (text.isEmpty()) {
      throw Errors.emptyCell(name, line, column, what);
    }
    return text;
  }

  /**
   * A cell as a finite number.
   *
   * @throws IllegalArgumentException for an empty cell, text that is not a number, {@code NaN} or a
   *     number that is not finite, naming the file, line, column and value
   */
  public static double number(String name, long line, String column, String text) {
    nonEmpty(name, line, column, text, "a number here");
    double v = plainDecimal(text);
    if (Double.isNaN(v)) {
      try {
        v = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw Errors.notANumber(name, line, column, text, e);
      }
    }
    if (Double.isNaN(v)) {
      throw Errors.nan(name, line, column, text);
    }
    if (Double.isInfinite(v)) {
      throw Errors.notFinite(name, line, column, text);
    }
    return v;
  }

  /** Exact powers of ten, up to the largest a double holds exactly. */
  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
  };

  /** The most digits {@link #plainDecimal} reads: their value stays below 2^53. */
  private static final int MAX_DIGITS = 15;

  /**
   * {@code text} as a double when it is a plain decimal ({@code [+-]digits[.digits]}) of at most
   * {@value #MAX_DIGITS} digits, else NaN (then {@link Double#parseDouble} reads it). The value is
   * {@code m / 10^k} with both exact doubles, and one correctly rounded division gives the
   * correctly rounded value, so exactly what {@code Double.parseDouble} gives (Clinger's fast
   * path), several times faster.
   */
  static double plainDecimal(String text) {
    // A character beyond Latin-1 becomes '?', which is not part of a plain decimal either.
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    return plainDecimal(bytes, 0, bytes.length);
  }

  /**
   * {@link #plainDecimal(String)} of the ASCII text in bytes {@code [from, to)} of {@code text},
   * read without making a string.
   */
  static double plainDecimal(byte[] text, int from, int to) {
    if (to - from == 1) {
      // One digit, as most cells of a sparse file ("0") are.
      int d = text[from] - '0';
      return d >= 0 && d <= 9 ? d : Double.NaN;
    }
    int i = from;
    boolean negative = false;
    if (i < to && (text[i] == '-' || text[i] == '+')) {
      negative = text[i] == '-';
      i++;
    }
    long m = 0;
    int digits = 0;
    int fraction = -1;
    for (; i < to; i++) {
      int c = text[i];
      if (c >= '0' && c <= '9') {
        if (++digits > MAX_DIGITS) {
          return Double.NaN;
        }
        m = m * 10 + (c - '0');
        if (fraction >= 0) {
          fraction++;
        }
      } else if (c == '.' && fraction < 0) {
        fraction = 0;
      } else {
        return Double.NaN;
      }
    }
    if (digits == 0) {
      return Double.NaN;
    }
    double v = fraction > 0 ? m / POWERS_OF_TEN[fraction] : m;
    return negative ? -v : v;
  }

  /**
   * A cell as a weight, a finite number &gt;= 0.
   *
   * @throws IllegalArgumentException as {@link #number}, and for a negative weight
   */
  public static double weight(String name, long line, String column, String text) {
    double v = number(name, line, column, text);
    if (v < 0) {
      throw Errors.negativeWeight(name, line, column, v);
    }
    return v;
  }

  /**
   * An error about one cell: {@code data.csv line 7, column 'x': <what>.}
   *
   * @param what a phrase, without the final full stop
   * @param cause the cause, or null
   */
  public static IllegalArgumentException error(
      String name, long line, String column, String what, Throwable cause) {
    return Errors.cell(name, line, column, what, cause);
  }
}
