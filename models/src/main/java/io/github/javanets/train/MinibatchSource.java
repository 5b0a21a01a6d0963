package io.github.javanets.train;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Map;
import java.util.Random;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The rows a {@link Trainer} reads in minibatches, as the placeholders of its {@link
 * TrainingProblem} take them: a model adapts its training or validation data set to one. The
 * trainer asks for contiguous row ranges, in an order shuffled by the seed when it trains. Data
 * that need not be held in memory come as a {@link FeedSource}. {@link #feed} is called on the
 * trainer's thread: rows in memory are not read ahead. Internal to javanets: outside use is
 * unsupported.
 */
@API(status = INTERNAL, since = "0.1", consumers = "io.github.javanets.models")
public interface MinibatchSource {
  /** The number of rows, &gt;= 1. */
  long rows();

  /**
   * The placeholder values for rows {@code [from, to)}.
   *
   * @param from the first row, &gt;= 0
   * @param to the row after the last, &gt; {@code from} and &lt;= {@link #rows()}
   * @param noise the source of training noise and dropout masks, or null to evaluate without them
   * @return placeholder name to array; never null
   */
  Map<String, INDArray> feed(long from, long to, Random noise);
}
