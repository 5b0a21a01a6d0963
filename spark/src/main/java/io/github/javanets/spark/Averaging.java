package io.github.javanets.spark;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.github.javanets.models.TrainOptions;
import io.github.javanets.train.Algorithm;
import io.github.javanets.train.Feed;
import io.github.javanets.train.FeedPass;
import io.github.javanets.train.FeedSource;
import io.github.javanets.train.JavanetsModule;
import io.github.javanets.train.StepExecutor;
import io.github.javanets.train.TrainingProblem;
import io.github.javanets.train.TrainingSettings;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Parameter averaging: each training feed is a round in which every partition trains {@code every}
 * steps on its own next batches (each step the mean over its own shard, with the model's algorithm,
 * from the driver's parameters and updater state), and the driver sets the model's parameters, and
 * keeps the updater state, to their means over the partitions that trained. The round's gradients
 * returned to the trainer are empty, so its own update leaves the averaged parameters as they are.
 * Validation is evaluated exactly, as {@link SparkSteps} evaluates it. The algorithm is the
 * built-in one of that name ({@link JavanetsModule}'s).
 */
final class Averaging implements StepExecutor {
  private final JavaSparkContext sc;
  private final Broadcast<Shipment> ship;
  private final TrainingProblem problem;
  private final ShardData train;
  private final SparkSteps exact;
  private final int every;
  private final IUpdater updater;
  private final DataType type;
  private final StepStats stats;
  private final long seed;
  private ParameterBlock state;
  private int rounds;

  Averaging(
      JavaSparkContext sc,
      Broadcast<Shipment> ship,
      TrainingProblem problem,
      ShardData train,
      SparkSteps exact,
      int every,
      TrainOptions options,
      DataType type,
      StepStats stats) {
    this.sc = sc;
    this.ship = ship;
    this.problem = problem;
    this.train = train;
    this.exact = exact;
    this.every = every;
    this.updater = updater(options);
    this.seed = options.seed();
    this.type = type;
    this.stats = stats;
  }

  private static IUpdater updater(TrainOptions o) {
    Map<String, Algorithm> algorithms =
        Guice.createInjector(new JavanetsModule())
            .getInstance(Key.get(new TypeLiteral<Map<String, Algorithm>>() {}));
    TrainingSettings settings =
        new TrainingSettings(
            o.algorithm(),
            o.learningRate(),
            o.momentum(),
            o.batchSize(),
            o.maxUpdates(),
            o.validateEvery(),
            o.patience(),
            o.minImprovement(),
            o.maxGradientNorm(),
            o.seed());
    Algorithm a = algorithms.get(o.algorithm());
    return a.updater(settings);
  }

  /** The rounds of a pass of {@code data}, as training feeds. */
  static FeedSource rounds(ShardData data, int every) {
    int rounds = (data.batches() + every - 1) / every;
    return new FeedSource() {
      @Override
      public long batches() {
        return rounds;
      }

      @Override
      public String description() {
        return data.description();
      }

      @Override
      public boolean readAhead() {
        return false;
      }

      @Override
      public FeedPass open(Random noise) {
        return new FeedPass() {
          private int r;

          @Override
          public Feed next() {
            if (r >= rounds) {
              return null;
            }
            long rows = 0;
            for (int b = r * every; b < Math.min(data.batches(), (r + 1) * every); b++) {
              rows += data.rows(b);
            }
            return new Feed(Map.of(ShardFeeds.KEY, Nd4j.scalar(r++)), rows);
          }
        };
      }
    };
  }

  @Override
  public Map<String, INDArray> evaluate(Feed feed) {
    return exact.evaluate(feed);
  }

  @Override
  public OutAndGrad train(Feed feed) {
    int r = feed.placeholders().get(ShardFeeds.KEY).getInt(0);
    ParameterBlock params = ParameterBlock.of(problem.parameters(), problem.parameters().keySet());
    Round start =
        new Round(params, state, updater, rounds * every, r * every, every, seed + rounds);
    Broadcast<Round> shared = sc.broadcast(start);
    try {
      Broadcast<Shipment> s = ship;
      int losses = s.value().losses().size();
      List<RoundResult> results =
          new ArrayList<>(
              train
                  .partitions()
                  .mapPartitionsWithIndex((p, it) -> local(p, it, s, shared, losses), true)
                  .collect());
      results.sort((x, y) -> Integer.compare(x.partition, y.partition));
      rounds++;
      return average(results, start);
    } finally {
      shared.destroy();
    }
  }

  private OutAndGrad average(List<RoundResult> results, Round start) {
    ParameterBlock.Sum p = new ParameterBlock.Sum();
    ParameterBlock.Sum u = new ParameterBlock.Sum();
    List<String> variables = problem.monitorVariables();
    double[] monitors = new double[variables.size()];
    long rows = 0;
    long bytes = 0;
    for (RoundResult r : results) {
      p.add(r.params, 1.0 / results.size());
      if (r.state != null) {
        u.add(r.state, 1.0 / results.size());
      }
      for (int i = 0; i < monitors.length; i++) {
        monitors[i] += r.monitors[i];
      }
      rows += r.rows;
      bytes += r.params.bytes() + (r.state == null ? 0 : r.state.bytes()) + 8L * monitors.length;
    }
    Map<String, INDArray> averaged = p.toArrays(type);
    averaged.forEach((name, value) -> problem.parameters().get(name).assign(value));
    Map<String, INDArray> states = u.toArrays(type);
    state = states.isEmpty() ? null : ParameterBlock.of(states, states.keySet());
    Map<String, INDArray> outputs = new LinkedHashMap<>();
    for (int i = 0; i < monitors.length; i++) {
      outputs.put(variables.get(i), Nd4j.scalar(type, rows == 0 ? 0 : monitors[i] / rows));
    }
    stats.round(
        start.params.bytes() + (start.state == null ? 0 : start.state.bytes()),
        bytes,
        results.size());
    return new OutAndGrad(outputs, Map.of());
  }

  private static Iterator<RoundResult> local(
      int partition,
      Iterator<List<io.github.javanets.spark.Batch>> it,
      Broadcast<Shipment> ship,
      Broadcast<Round> round,
      int losses) {
    List<io.github.javanets.spark.Batch> batches = it.hasNext() ? it.next() : List.of();
    Round start = round.value();
    if (start.first >= batches.size()) {
      return Collections.emptyIterator();
    }
    Worker w = Worker.borrow(ship.value());
    try {
      return Collections.singletonList(w.averagingRound(partition, batches, start, losses))
          .iterator();
    } finally {
      Worker.release(ship.value(), w);
    }
  }

  /** What a round starts from, broadcast to every partition. */
  static final class Round implements Serializable {
    private static final long serialVersionUID = 1L;
    final ParameterBlock params;
    final ParameterBlock state;
    final IUpdater updater;
    final int iteration;
    final int first;
    final int steps;
    final long seed;

    Round(
        ParameterBlock params,
        ParameterBlock state,
        IUpdater updater,
        int iteration,
        int first,
        int steps,
        long seed) {
      this.seed = seed;
      this.params = params;
      this.state = state;
      this.updater = updater;
      this.iteration = iteration;
      this.first = first;
      this.steps = steps;
    }

    /** One updater per parameter, from the shipped state (or fresh), and its state arrays. */
    Map<String, GradientUpdater<?>> updaters(
        Map<String, INDArray> params, Map<String, INDArray> views) {
      Map<String, GradientUpdater<?>> out = new LinkedHashMap<>();
      Map<String, INDArray> shipped = new LinkedHashMap<>();
      if (state != null) {
        params.forEach(
            (n, p) -> shipped.put(n, Nd4j.zeros(p.dataType(), 1, updater.stateSize(p.length()))));
        state.assignTo(shipped);
      }
      params.forEach(
          (n, p) -> {
            long size = updater.stateSize(p.length());
            INDArray view =
                state != null
                    ? shipped.get(n)
                    : (size == 0 ? null : Nd4j.zeros(p.dataType(), 1, size));
            views.put(n, view);
            out.put(n, updater.instantiate(view, state == null));
          });
      return out;
    }
  }

  /** What a partition returns at the end of a round. */
  static final class RoundResult implements Serializable {
    private static final long serialVersionUID = 1L;
    final int partition;
    final ParameterBlock params;
    final ParameterBlock state;
    final double[] monitors;
    final long rows;

    RoundResult(
        int partition, ParameterBlock params, ParameterBlock state, double[] monitors, long rows) {
      this.partition = partition;
      this.params = params;
      this.state = state;
      this.monitors = monitors;
      this.rows = rows;
    }

    @Override
    public String toString() {
      return "round of partition " + partition + " " + Arrays.toString(monitors);
    }
  }
}
