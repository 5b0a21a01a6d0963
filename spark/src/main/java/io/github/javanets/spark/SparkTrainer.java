package io.github.javanets.spark;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.github.javanets.models.Model;
import io.github.javanets.models.Scaling;
import io.github.javanets.models.ShardedModel;
import io.github.javanets.models.TrainOptions;
import io.github.javanets.models.TrainingResult;
import io.github.javanets.train.StepExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apiguardian.api.API;

/**
 * Trains a javanets model on a Spark cluster. The driver holds the model and runs the trainer's
 * loop (updates, validation, early stopping, listeners and progress, as in one process); the
 * executors rebuild the model from its file and compute on the batches they hold.
 *
 * <ul>
 *   <li>{@link #exact} (synchronous): each global minibatch, the {@code b}-th batch of every
 *       partition, is split over the partitions; each computes its shard's part of every monitor
 *       and of the gradient, scaled by its share of each loss's denominator ({@code sum(w)}, or the
 *       number of errors), the driver sums them in partition order and applies one update with the
 *       model's algorithm. After each step the parameters are those of single-process training on
 *       the stacked minibatch, to float rounding. Only losses that declare {@link
 *       io.github.javanets.loss.Decomposable} are accepted, and no noise or dropout.
 *   <li>{@link #averaging} (parameter averaging): each partition trains {@code every} steps on its
 *       own batches, from the driver's parameters and updater state, and the driver averages the
 *       parameters and the updater state. Fewer round trips, not exact; any loss.
 * </ul>
 *
 * <p>Before the first step a survey job keeps each partition's batches in memory, rebuilds the
 * model on every executor (finding every loss through the executor's registry) and checks every
 * batch, so that a loss jar missing on an executor is one {@link MissingLossException} naming the
 * loss and the executor, and a bad batch one error naming its partition. A task that fails
 * afterwards is retried by Spark ({@code spark.task.maxFailures}); results are summed in partition
 * order (on the driver, or first on the executors: {@link #treeCombine}), so a retried run gives
 * the same parameters, bit for bit.
 *
 * <p>Immutable; a {@code train} call holds the model's lock, so calls on one model run one at a
 * time. {@link #lastRun()} is not synchronized.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class SparkTrainer {
  private final JavaSparkContext sc;
  private final int every;
  private final int fanIn;
  private volatile StepStats last;

  private SparkTrainer(JavaSparkContext sc, int every, int fanIn) {
    this.sc = Objects.requireNonNull(sc, "sc");
    this.every = every;
    this.fanIn = fanIn;
  }

  /**
   * Synchronous, exact training.
   *
   * @param sc the Spark context; not null
   * @return the trainer; never null
   */
  public static SparkTrainer exact(JavaSparkContext sc) {
    return new SparkTrainer(sc, 0, 0);
  }

  /**
   * Parameter averaging every {@code every} local steps, updater state included.
   *
   * @param sc the Spark context; not null
   * @param every local steps between averages, &gt;= 1
   * @return the trainer; never null
   * @throws IllegalArgumentException if {@code every} &lt; 1
   */
  public static SparkTrainer averaging(JavaSparkContext sc, int every) {
    if (every < 1) {
      throw Errors.averagingIntervalTooSmall(every);
    }
    return new SparkTrainer(sc, every, 0);
  }

  /**
   * This trainer, combining each step's results on the executors before the driver reads them: the
   * shards' gradients and monitors are summed in groups of {@code fanIn} consecutive partitions,
   * and those sums in groups of {@code fanIn} again, until at most {@code fanIn} sums are left for
   * the driver (one shuffle per level). The driver then receives {@code fanIn} or fewer gradients
   * per step instead of one per partition, in double precision, at the price of a shuffle's latency
   * per level: worth it for many partitions (see benchmarks/README.md, "what a 16- or 64-executor
   * run costs"), not for a few. Every group is summed in partition order, so a run gives the same
   * parameters, bit for bit, whichever executor computed what and however often a task was retried
   * (Spark's own {@code treeAggregate} merges partial results in the order they arrive). The sums
   * are associated differently from the driver's flat sum, so the two agree to float rounding, not
   * bit for bit. Applies to exact steps and to the validation of parameter averaging.
   *
   * @param fanIn the results summed per group, &gt;= 2; 0 to sum on the driver (the default)
   * @return a new trainer; never null
   * @throws IllegalArgumentException if {@code fanIn} is 1 or negative
   */
  public SparkTrainer treeCombine(int fanIn) {
    if (fanIn < 0 || fanIn == 1) {
      throw Errors.badFanIn(fanIn);
    }
    return new SparkTrainer(sc, every, fanIn);
  }

  /** The fan-in of {@link #treeCombine}, or 0 when the driver sums the shards' results. */
  public int fanIn() {
    return fanIn;
  }

  /** Whether this trainer is exact (not averaging). */
  public boolean isExact() {
    return every == 0;
  }

  /** The local steps between averages, or 0 for exact training. */
  public int averagingInterval() {
    return every;
  }

  /**
   * Trains on batches held by the cluster, validating on {@code valid}.
   *
   * @param model the model, trained in place; not null
   * @param train the training batches; not null
   * @param valid the validation batches; null to validate on {@code train}
   * @param options the options; {@code batchSize} is not read (the batches are made)
   * @return each epoch's monitors, as {@link Model#train} returns them; never null
   * @throws IllegalArgumentException (exact mode) for a loss that does not split exactly, naming
   *     it, or a regularizer that draws noise; for a batch that is not valid
   * @throws MissingLossException if an executor lacks a loss of the model
   * @throws IllegalArgumentException if the model scales its inputs or targets ({@link
   *     Model#inputScaling()}, {@link Model#targetScaling()}): the batches are trained on as given
   */
  public TrainingResult train(
      Model model, JavaRDD<Batch> train, JavaRDD<Batch> valid, TrainOptions options) {
    Objects.requireNonNull(model, "model");
    if (model.inputScaling() != Scaling.NONE || model.targetScaling() != Scaling.NONE) {
      throw Errors.scalingNotApplied(model.inputScaling(), model.targetScaling());
    }
    return trainScaled(model, train, valid, options);
  }

  /**
   * {@link #train(Model, JavaRDD, JavaRDD, TrainOptions)} on batches already scaled as the model's
   * fitted {@link Model#inputScaler()} and {@link Model#targetScaler()} say (the command line's
   * path).
   */
  TrainingResult trainScaled(
      Model model, JavaRDD<Batch> train, JavaRDD<Batch> valid, TrainOptions options) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(options, "options");
    ShardedModel sharded = isExact() ? ShardedModel.of(model, options) : null;
    StepStats stats = new StepStats();
    last = stats;
    Shipment shipment = Shipment.of(model, options, isExact());
    stats.model(shipment.modelBytes());
    Broadcast<Shipment> ship = sc.broadcast(shipment);
    ShardData trainData = null;
    ShardData validData = null;
    try {
      trainData = ShardData.survey("training data", train, ship);
      validData = valid == null ? trainData : ShardData.survey("validation data", valid, ship);
      ShardData t = trainData;
      ShardData v = validData;
      int losses = model.losses().size();
      return ShardedModel.train(
          model,
          options,
          trainData.steps(),
          isExact()
              ? new ShardFeeds(trainData, ShardFeeds.KEY, options.seed())
              : Averaging.rounds(trainData, every),
          new ShardFeeds(validData, ShardFeeds.VALID_KEY, null),
          problem -> steps(problem, ship, t, v, losses, model, stats, sharded, options));
    } finally {
      if (trainData != null) {
        trainData.release();
      }
      if (validData != null && validData != trainData) {
        validData.release();
      }
      ship.destroy();
      Worker.forget(shipment.run());
    }
  }

  private StepExecutor steps(
      io.github.javanets.train.TrainingProblem problem,
      Broadcast<Shipment> ship,
      ShardData train,
      ShardData valid,
      int losses,
      Model model,
      StepStats stats,
      ShardedModel sharded,
      TrainOptions options) {
    SparkSteps exact =
        new SparkSteps(
            sc, ship, problem, train, valid, losses, model.dataType(), stats, isExact(), fanIn);
    if (isExact()) {
      return exact;
    }
    return new Averaging(sc, ship, problem, train, exact, every, options, model.dataType(), stats);
  }

  /**
   * Trains on rows of a Spark {@code Dataset<Row>}, validating on {@code valid}.
   *
   * <ul>
   *   <li>A feed-forward model: each partition's rows, in order, are cut into batches of {@code
   *       ceil(batchSize / partitions)} rows.
   *   <li>A recurrent model, whose columns name a sequence column ({@link
   *       RowColumns#sequence(String, String, int)}): the rows are grouped by sequence id, in as
   *       many partitions as {@code train} (or {@code valid}) has. The sequence with id {@code v}
   *       goes to partition {@code pmod(hash(v), partitions)} (Spark's Murmur3 {@code hash}, as
   *       {@code Dataset.repartition(partitions, column)} places rows); a partition's sequences are
   *       in the order of their ids (as Spark sorts them), the steps of a sequence in the order of
   *       the order column's values; each partition's sequences are cut into batches of {@code
   *       ceil(batchSize / partitions)} sequences, each padded at its end with zeros and weight 0.
   *       The placement and order depend on the rows only, not on how they were partitioned or
   *       ordered: the same rows give the same batches, and with the same seed the same parameters,
   *       on every run and after a retried task. The model must be weighted ({@code
   *       weighted(true)}), so that padded steps do not count.
   * </ul>
   *
   * <p>Rows that cannot be made into batches (a cell that is not a finite number, a class index
   * that is not an integer &gt;= 0, a null or empty sequence id, a sequence longer than its padded
   * length, two rows of a sequence with one order value) stop the run before the first step with
   * one error naming the partition, the column and the value.
   *
   * @param model the model, trained in place; not null
   * @param train the training rows; not null
   * @param columns the columns the model reads; not null
   * @param valid the validation rows; null to validate on {@code train}
   * @param options the options; not null
   * @return each epoch's monitors; never null
   * @throws IllegalArgumentException for a column the rows lack or that has two roles, rows that
   *     cannot be made into batches, a recurrent model without a sequence column (or one that is
   *     not weighted), a feed-forward model with one, or as {@link #train(Model, JavaRDD, JavaRDD,
   *     TrainOptions)}
   */
  public TrainingResult train(
      Model model,
      org.apache.spark.sql.Dataset<Row> train,
      RowColumns columns,
      org.apache.spark.sql.Dataset<Row> valid,
      TrainOptions options) {
    Objects.requireNonNull(columns, "columns");
    JavaRDD<Batch> t = RowBatches.of(train, columns, model, options.batchSize());
    JavaRDD<Batch> v =
        valid == null ? null : RowBatches.of(valid, columns, model, options.batchSize());
    return train(model, t, v, options);
  }

  /**
   * Spreads a data set in memory over the cluster: {@code partitions} contiguous ranges of its
   * rows, each cut into batches of {@code ceil(batchSize / partitions)} rows, so that a global
   * minibatch holds about {@code batchSize} rows.
   *
   * @param sc the Spark context; not null
   * @param data the rows; not null
   * @param partitions the partitions, &gt;= 1
   * @param batchSize rows per global minibatch, &gt;= 1
   * @return the batches, in exactly {@code partitions} partitions; never null
   */
  public static JavaRDD<Batch> distribute(
      JavaSparkContext sc, io.github.javanets.models.Dataset data, int partitions, int batchSize) {
    int p = (int) Math.max(1, Math.min(partitions, data.rows()));
    int perBatch = Math.max(1, (batchSize + p - 1) / p);
    List<List<Batch>> parts = new ArrayList<>();
    long rows = data.rows();
    for (int i = 0; i < p; i++) {
      long from = rows * i / p;
      long to = rows * (i + 1) / p;
      List<Batch> list = new ArrayList<>();
      for (long b = from; b < to; b += perBatch) {
        list.add(Batch.of(data.rows(b, Math.min(to, b + perBatch))));
      }
      parts.add(list);
    }
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < p; i++) {
      indices.add(i);
    }
    return sc.parallelize(indices, p)
        .mapPartitionsWithIndex((i, it) -> parts.get(i).iterator(), true);
  }

  /** What the last run moved over the network, or null before the first. */
  public StepStats lastRun() {
    return last;
  }

  @Override
  public String toString() {
    String mode = isExact() ? "exact" : "averaging every " + every;
    return "SparkTrainer(" + mode + (fanIn > 0 ? ", tree combine of " + fanIn : "") + ")";
  }
}
