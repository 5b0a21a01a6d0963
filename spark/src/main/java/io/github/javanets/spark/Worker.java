package io.github.javanets.spark;

import io.github.javanets.loss.LossRegistry;
import io.github.javanets.loss.UnknownLossException;
import io.github.javanets.models.Dataset;
import io.github.javanets.models.Model;
import io.github.javanets.models.ShardedModel;
import io.github.javanets.train.Feed;
import io.github.javanets.train.StepExecutor;
import io.github.javanets.train.TrainingProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.spark.SparkEnv;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An executor's copy of the driver's model, rebuilt from a {@link Shipment} with the losses of this
 * executor's class path, and the graphs of its shards. A task borrows one for its partition and
 * gives it back ({@link #borrow}, {@link #release}): tasks running at once on one executor each
 * have their own, since a graph runs on one thread at a time. Executors keep the workers of the
 * last {@value #RUNS} runs.
 */
final class Worker {
  /** The runs whose workers an executor keeps. */
  static final int RUNS = 2;

  private static final Map<String, ConcurrentLinkedQueue<Worker>> POOLS = new ConcurrentHashMap<>();
  private static final ConcurrentLinkedQueue<String> ORDER = new ConcurrentLinkedQueue<>();

  private final ShardedModel sharded;
  private final Map<Integer, StepExecutor> steps = new HashMap<>();

  private Worker(ShardedModel sharded) {
    this.sharded = sharded;
  }

  /**
   * A worker for the run of {@code shipment}: an idle one, or a new one.
   *
   * @throws MissingLossException if a loss of the model is not on this executor's class path
   */
  static Worker borrow(Shipment shipment) {
    ConcurrentLinkedQueue<Worker> pool =
        POOLS.computeIfAbsent(
            shipment.run(),
            run -> {
              ORDER.add(run);
              while (ORDER.size() > RUNS) {
                String old = ORDER.poll();
                if (old != null) {
                  POOLS.remove(old);
                }
              }
              return new ConcurrentLinkedQueue<>();
            });
    Worker w = pool.poll();
    return w != null ? w : load(shipment);
  }

  /** Gives a worker back to its run's pool. */
  static void release(Shipment shipment, Worker worker) {
    ConcurrentLinkedQueue<Worker> pool = POOLS.get(shipment.run());
    if (pool != null) {
      pool.add(worker);
    }
  }

  /** Forgets the workers of a run (on the driver's JVM, when the run ends). */
  static void forget(String run) {
    POOLS.remove(run);
    ORDER.remove(run);
  }

  private static Worker load(Shipment shipment) {
    LossRegistry registry = LossRegistry.discover(Thread.currentThread().getContextClassLoader());
    for (String spec : shipment.losses()) {
      try {
        registry.create(spec);
      } catch (UnknownLossException e) {
        throw Errors.missingLoss(spec, executor());
      }
    }
    try {
      Path dir = Files.createTempDirectory("javanets-spark");
      Path file = dir.resolve("model.zip");
      try {
        Files.write(file, shipment.model());
        Model model = Model.load(file, registry);
        return new Worker(
            shipment.exact()
                ? ShardedModel.of(model, shipment.options())
                : ShardedModel.local(model, shipment.options()));
      } finally {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** This executor, as messages name it: its id and host. */
  static String executor() {
    SparkEnv env = SparkEnv.get();
    if (env == null) {
      return "(no Spark executor)";
    }
    return "executor " + env.executorId() + " on " + env.blockManager().blockManagerId().host();
  }

  ShardedModel sharded() {
    return sharded;
  }

  /** Each loss's denominator on a shard's rows, after checking them. */
  double[] survey(Dataset batch) {
    sharded.check(batch);
    return sharded.denominators(batch);
  }

  /**
   * Runs a shard's step (with gradients) or evaluation.
   *
   * @param params the parameters by graph variable
   * @param batch the shard's rows
   * @param lossScales each loss's share of its denominator
   * @param paramScale 1 on the shard that counts penalties on parameters
   * @param rowScale the shard's share of the rows
   * @param gradients whether to compute gradients
   * @return the monitors (by the problem's monitor order) and, when asked, the gradients
   */
  ShardResult run(
      ParameterBlock params,
      Dataset batch,
      double[] lossScales,
      double paramScale,
      double rowScale,
      boolean gradients,
      int partition) {
    int t = sharded.steps(batch);
    TrainingProblem problem = sharded.graph(t);
    params.assignTo(problem.parameters());
    StepExecutor executor = steps.computeIfAbsent(t, k -> StepExecutor.local(problem));
    Map<String, INDArray> feed = sharded.feed(batch, lossScales, paramScale, rowScale, null);
    Feed f = new Feed(feed, batch.rows());
    Map<String, INDArray> outputs;
    ParameterBlock grads = null;
    if (gradients) {
      OutAndGrad r = executor.train(f);
      outputs = r.getOutputs();
      grads = ParameterBlock.of(r.getGradients(), problem.parameters().keySet());
    } else {
      outputs = executor.evaluate(f);
    }
    List<String> variables = problem.monitorVariables();
    double[] monitors = new double[variables.size()];
    for (int i = 0; i < monitors.length; i++) {
      monitors[i] = outputs.get(variables.get(i)).getDouble(0);
    }
    return new ShardResult(partition, monitors, grads);
  }

  /**
   * One round of parameter averaging on a partition: from the round's parameters and updater state,
   * {@code steps} updates on the partition's batches from {@code first}, each on its own shard's
   * mean.
   */
  Averaging.RoundResult averagingRound(
      int partition, List<Batch> batches, Averaging.Round round, int losses) {
    double[] ones = new double[losses];
    java.util.Arrays.fill(ones, 1.0);
    Map<String, INDArray> params = null;
    Map<String, org.nd4j.linalg.learning.GradientUpdater<?>> updaters = null;
    Map<String, INDArray> views = new java.util.LinkedHashMap<>();
    double[] monitors = null;
    long rows = 0;
    int end = Math.min(batches.size(), round.first + round.steps);
    for (int b = round.first; b < end; b++) {
      Dataset data = batches.get(b).toDataset();
      int t = sharded.steps(data);
      TrainingProblem problem = sharded.graph(t);
      if (params == null) {
        params = problem.parameters();
        round.params.assignTo(params);
        updaters = round.updaters(params, views);
      }
      StepExecutor executor = steps.computeIfAbsent(t, k -> StepExecutor.local(problem));
      java.util.Random noise = new java.util.Random(round.seed ^ (31L * b + partition));
      OutAndGrad r = executor.train(new Feed(sharded.feed(data, ones, 1, 1, noise), data.rows()));
      List<String> variables = problem.monitorVariables();
      if (monitors == null) {
        monitors = new double[variables.size()];
      }
      for (int i = 0; i < monitors.length; i++) {
        monitors[i] += data.rows() * r.getOutputs().get(variables.get(i)).getDouble(0);
      }
      rows += data.rows();
      int iteration = round.iteration + (b - round.first);
      for (Map.Entry<String, INDArray> p : params.entrySet()) {
        INDArray g = r.getGradients().get(p.getKey());
        if (g == null) {
          continue;
        }
        INDArray update = g.dup('c').reshape(new long[] {1, p.getValue().length()});
        updaters.get(p.getKey()).applyUpdater(update, iteration, 0);
        p.getValue().subi(update.reshape(p.getValue().shape()));
      }
    }
    Map<String, INDArray> withState = new java.util.LinkedHashMap<>();
    views.forEach(
        (n, v) -> {
          if (v != null) {
            withState.put(n, v);
          }
        });
    return new Averaging.RoundResult(
        partition,
        ParameterBlock.of(params, params.keySet()),
        withState.isEmpty() ? null : ParameterBlock.of(withState, withState.keySet()),
        monitors,
        rows);
  }
}
