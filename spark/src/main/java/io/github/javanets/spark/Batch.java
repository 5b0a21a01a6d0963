package io.github.javanets.spark;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.github.javanets.models.Dataset;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A batch of rows as a Spark RDD holds it: the named arrays of a {@link Dataset} ({@code inputs},
 * {@code target}, {@code weights}, any array a loss reads), copied into Java arrays so that Spark
 * can serialize, cache and ship them. Immutable and thread-safe.
 *
 * <p>In a {@code JavaRDD<Batch>} given to {@link SparkTrainer}, each partition holds its batches in
 * order, and the minibatch of a training step is the {@code b}-th batch of every partition that has
 * one: the same step as single-process training on those batches stacked in partition order.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class Batch implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<String, NamedArray> arrays;
  private final long rows;
  private final String failure;

  private Batch(Map<String, NamedArray> arrays, long rows, String failure) {
    this.arrays = arrays;
    this.rows = rows;
    this.failure = failure;
  }

  /**
   * The arrays of {@code data}, copied.
   *
   * @param data the rows; not null
   * @return the batch; never null
   */
  public static Batch of(Dataset data) {
    Objects.requireNonNull(data, "data");
    Map<String, NamedArray> arrays = new LinkedHashMap<>();
    for (String name : data.names()) {
      arrays.put(name, NamedArray.of(data.array(name)));
    }
    return new Batch(Collections.unmodifiableMap(arrays), data.rows(), null);
  }

  static Batch of(Map<String, NamedArray> arrays, long rows) {
    return new Batch(Collections.unmodifiableMap(new LinkedHashMap<>(arrays)), rows, null);
  }

  /**
   * In place of a partition's batches, why its rows could not be made into batches: returned, not
   * thrown, so that Spark does not retry a task that would fail again; the survey before training
   * reports it.
   */
  static Batch failed(String why) {
    return new Batch(Map.of(), 0, Objects.requireNonNull(why, "why"));
  }

  /** Why the rows could not be made into batches, or null for a batch of rows. */
  String failure() {
    return failure;
  }

  /** The arrays' names; unmodifiable. */
  public Set<String> names() {
    return arrays.keySet();
  }

  /** The number of rows (the arrays' first dimension). */
  public long rows() {
    return rows;
  }

  /**
   * The batch as a data set of fresh ND4J arrays, checked as {@link Dataset#builder()} checks.
   *
   * @return the data set; never null
   * @throws IllegalArgumentException if the arrays do not form a valid data set
   */
  public Dataset toDataset() {
    if (failure != null) {
      throw new IllegalArgumentException(failure);
    }
    Dataset.Builder b = Dataset.builder();
    arrays.forEach(
        (name, a) -> {
          if (name.equals(Dataset.INPUTS)) {
            b.inputs(a.toArray());
          } else {
            b.array(name, a.toArray());
          }
        });
    return b.build();
  }

  /** The bytes its values take. */
  long bytes() {
    return arrays.values().stream().mapToLong(NamedArray::bytes).sum();
  }

  @Override
  public String toString() {
    return failure != null ? "Batch(failed: " + failure + ")" : "Batch" + arrays;
  }
}
