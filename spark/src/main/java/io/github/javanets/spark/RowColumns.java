package io.github.javanets.spark;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Which columns of a Spark {@code Dataset<Row>} a model reads, named as the command line names
 * them: {@code --target-column} (repeated), {@code --input-column} (repeated; none means every
 * other column) and {@code --weights-column}. Cells must be numbers; a classifier's one target
 * column holds class indices. A weights column gives one weight per row, used for every element of
 * that row's target (or inputs, for an autoencoder). Immutable.
 *
 * @param inputs the input columns, in order; empty for every column that is not a target or the
 *     weights
 * @param targets the target columns, in order; empty for an autoencoder
 * @param weights the weights column, or null for none
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record RowColumns(List<String> inputs, List<String> targets, String weights) {
  /**
   * Copies the lists.
   *
   * @throws NullPointerException if a list is null
   */
  public RowColumns {
    inputs = List.copyOf(inputs);
    targets = List.copyOf(targets);
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
    return new RowColumns(inputs, targets, Objects.requireNonNull(weights, "weights"));
  }

  /**
   * These columns, with these inputs.
   *
   * @param inputs the input columns; not null
   * @return new columns; never null
   */
  public RowColumns inputs(String... inputs) {
    return new RowColumns(List.of(inputs), targets, weights);
  }
}
