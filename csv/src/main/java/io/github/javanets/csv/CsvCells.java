package io.github.javanets.csv;

import static org.apiguardian.api.API.Status.INTERNAL;

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
    double v;
    try {
      v = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw Errors.notANumber(name, line, column, text, e);
    }
    if (Double.isNaN(v)) {
      throw Errors.nan(name, line, column, text);
    }
    if (Double.isInfinite(v)) {
      throw Errors.notFinite(name, line, column, text);
    }
    return v;
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
