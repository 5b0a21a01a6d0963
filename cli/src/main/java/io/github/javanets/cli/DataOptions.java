package io.github.javanets.cli;

import io.github.javanets.models.ModelKind;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The data options of {@code train}, checked together. picocli's argument groups refuse options
 * that exclude each other ({@code --valid} and {@code --valid-fraction}, {@code --weights-column}
 * and {@code --weights-file}); this checks what needs a reason in its message: {@code --recurrent}
 * and {@code --sequence-column} go together, {@code --weighted} needs a source of weights, and the
 * validation share is in [0, 1).
 *
 * @param kind the kind of model; not null
 * @param data the training data, or null for the embedded Iris data set
 * @param valid the validation data, or null
 * @param validFraction the share of examples held out when {@code valid} is null, in [0, 1)
 * @param weightsFile the file of weights, or null
 * @param columns the column roles as the options give them; not null
 * @param seed the seed of the validation split and of the shuffle
 * @param batchSize the examples per batch, &gt;= 1
 * @param shuffleBuffer the examples held to shuffle the training data as it streams, &gt;= 0
 * @param keepInMemory whether the parsed examples stay in memory after the first epoch
 */
record DataOptions(
    ModelKind kind,
    Path data,
    Path valid,
    double validFraction,
    Path weightsFile,
    ColumnRoles columns,
    long seed,
    int batchSize,
    int shuffleBuffer,
    TrainCommand.KeepInMemory keepInMemory) {
  /** Checks for null. */
  DataOptions {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(columns, "columns");
  }

  /**
   * The data options of {@code cmd}.
   *
   * @throws IllegalArgumentException for options that do not go together or a bad share
   */
  static DataOptions of(TrainCommand cmd) {
    if (cmd.recurrent && cmd.sequenceColumn == null) {
      throw new IllegalArgumentException(
          "--recurrent needs --sequence-column NAME, the column whose value says which sequence"
              + " each row belongs to.");
    }
    if (!cmd.recurrent && cmd.sequenceColumn != null) {
      throw new IllegalArgumentException(
          "--sequence-column groups rows into sequences for a recurrent model: add --recurrent.");
    }
    if (cmd.weighted && cmd.weightsColumn() == null && cmd.weightsFile() == null) {
      throw new IllegalArgumentException(
          "--weighted needs the weights: give --weights-column NAME or --weights-file FILE.csv.");
    }
    double fraction =
        cmd.validFraction() == null ? TrainCommand.DEFAULT_VALID_FRACTION : cmd.validFraction();
    if (!(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException(
          "--valid-fraction must be in [0, 1), got " + fraction + ".");
    }
    if (cmd.shuffleBuffer < 0) {
      throw new IllegalArgumentException(
          "--shuffle-buffer must be >= 0 (0 keeps the file's order), got "
              + cmd.shuffleBuffer
              + ".");
    }
    ColumnRoles columns =
        new ColumnRoles(
            cmd.inputColumns, cmd.targetColumns, cmd.weightsColumn(), cmd.sequenceColumn);
    return new DataOptions(
        cmd.kind(),
        cmd.data,
        cmd.valid(),
        fraction,
        cmd.weightsFile(),
        columns,
        cmd.seed,
        cmd.batchSize,
        cmd.shuffleBuffer,
        cmd.keepInMemory == null ? TrainCommand.KeepInMemory.AUTO : cmd.keepInMemory);
  }

  /** Whether the model is weighted: by a column or a file of weights, or as a recurrent model. */
  boolean weighted() {
    return kind.recurrent() || columns.weights() != null || weightsFile != null;
  }
}
