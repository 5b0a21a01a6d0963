package io.github.javanets.cli;

/**
 * Where the per-element weights of a weighted model come from: a column of the data, a separate CSV
 * file with one row per data row, all ones, or nowhere (an unweighted model). Immutable.
 */
final class Weights {
  private static final Weights NONE = new Weights(null, null, false);
  private static final Weights ONES = new Weights(null, null, true);

  private final String column;
  private final CsvTable file;
  private final boolean ones;

  private Weights(String column, CsvTable file, boolean ones) {
    this.column = column;
    this.file = file;
    this.ones = ones;
  }

  /** No weights: the model is unweighted. */
  static Weights none() {
    return NONE;
  }

  /** Every weight 1. */
  static Weights allOnes() {
    return ONES;
  }

  /** The weights in a column of the data (repeated across the targets of a row). */
  static Weights column(String column) {
    return new Weights(column, null, false);
  }

  /** The weights in a file: one column (repeated across the targets) or one per target. */
  static Weights file(CsvTable file) {
    return new Weights(null, file, false);
  }

  /** Whether the data gets a weights array. */
  boolean present() {
    return this != NONE;
  }

  /** The data column, or null. */
  String column() {
    return column;
  }

  /** The weights file, or null. */
  CsvTable file() {
    return file;
  }

  /** Whether every weight is 1. */
  boolean isAllOnes() {
    return ones;
  }
}
