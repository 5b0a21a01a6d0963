package io.github.javanets.spark;

import io.github.javanets.models.Dataset;
import io.github.javanets.train.Feed;
import io.github.javanets.train.StepExecutor;
import io.github.javanets.train.TrainingProblem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The driver's step (exact mode; in parameter averaging, the validation): broadcasts the
 * parameters, runs one task per partition that computes its shard's scaled monitors and gradients
 * ({@link Worker#run}), and sums the results in partition order, so that a step gives the same
 * sums, bit for bit, whichever executor ran which task and however often a task was retried. Not
 * thread-safe: the trainer calls it on one thread.
 */
final class SparkSteps implements StepExecutor {
  private final JavaSparkContext sc;
  private final Broadcast<Shipment> ship;
  private final TrainingProblem problem;
  private final ShardData train;
  private final ShardData valid;
  private final int losses;
  private final DataType type;
  private final StepStats stats;
  private final boolean exact;

  SparkSteps(
      JavaSparkContext sc,
      Broadcast<Shipment> ship,
      TrainingProblem problem,
      ShardData train,
      ShardData valid,
      int losses,
      DataType type,
      StepStats stats,
      boolean exact) {
    this.exact = exact;
    this.sc = sc;
    this.ship = ship;
    this.problem = problem;
    this.train = train;
    this.valid = valid;
    this.losses = losses;
    this.type = type;
    this.stats = stats;
  }

  @Override
  public OutAndGrad train(Feed feed) {
    return run(feed, true);
  }

  @Override
  public Map<String, INDArray> evaluate(Feed feed) {
    return run(feed, false).getOutputs();
  }

  private OutAndGrad run(Feed feed, boolean gradients) {
    boolean training = feed.placeholders().containsKey(ShardFeeds.KEY);
    ShardData data = training ? train : valid;
    int b = feed.placeholders().get(training ? ShardFeeds.KEY : ShardFeeds.VALID_KEY).getInt(0);
    ParameterBlock params = ParameterBlock.of(problem.parameters(), problem.parameters().keySet());
    Broadcast<ParameterBlock> shared = sc.broadcast(params);
    try {
      List<ShardResult> results =
          new ArrayList<>(
              run(data.partitions(), ship, shared, b, data.scales(b, losses), losses, gradients)
                  .collect());
      results.sort((x, y) -> Integer.compare(x.partition(), y.partition()));
      stats.step(params.bytes(), results, gradients);
      return sum(results, gradients, data.shareOfRows(b));
    } finally {
      shared.destroy();
    }
  }

  private static JavaRDD<ShardResult> run(
      JavaRDD<List<Batch>> partitions,
      Broadcast<Shipment> ship,
      Broadcast<ParameterBlock> params,
      int b,
      double[][] scales,
      int losses,
      boolean gradients) {
    return partitions.mapPartitionsWithIndex(
        (p, it) -> shard(p, it, ship, params, b, scales[p], losses, gradients), true);
  }

  private static Iterator<ShardResult> shard(
      int partition,
      Iterator<List<Batch>> it,
      Broadcast<Shipment> ship,
      Broadcast<ParameterBlock> params,
      int b,
      double[] scales,
      int losses,
      boolean gradients) {
    List<Batch> batches = it.hasNext() ? it.next() : List.of();
    if (b >= batches.size()) {
      return Collections.emptyIterator();
    }
    if (gradients) {
      Faults.check(partition, ShardData.attempt());
    }
    Dataset data = batches.get(b).toDataset();
    double[] lossScales = java.util.Arrays.copyOf(scales, losses);
    Worker w = Worker.borrow(ship.value());
    try {
      ShardResult r =
          w.run(
              params.value(),
              data,
              lossScales,
              scales[losses],
              scales[losses + 1],
              gradients,
              partition);
      return Collections.singletonList(r).iterator();
    } finally {
      Worker.release(ship.value(), w);
    }
  }

  /**
   * The shards' sum; with shards' graphs that are not exact (parameter averaging), each shard's
   * monitors are its own means, weighted by its share of the rows.
   */
  private OutAndGrad sum(List<ShardResult> results, boolean gradients, double[] shares) {
    List<String> variables = problem.monitorVariables();
    double[] monitors = new double[variables.size()];
    ParameterBlock.Sum grads = new ParameterBlock.Sum();
    for (ShardResult r : results) {
      double factor = exact ? 1 : shares[r.partition()];
      for (int i = 0; i < monitors.length; i++) {
        monitors[i] += factor * r.monitors()[i];
      }
      if (gradients) {
        grads.add(r.gradients(), 1.0);
      }
    }
    Map<String, INDArray> outputs = new LinkedHashMap<>();
    for (int i = 0; i < monitors.length; i++) {
      outputs.put(variables.get(i), Nd4j.scalar(type, monitors[i]));
    }
    return new OutAndGrad(outputs, gradients ? grads.toArrays(type) : Map.of());
  }
}
