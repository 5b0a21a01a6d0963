package io.github.javanets.spark;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Which columns of a Spark {@code Dataset<Row>} a model reads, named as the command line names
 * them: {@code --target-column} (repeated), {@code --input-column} (repeated; none means every
 * other column), {@code --weights-column} and, for a recurrent model, {@code --sequence-column}.
 * Cells must be numbers; a classifier's one target column holds class indices (integers &gt;= 0). A
 * weights column gives one weight per row, used for every element of that row's target (or inputs,
 * for an autoencoder). Immutable.
 *
 * <p>Sequences ({@link #sequence(String, String, int)}): the rows with one value of the sequence
 * column form a sequence, one row per step, in the order of the order column's values (a {@code
 * Dataset<Row>} has no reliable row order, so the order is a column, where the command line takes
 * the file's order; for rows read in file order, {@code functions.monotonically_increasing_id()}
 * added before any shuffle gives it). A sequence is padded at its end to {@code steps} steps with
 * zeros and weight 0: inputs {@code (B, steps, I)}, targets {@code (B, steps, O)} or class indices
 * {@code (B, steps)}, weights {@code (B, steps, O)} ({@code (B, steps)} for a classifier, {@code
 * (B, steps, I)} for an autoencoder), the weights column's value (or 1) on every real step. How the
 * sequences are spread over partitions and cut into batches: {@link
 * SparkTrainer#train(io.github.javanets.models.Model, org.apache.spark.sql.Dataset, RowColumns,
 * org.apache.spark.sql.Dataset, io.github.javanets.models.TrainOptions)}.
 *
 * @param inputs the input columns, in order; empty for every column that is not a target, the
 *     weights, the sequence or the order
 * @param targets the target columns, in order; empty for an autoencoder
 * @param weights the weights column, or null for none
 * @param sequence the sequence id column (strings or integers), or null for rows that are examples
 *     of a feed-forward model
 * @param order the column whose values (finite numbers, distinct within a sequence) order the rows
 *     of a sequence, or null when {@code sequence} is
 * @param steps the length sequences are padded to, &gt;= 1; 0 when {@code sequence} is null
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record RowColumns(
    List<String> inputs,
    List<String> targets,
    String weights,
    String sequence,
    String order,
    int steps) {
  /**
   * Copies the lists and checks the sequence: with a sequence column, an order column and {@code
   * steps} &gt;= 1; without one, neither.
   *
   * @throws NullPointerException if a list is null
   * @throws IllegalArgumentException if {@code steps} &lt; 1 with a sequence column, or the order
   *     or steps are given without one
   */
  public RowColumns {
    inputs = List.copyOf(inputs);
    targets = List.copyOf(targets);
    if (sequence != null) {
      Objects.requireNonNull(order, "order");
      if (steps < 1) {
        throw Errors.sequenceStepsTooSmall(steps);
      }
    } else if (order != null || steps != 0) {
      throw Errors.orderWithoutSequence(order, steps);
    }
  }

  /**
   * Columns of rows that are examples of a feed-forward model (no sequence column).
   *
   * @param inputs the input columns, in order; empty for every other column
   * @param targets the target columns, in order
   * @param weights the weights column, or null for none
   * @throws NullPointerException if a list is null
   */
  public RowColumns(List<String> inputs, List<String> targets, String weights) {
    this(inputs, targets, weights, null, null, 0);
  }

  /**
   * Target columns; every other column is an input.
   *
   * @param targets the target columns; not null
   * @return the columns; never null
   */
  public static RowColumns targets(String... targets) {
    return new RowColumns(List.of(), List.of(targets), null);
  }

  /**
   * These columns, with a weights column.
   *
   * @param weights the weights column; not null
   * @return new columns; never null
   */
  public RowColumns weightedBy(String weights) {
    return new RowColumns(
        inputs, targets, Objects.requireNonNull(weights, "weights"), sequence, order, steps);
  }

  /**
   * These columns, with these inputs.
   *
   * @param inputs the input columns; not null
   * @return new columns; never null
   */
  public RowColumns inputs(String... inputs) {
    return new RowColumns(List.of(inputs), targets, weights, sequence, order, steps);
  }

  /**
   * These columns, with the rows grouped into sequences for a recurrent model: the rows with one
   * value of {@code column} (as {@code --sequence-column} names it) form a sequence, ordered by the
   * values of {@code order}, padded at the end to {@code steps} steps with weight 0. A sequence of
   * more than {@code steps} rows, a null or empty id, and two rows of one sequence with one order
   * value are errors naming the value.
   *
   * @param column the sequence id column (strings or integers); not null
   * @param order the column that orders a sequence's rows (finite numbers); not null
   * @param steps the length sequences are padded to, &gt;= 1
   * @return new columns; never null
   * @throws IllegalArgumentException if {@code steps} &lt; 1
   */
  public RowColumns sequence(String column, String order, int steps) {
    return new RowColumns(
        inputs,
        targets,
        weights,
        Objects.requireNonNull(column, "column"),
        Objects.requireNonNull(order, "order"),
        steps);
  }

  /** Whether the rows are grouped into sequences. */
  public boolean sequential() {
    return sequence != null;
  }
}
