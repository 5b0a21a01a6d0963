package io.github.javanets.models;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.javanets.loss.Loss;
import io.github.javanets.train.FeedSource;
import io.github.javanets.train.StepExecutor;
import io.github.javanets.train.Trainer;
import io.github.javanets.train.TrainingProblem;
import io.github.javanets.train.TrainingRun;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A model trained on minibatches split into shards, each shard on another machine: the graph of a
 * shard, whose monitors and gradients add up over the shards to those of the whole minibatch, the
 * checks and feeds of a shard's rows, and the driver's side, {@link #train}, which runs a {@link
 * Trainer}'s loop with the shards' sums as each step. How {@code javanets-spark} trains exactly;
 * internal to javanets, outside use is unsupported. Not thread-safe: one thread uses an instance
 * (executors keep one per task thread).
 *
 * <p>Exactness: each loss must declare {@link io.github.javanets.loss.Decomposable}; its value on
 * the whole minibatch is {@code sum_s(D_s v_s) / sum_s(D_s)} with {@code D_s} its denominator on
 * shard {@code s} ({@link #denominators}), so a shard's graph multiplies its value by {@code D_s /
 * D}. Penalties on parameters count on one shard, penalties on activations in proportion to the
 * shard's rows. Noise and dropout are refused.
 */
@API(status = INTERNAL, since = "0.2", consumers = "io.github.javanets.spark")
public final class ShardedModel {
  private static final Logger LOG = LoggerFactory.getLogger(Model.class);

  private final Model model;
  private final List<Loss> losses;
  private final Map<Regularizer, Double> regularizers;
  private final Map<Integer, ModelGraph> graphs = new HashMap<>();
  private final boolean exact;

  private ShardedModel(Model model, Map<Regularizer, Double> regularizers, boolean exact) {
    this.model = model;
    this.exact = exact;
    this.losses = List.copyOf(model.losses());
    this.regularizers = Map.copyOf(regularizers);
  }

  /**
   * The shards of {@code model} under {@code options}' regularizers, checked at once: every loss
   * declares a reduction that splits exactly, and no regularizer draws noise.
   *
   * @param model the model; not null
   * @param options the training options; not null
   * @return the sharded model; never null
   * @throws IllegalArgumentException naming the first loss or regularizer that cannot split
   */
  public static ShardedModel of(Model model, TrainOptions options) {
    ShardedModel sharded = new ShardedModel(model, options.regularizers(), true);
    sharded.graph(probeSteps(model));
    return sharded;
  }

  /**
   * The model trained on each shard's own minibatches (parameter averaging): shard graphs are the
   * model's usual training graphs, so any loss and regularizer is accepted, and {@link
   * #denominators} gives no value.
   *
   * @param model the model; not null
   * @param options the training options; not null
   * @return the model's shards; never null
   */
  public static ShardedModel local(Model model, TrainOptions options) {
    return new ShardedModel(model, options.regularizers(), false);
  }

  private static int probeSteps(Model model) {
    return model.network().unrolled() && model.kind().recurrent ? 1 : -1;
  }

  /** The number of losses, and of scales a shard's feed takes. */
  public int lossCount() {
    return losses.size();
  }

  /** The model. */
  public Model model() {
    return model;
  }

  /**
   * The shard graph for sequences of {@code steps} steps ({@link #steps}), built once.
   *
   * @param steps the steps, -1 for any
   * @return the graph as a trainer reads it; never null
   */
  public TrainingProblem graph(int steps) {
    return graphs.computeIfAbsent(
        steps,
        t ->
            exact
                ? ModelGraph.shard(
                    model.kind(),
                    model.network(),
                    model.liveParameters(),
                    model.dataType(),
                    t,
                    losses,
                    regularizers)
                : ModelGraph.training(
                    model.kind(),
                    model.network(),
                    model.liveParameters(),
                    model.dataType(),
                    t,
                    losses,
                    regularizers));
  }

  /** The steps a graph must be built for to take {@code batch}: -1 unless an rnn is unrolled. */
  public int steps(Dataset batch) {
    return model.graphs().steps(batch.inputs());
  }

  /** The rows of {@code batch} as penalties on activations count them: rows, times steps. */
  public static long lead(Dataset batch) {
    INDArray x = batch.inputs();
    return x.rank() == 3 ? x.size(0) * x.size(1) : x.size(0);
  }

  /**
   * Checks a shard's rows as a model checks a training batch.
   *
   * @throws IllegalArgumentException naming the array and what is wrong
   */
  public void check(Dataset batch) {
    ModelChecks.batch(model.kind(), model.network(), losses, batch, "training");
  }

  /**
   * Each loss's denominator on {@code batch} (its sum of weights, or its number of errors).
   *
   * @param batch the shard's rows, checked; not null
   * @return one value per loss, in order; never null
   */
  public double[] denominators(Dataset batch) {
    if (!exact) {
      return new double[0];
    }
    ModelGraph g = (ModelGraph) graph(steps(batch));
    List<String> variables = g.denominators();
    Map<String, INDArray> out =
        g.compute(feed(g, batch, new double[losses.size()], 0, 0, null), variables);
    double[] d = new double[variables.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = out.get(variables.get(i)).getDouble(0);
    }
    return d;
  }

  /**
   * The placeholders of a shard: its rows, and its scales.
   *
   * @param batch the rows, checked; not null
   * @param lossScales each loss's {@code D_s / D} (0 where {@code D} is 0); not null
   * @param params 1 on the one shard that counts penalties on parameters, else 0
   * @param rows the shard's share of the rows, for penalties on activations
   * @param noise draws noise and dropout masks (parameter averaging), or null for none
   * @return placeholder name to array; never null
   */
  public Map<String, INDArray> feed(
      Dataset batch, double[] lossScales, double params, double rows, Random noise) {
    return feed((ModelGraph) graph(steps(batch)), batch, lossScales, params, rows, noise);
  }

  private Map<String, INDArray> feed(
      ModelGraph g, Dataset batch, double[] lossScales, double params, double rows, Random noise) {
    Map<String, INDArray> feed = new LinkedHashMap<>(g.feed(batch, noise));
    for (int i = 0; i < lossScales.length; i++) {
      if (g.graph().hasVariable(ShardScales.LOSS + i)) {
        feed.put(ShardScales.LOSS + i, scalar(lossScales[i]));
      }
    }
    if (g.graph().hasVariable(ShardScales.PARAMS)) {
      feed.put(ShardScales.PARAMS, scalar(params));
    }
    if (g.graph().hasVariable(ShardScales.ROWS)) {
      feed.put(ShardScales.ROWS, scalar(rows));
    }
    return feed;
  }

  private INDArray scalar(double v) {
    return Nd4j.scalar(model.dataType(), v);
  }

  /**
   * Sets the model's parameters.
   *
   * @param values values by parameter name (as {@link Model#parameters()} names them); not null
   */
  public void setParameters(Map<String, INDArray> values) {
    model.liveParameters().forEach((name, p) -> p.assign(values.get(name)));
  }

  /**
   * Trains {@code model} on the driver: a {@link Trainer}'s loop (updates, validation, early
   * stopping, listeners, the best parameters kept) whose steps {@code steps} computes from the
   * model's training graph, under the model's lock; on failure the model keeps its parameters.
   *
   * @param model the model; not null
   * @param options the options; not null
   * @param sequenceSteps the steps the graph is built for, -1 for any
   * @param train the training minibatches; not null
   * @param valid the validation minibatches, or null to validate on {@code train}
   * @param steps makes the step executor from the driver's training graph; not null
   * @return the result; never null
   */
  public static TrainingResult train(
      Model model,
      TrainOptions options,
      int sequenceSteps,
      FeedSource train,
      FeedSource valid,
      Function<TrainingProblem, StepExecutor> steps) {
    Objects.requireNonNull(steps, "steps");
    return model.locked(
        () -> {
          Trainer trainer = model.trainers().get(options.algorithm());
          ModelGraph graph =
              model.graphs().training(model.losses(), options.regularizers(), sequenceSteps);
          graph.checkOptimisable();
          TrainingRun run =
              trainer.train(
                  graph, train, valid, TrainingAdapter.settings(options), steps.apply(graph));
          TrainingResult result = TrainingAdapter.result(run);
          result.warnings().forEach(LOG::warn);
          return result;
        });
  }
}
