package io.github.javanets.cli;

import io.github.javanets.models.Dataset;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The examples a model sees in a CSV table: its rows, or, for a recurrent model, its sequences of
 * rows ({@link Sequences}). Training splits and batches examples; predictions come back one per row
 * either way. Immutable.
 */
final class Examples {
  private final TableData data;
  private final Sequences sequences;

  private Examples(TableData data, Sequences sequences) {
    this.data = data;
    this.sequences = sequences;
  }

  /**
   * The examples of {@code table}, read into {@code data}: its sequences when {@code info} names a
   * sequence column, else its rows.
   *
   * @throws IllegalArgumentException if the table lacks the sequence column
   */
  static Examples of(TableData data, CsvTable table, ModelInfo info, String role) {
    String column = info.columns().sequence();
    return new Examples(data, column == null ? null : Sequences.group(table, column, role));
  }

  /** Whether the examples are sequences. */
  boolean sequential() {
    return sequences != null;
  }

  /** The number of examples: rows or sequences. */
  int count() {
    return sequences == null ? data.rows() : sequences.count();
  }

  /** What an example is, in the plural: {@code "rows"} or {@code "sequences"}. */
  String noun() {
    return sequences == null ? "rows" : "sequences";
  }

  /** The length of the longest sequence, or 0 for rows. */
  int steps() {
    return sequences == null ? 0 : sequences.longest();
  }

  /** The examples at {@code indexes}, in that order. */
  Examples select(int[] indexes) {
    return sequences == null
        ? new Examples(data.select(indexes), null)
        : new Examples(data, sequences.select(indexes));
  }

  /** {@code "64 rows"}, or {@code "30 sequences of 5-9 steps (210 rows)"}. */
  String summary() {
    if (sequences == null) {
      return data.rows() + " rows";
    }
    int lo = sequences.shortest();
    int hi = sequences.longest();
    return sequences.count()
        + " sequences of "
        + (lo == hi ? lo + "" : lo + "-" + hi)
        + (hi == 1 ? " step (" : " steps (")
        + sequences.rows()
        + " rows)";
  }

  /** The inputs: {@code (N, I)}, or sequences {@code (B, T, I)} padded to the longest. */
  INDArray inputs() {
    return sequences == null ? data.inputs() : sequences.inputs(data, steps());
  }

  /**
   * The model's dataset; sequences are padded to {@code steps} (at least {@link #steps()}) with
   * weight 0 on the padded steps.
   */
  Dataset dataset(int steps) {
    return sequences == null ? data.dataset() : sequences.dataset(data, steps);
  }

  /** A model's outputs for {@link #inputs()}, one per row in row order. */
  INDArray perRow(INDArray outputs) {
    return sequences == null ? outputs : sequences.unpad(outputs);
  }
}
