package io.github.javanets.train;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One minibatch as a {@link TrainingProblem}'s placeholders take it: what a {@link FeedPass}
 * yields. Its monitors count in the epoch's means with weight {@code rows}. Internal to javanets:
 * outside use is unsupported.
 *
 * @param placeholders placeholder name to array; not null
 * @param rows the minibatch's rows (its first dimension), &gt;= 1
 */
@API(status = INTERNAL, since = "0.2", consumers = "io.github.javanets.models")
public record Feed(Map<String, INDArray> placeholders, long rows) {
  /**
   * Checks the values.
   *
   * @throws NullPointerException if {@code placeholders} is null
   * @throws IllegalArgumentException if {@code rows} &lt; 1
   */
  public Feed {
    Objects.requireNonNull(placeholders, "placeholders");
    if (rows < 1) {
      throw Errors.feedWithoutRows(rows);
    }
  }
}
