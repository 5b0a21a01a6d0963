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
import scala.Tuple2;

/**
 * The driver's step (exact mode; in parameter averaging, the validation): broadcasts the
 * parameters, runs one task per partition that computes its shard's scaled monitors and gradients
 * ({@link Worker#run}), and sums the results in partition order (on the driver, or first on the
 * executors in groups: {@link #combine}), so that a step gives the same sums, bit for bit,
 * whichever executor ran which task and however often a task was retried. Not thread-safe: the
 * trainer calls it on one thread.
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
  private final int fanIn;

  SparkSteps(
      JavaSparkContext sc,
      Broadcast<Shipment> ship,
      TrainingProblem problem,
      ShardData train,
      ShardData valid,
      int losses,
      DataType type,
      StepStats stats,
      boolean exact,
      int fanIn) {
    this.exact = exact;
    this.fanIn = fanIn;
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
      double[] factors = exact ? null : data.shareOfRows(b);
      JavaRDD<ShardResult> shards =
          run(data.partitions(), ship, shared, b, data.scales(b, losses), losses, gradients);
      List<Partial> collected;
      int partitions = data.partitions().getNumPartitions();
      if (fanIn > 1 && partitions > fanIn) {
        collected = combine(shards, partitions, fanIn, factors).collect();
        stats.step(
            params.bytes(),
            collected.stream().mapToInt(Partial::shards).sum(),
            collected.stream().mapToLong(Partial::bytes).sum(),
            gradients);
      } else {
        List<ShardResult> results = shards.collect();
        collected = new ArrayList<>();
        long bytes = 0;
        for (ShardResult r : results) {
          collected.add(Partial.of(r, factor(factors, r)));
          bytes += 8L * r.monitors().length + (r.gradients() == null ? 0 : r.gradients().bytes());
        }
        stats.step(params.bytes(), results.size(), bytes, gradients);
      }
      return sum(Partial.sum(collected), gradients);
    } finally {
      shared.destroy();
    }
  }

  private static double factor(double[] factors, ShardResult r) {
    return factors == null ? 1 : factors[r.partition()];
  }

  /**
   * The shards' results combined on the executors in groups of {@code fanIn} consecutive partitions
   * (the shards' results travel as they are, in the model's data type; the groups' sums in double),
   * level after level, until at most {@code fanIn} sums are left for the driver. Each group is
   * summed in partition order, so the sums do not depend on which executor ran what, nor on
   * retries.
   *
   * @param factors each partition's factor for its monitors, or null for 1
   */
  static JavaRDD<Partial> combine(
      JavaRDD<ShardResult> shards, int partitions, int fanIn, double[] factors) {
    int groups = (partitions + fanIn - 1) / fanIn;
    JavaRDD<Partial> level =
        shards
            .mapToPair(r -> new Tuple2<>(r.partition() / fanIn, r))
            .groupByKey(groups)
            .map(
                g -> {
                  List<Partial> parts = new ArrayList<>();
                  g._2().forEach(r -> parts.add(Partial.of(r, factor(factors, r))));
                  return Partial.sum(parts);
                });
    long span = fanIn;
    while (groups > fanIn) {
      long wider = span * fanIn;
      groups = (int) ((partitions + wider - 1) / wider);
      level =
          level
              .mapToPair(p -> new Tuple2<>((int) (p.first() / wider), p))
              .groupByKey(groups)
              .map(g -> Partial.sum(toList(g._2())));
      span = wider;
    }
    return level;
  }

  private static List<Partial> toList(Iterable<Partial> parts) {
    List<Partial> list = new ArrayList<>();
    parts.forEach(list::add);
    return list;
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
   * The step's outputs from the shards' sum; with shards' graphs that are not exact (parameter
   * averaging), each shard's monitors were its own means, weighted by its share of the rows.
   */
  private OutAndGrad sum(Partial total, boolean gradients) {
    List<String> variables = problem.monitorVariables();
    Map<String, INDArray> outputs = new LinkedHashMap<>();
    for (int i = 0; i < variables.size(); i++) {
      outputs.put(variables.get(i), Nd4j.scalar(type, total.monitors()[i]));
    }
    return new OutAndGrad(outputs, gradients ? total.gradients(type) : Map.of());
  }
}
