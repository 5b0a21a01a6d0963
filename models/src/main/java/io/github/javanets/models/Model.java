package io.github.javanets.models;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.INTERNAL;
import static org.apiguardian.api.API.Status.STABLE;

import com.google.inject.Injector;
import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossRegistry;
import io.github.javanets.loss.LossSpec;
import io.github.javanets.loss.internal.ArrayChecks;
import io.github.javanets.train.Trainer;
import io.github.javanets.train.Trainers;
import io.github.javanets.train.TrainingRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The base of every model, feed-forward and recurrent ({@link
 * io.github.javanets.models.recurrent}): a network of layers on a SameDiff graph, a list of named
 * losses resolved through a {@link LossRegistry} and trained on {@code sum(loss.weight() * loss) +
 * regularizers} by a {@link Trainer} of its {@link Trainers}. Feed-forward models take rows {@code
 * (N, F)}, recurrent ones sequences {@code (B, T, F)}.
 *
 * <p>A model gets its registry and trainers from its builder ({@link Builder#registry}, {@link
 * Builder#trainers}, or both from a Guice injector with {@link Builder#injector}); given none, it
 * uses the defaults made once for every such model: {@link LossRegistry#discover()} and the
 * trainers of {@code new JavanetsModule()}.
 *
 * <p>A network with an {@code rnn} layer is unrolled over the steps of its sequences, so its graph
 * holds for one sequence length: the model builds and caches one graph per length it meets (a graph
 * build, some milliseconds per step, the first time a length is seen). Networks of other layers
 * take any length with one graph.
 *
 * <h2>Arrays</h2>
 *
 * <p>Inputs may be views (a range of columns, say) or 'f'-order arrays: they are copied to fresh
 * 'c'-order arrays before any native code reads them, and give the results of their copies, bit for
 * bit. Empty inputs (0 rows, or sequences of 0 steps) give empty outputs of the right shape, such
 * as {@code (0, k)}, without running a graph; scoring an empty set is an {@link
 * IllegalArgumentException}, and so is training or evaluating on one.
 *
 * <h2>Threads</h2>
 *
 * <p>A model may be used from several threads. Every call that runs its graphs or reads or writes
 * its parameters ({@code predict}, {@code predictProba}, {@code score}, {@code encode}, {@code
 * decode}, {@link #feedForward}, {@link #evaluate}, {@link #train}, {@link #parameters}, {@link
 * #save}, and the calls on a {@link BatchSource}, for their whole pass) holds the model's lock
 * while it does; a call on a {@link BatchSource} reads its batches on a loader thread of its own,
 * which never runs the model's graphs: calls on one model run one at a time, each gives what it
 * gives on one thread, bit for bit, and a prediction asked for during training waits until training
 * ends (it then sees the trained parameters). Different models share nothing and run in parallel.
 * {@link #addLoss} and {@link #setLoss} take the lock too, so they take effect between calls. Not
 * synchronized: a loss's own setters ({@code losses().get(i).setWeight(w)}) and the {@link
 * #metadata()} map; change them while no other thread uses the model.
 */
@API(status = STABLE, since = "0.1")
public abstract class Model {
  private static final Logger LOG = LoggerFactory.getLogger(Model.class);

  private final ModelKind kind;
  private final List<Layer> specs;
  private final Network network;
  private final boolean weighted;
  private final long seed;
  private final DataType dataType;
  private final LossRegistry registry;
  // The builder's trainers, or null for the defaults (made when first needed: see trainers()).
  private final Trainers trainers;
  private final List<Loss> losses = new ArrayList<>();
  private final Map<String, INDArray> parameters;
  private final Map<String, String> metadata = new LinkedHashMap<>();
  // Guarded by the lock, as every run of a graph.
  private final ModelGraphs graphs;
  private final EmptyOutputs empty;
  private final ModelScaling scaling;

  /**
   * Held by every call that runs a graph or touches the parameters: the graphs reuse their op
   * contexts and arrays, so two calls at once would corrupt them (and crash the process).
   */
  private final Object lock = new Object();

  /**
   * Makes a model of {@code kind} from a builder's settings.
   *
   * <p>For the model classes of javanets only: {@link ModelKind} is internal.
   *
   * @throws IllegalArgumentException for bad layers or losses
   */
  @API(status = INTERNAL, since = "0.1", consumers = "io.github.javanets.models.recurrent")
  protected Model(ModelKind kind, Builder<?, ?> b) {
    this.kind = kind;
    if (b.layers.isEmpty()) {
      throw Errors.noLayers(kind);
    }
    List<Layer> given = new ArrayList<>();
    b.layers.forEach(o -> given.add(Layer.from(o)));
    this.specs = List.copyOf(given);
    this.network = Network.of(specs, kind);
    this.weighted = b.weighted;
    this.seed = b.seed;
    this.dataType = b.dataType;
    this.registry = b.registry != null ? b.registry : Defaults.registry();
    this.trainers = b.trainers;
    this.parameters =
        b.parameters != null ? b.parameters : network.initialParameters(seed, dataType);
    this.metadata.putAll(b.metadata);
    this.graphs = new ModelGraphs(kind, network, parameters, dataType);
    this.empty = new EmptyOutputs(kind, network, dataType);
    this.scaling =
        new ModelScaling(
            kind,
            network,
            dataType,
            b.inputScaling,
            b.targetScaling,
            b.inputScaler,
            b.targetScaler);
    if (b.losses.isEmpty()) {
      addLoss(kind.defaultLoss);
    }
    for (LossRequest request : b.losses) {
      request.addTo(this);
    }
  }

  // ---------------------------------------------------------------- losses

  /**
   * The model's losses, in order; the first is the main one ({@code err}). An unmodifiable view:
   * change the list with {@link #addLoss} and {@link #setLoss}, a loss's importance with {@code
   * losses().get(i).setWeight(w)} (used from the next {@code train} call). Not synchronized: do not
   * iterate it while another thread adds or sets losses, nor change a loss while another thread
   * uses the model.
   */
  public List<Loss> losses() {
    return Collections.unmodifiableList(losses);
  }

  /**
   * Appends a loss by spec: a name ({@code "mse"}) or a name with parameters ({@code
   * "mmd(target=prior, output=hid2)"}). A weighted model makes it weighted unless the spec says.
   *
   * <p>Thread-safe: takes effect between calls of other threads (after a training that runs).
   *
   * @throws IllegalArgumentException for an unknown loss or parameter, or a loss this model cannot
   *     feed (wrong target kind, unknown output), saying what to use instead
   */
  public void addLoss(String spec) {
    LossSpec parsed = LossSpec.parse(spec);
    addLoss(parsed.name(), parsed.parameters());
  }

  /**
   * Appends a loss by name with parameters.
   *
   * @see #addLoss(String)
   */
  public void addLoss(String name, Map<String, ?> params) {
    addLoss(create(name, params));
  }

  /**
   * Appends a loss instance, configured as it is.
   *
   * @throws IllegalArgumentException for a loss this model cannot feed
   */
  public void addLoss(Loss loss) {
    ModelChecks.needs(kind, network, Objects.requireNonNull(loss, "loss"));
    synchronized (lock) {
      losses.add(loss);
    }
  }

  /** Replaces every loss by one, given by spec. Thread-safe, as {@link #addLoss(String)}. */
  public void setLoss(String spec) {
    LossSpec parsed = LossSpec.parse(spec);
    setLoss(parsed.name(), parsed.parameters());
  }

  /** Replaces every loss by one, given by name and parameters. */
  public void setLoss(String name, Map<String, ?> params) {
    setLoss(create(name, params));
  }

  /** Replaces every loss by {@code loss}. */
  public void setLoss(Loss loss) {
    ModelChecks.needs(kind, network, Objects.requireNonNull(loss, "loss"));
    synchronized (lock) {
      losses.clear();
      losses.add(loss);
    }
  }

  private Loss create(String name, Map<String, ?> params) {
    Map<String, Object> p = new LinkedHashMap<>(params);
    if (weighted) {
      p.putIfAbsent("weighted", true);
    }
    return registry.create(name, p);
  }

  // ---------------------------------------------------------------- structure

  /** The layers as given, input first; unmodifiable. */
  public List<Layer> layers() {
    return specs;
  }

  /** The names of every output ({@code in:out}, {@code hid1:pre}, ...), sorted; unmodifiable. */
  public SortedSet<String> outputNames() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(network.outputNames()));
  }

  /** Whether losses created by name are weighted. */
  public boolean weighted() {
    return weighted;
  }

  /** The seed of the initial parameters. */
  public long seed() {
    return seed;
  }

  /** The data type of the parameters and computations. */
  public DataType dataType() {
    return dataType;
  }

  /**
   * A copy of every parameter, by name ({@code hid1.w}, {@code hid1.b}, ...). Thread-safe: waits
   * while the model trains.
   */
  public Map<String, INDArray> parameters() {
    synchronized (lock) {
      Map<String, INDArray> copy = new LinkedHashMap<>();
      parameters.forEach((k, v) -> copy.put(k, v.dup()));
      return copy;
    }
  }

  /**
   * Free-form text saved with the model (for example the column names an application read the data
   * from); a live, modifiable map, never null. Not synchronized: change it while no other thread
   * uses the model.
   */
  public Map<String, String> metadata() {
    return metadata;
  }

  Network network() {
    return network;
  }

  ModelKind kind() {
    return kind;
  }

  Map<String, INDArray> liveParameters() {
    return parameters;
  }

  /** The model's graphs, to be used under the model's lock (or by a test on one thread). */
  ModelGraphs graphs() {
    return graphs;
  }

  Trainers trainers() {
    return trainers != null ? trainers : Defaults.trainers();
  }

  // ---------------------------------------------------------------- scaling

  /** How the model scales its inputs (the builder's {@link Builder#scaleInputs}); never null. */
  @API(status = EXPERIMENTAL, since = "0.2")
  public Scaling inputScaling() {
    return scaling.inputs();
  }

  /**
   * How the model scales its targets (the builder's {@link Builder#scaleTargets}; {@link
   * Scaling#NONE} but for regressors); never null.
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public Scaling targetScaling() {
    return scaling.targets();
  }

  /**
   * The fitted statistics of the inputs; empty when the model scales none, or has not fitted them
   * yet (see {@link #fitScaling(Dataset)}). Thread-safe.
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public Optional<Scaler> inputScaler() {
    return scaling.inputScaler();
  }

  /**
   * The fitted statistics of the targets; empty when the model scales none, or has not fitted them
   * yet. Thread-safe.
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public Optional<Scaler> targetScaler() {
    return scaling.targetScaler();
  }

  /**
   * Fits the statistics of the model's {@link #inputScaling()} and {@link #targetScaling()} to
   * {@code data}, in one pass, replacing any fitted before; does nothing when both are {@link
   * Scaling#NONE}. {@code train} calls it on its training data when the statistics are not fitted
   * yet, and keeps them in later calls: the network learned in their units. Call it yourself to fit
   * them to other data than the first training set (all of it, say, when training on parts), and
   * before training: new statistics change what a trained network sees.
   *
   * <p>Statistics are accumulated in double: each chunk of rows in two passes (its means, then the
   * squared deviations from them), chunks combined by Chan's merge. Weights mark what counts, not
   * how much: the inputs of a row (a time step, for recurrent models) count when any of its weights
   * is &gt; 0, so padded steps of weight 0 count not; an autoencoder's input value counts when its
   * own weight is &gt; 0 (an unknown entry in matrix completion counts not); a regressor's target
   * value when its weight is &gt; 0. Arrays other than {@code inputs} and {@code target} are
   * neither read nor scaled.
   *
   * <p>Thread-safe: holds the model's lock.
   *
   * @param data the training data, checked as {@code train} checks it; not null
   * @throws IllegalArgumentException for data the model cannot train on, or a column whose spread
   *     overflows a double
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public void fitScaling(Dataset data) {
    Objects.requireNonNull(data, "data");
    synchronized (lock) {
      if (scaling.active()) {
        ModelChecks.dataset(kind, network, losses, data, "scaling");
        scaling.fit(data);
      }
    }
  }

  /**
   * Fits the statistics as {@link #fitScaling(Dataset)} does, in one pass of streamed batches (each
   * read and checked on a loader thread, never more than a few in memory): for data that need not
   * fit in memory. {@link #train(BatchSource, BatchSource, TrainOptions)} calls it, a pass of its
   * own before the first epoch, when the statistics are not fitted yet. Thread-safe: holds the
   * model's lock.
   *
   * @param data the batches; not null
   * @throws io.github.javanets.train.BatchFailedException if a batch cannot be read or is not
   *     valid, naming the source and the batch
   * @throws IllegalArgumentException if the pass gives no batch
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public void fitScaling(BatchSource data) {
    Objects.requireNonNull(data, "data");
    synchronized (lock) {
      if (scaling.active()) {
        scaling.fit(data, List.copyOf(losses));
      }
    }
  }

  /** The model's scaling, to be used under its lock. */
  ModelScaling scaling() {
    return scaling;
  }

  // ---------------------------------------------------------------- training

  /**
   * Trains on {@code train}, validating on {@code train} itself.
   *
   * @see #train(Dataset, Dataset, TrainOptions)
   */
  public TrainingResult train(Dataset train, TrainOptions options) {
    return train(train, null, options);
  }

  /**
   * Trains on {@code sum(loss.weight() * loss) + regularizers} with the algorithm that {@code
   * options} names, from the current parameters. Early stopping keeps the best validated
   * parameters. The result's {@link TrainingResult#warnings() warnings} are also logged as SLF4J
   * warnings (logger {@code io.github.javanets.models.Model}). When training fails (the NaN guard,
   * say), the model keeps the parameters it had before this call.
   *
   * <p>Thread-safe: holds the model's lock throughout, so other calls on this model (a prediction,
   * say) wait until training ends.
   *
   * @param train the training data; not null
   * @param valid the validation data; null to validate on the training data
   * @param options the options; not null
   * @return each epoch's monitors; never null
   * @throws IllegalArgumentException for data this model's losses cannot read, or an algorithm its
   *     trainers do not know
   * @throws IllegalStateException when the objective becomes NaN or infinite
   */
  public TrainingResult train(Dataset train, Dataset valid, TrainOptions options) {
    Objects.requireNonNull(options, "options");
    synchronized (lock) {
      return keepingParametersOnFailure(() -> trainLocked(train, valid, options));
    }
  }

  /**
   * Trains on streamed batches, validating on another pass of {@code train}.
   *
   * @see #train(BatchSource, BatchSource, TrainOptions)
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public TrainingResult train(BatchSource train, TrainOptions options) {
    return train(train, null, options);
  }

  /**
   * Trains on streamed batches, for data that need not fit in memory: as {@link #train(Dataset,
   * Dataset, TrainOptions)}, but each epoch is one pass of {@code train} ({@link BatchSource#open})
   * in the order it gives its batches, and each validation one pass of {@code valid}. The options'
   * {@code batchSize} is not read (the source makes its batches); the seed draws the noise and
   * dropout masks, in batch order. The same seed and the same batches give the same parameters, bit
   * for bit, and the same as {@link #train(Dataset, Dataset, TrainOptions)} gives on a {@link
   * Dataset} when the source gives the batches that method would ({@link BatchSource#shuffled}).
   *
   * <p>The next batch is read, checked (as {@link Dataset}s are checked, and against this model's
   * input and losses) and converted on a loader thread while the current one trains; at most
   * {@value io.github.javanets.train.Prefetcher#CAPACITY} batches wait read ahead. Each batch's
   * monitors count in the epoch's means with its rows as weight ({@link #evaluate(BatchSource)}
   * says which losses that gives exactly). A network with an {@code rnn} layer is unrolled over the
   * sequence length of the first batch (read before training starts), and every batch must have it.
   *
   * <p>When training fails (a batch that cannot be read or is not valid, the NaN guard, an
   * interrupt), the model keeps the parameters it had before this call: it holds a copy of them
   * while it trains. A model keeps no updater state between calls.
   *
   * <p>Thread-safe: holds the model's lock throughout, as {@link #train(Dataset, Dataset,
   * TrainOptions)}.
   *
   * @param train the training batches; not null
   * @param valid the validation batches; null to validate on a pass of {@code train}
   * @param options the options; not null
   * @return each epoch's monitors; never null
   * @throws io.github.javanets.train.BatchFailedException if a batch cannot be read or is not
   *     valid, naming the source and the batch's index in its pass, with the cause attached
   * @throws IllegalArgumentException for an algorithm the trainers do not know, or a pass without
   *     batches
   * @throws IllegalStateException when the objective becomes NaN or infinite
   * @throws java.util.concurrent.CancellationException if the thread is interrupted while it waits
   *     for a batch
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public TrainingResult train(BatchSource train, BatchSource valid, TrainOptions options) {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(options, "options");
    synchronized (lock) {
      Trainer trainer = trainers().get(options.algorithm());
      TrainingResult result =
          keepingParametersOnFailure(
              () -> {
                if (!scaling.fitted()) {
                  scaling.fit(train, List.copyOf(losses));
                }
                ModelScaling.Tap tap = scaling.inputs() == Scaling.NONE ? scaling.tap(train) : null;
                TrainingResult r =
                    new ModelStreams(this)
                        .train(
                            trainer,
                            scaling.scale(tap == null ? train : tap.source()),
                            valid == null ? null : scaling.scale(valid),
                            options);
                return tap == null ? r : r.withWarning(tap.warning());
              });
      result.warnings().forEach(LOG::warn);
      return result;
    }
  }

  /**
   * Runs {@code call} under the model's lock; if it fails, puts back the parameters the model had
   * before: how a trainer outside this package ({@link ShardedModel}) trains the model.
   */
  <T> T locked(Supplier<T> call) {
    synchronized (lock) {
      return keepingParametersOnFailure(call);
    }
  }

  /** Runs {@code call}; if it fails, puts back the parameters the model had before, in place. */
  private <T> T keepingParametersOnFailure(Supplier<T> call) {
    Map<String, INDArray> before = new LinkedHashMap<>();
    parameters.forEach((k, v) -> before.put(k, v.dup()));
    Scaler[] scalers = scaling.state();
    try {
      return call.get();
    } catch (RuntimeException | Error e) {
      parameters.forEach((k, v) -> v.assign(before.get(k)));
      scaling.restore(scalers);
      throw e;
    }
  }

  private TrainingResult trainLocked(Dataset train, Dataset valid, TrainOptions options) {
    ModelChecks.dataset(kind, network, losses, Objects.requireNonNull(train, "train"), "training");
    if (valid != null) {
      ModelChecks.dataset(kind, network, losses, valid, "validation");
    }
    if (valid != null && kind.recurrent && network.unrolled()) {
      ModelChecks.sameLength(train, valid);
    }
    Trainer trainer = trainers().get(options.algorithm());
    ModelGraph graph = graphs.training(losses, options.regularizers(), train.inputs());
    graph.checkOptimisable();
    if (!scaling.fitted()) {
      scaling.fit(train);
    }
    TrainingRun run =
        trainer.train(
            graph,
            TrainingAdapter.rows(graph, scaling.scale(train)),
            TrainingAdapter.rows(graph, valid == null ? null : scaling.scale(valid)),
            TrainingAdapter.settings(options));
    TrainingResult result = TrainingAdapter.result(run).withWarning(scaling.unscaledWarning(train));
    result.warnings().forEach(LOG::warn);
    return result;
  }

  /**
   * Every monitor of the model's losses on {@code data}, without noise or dropout: each loss and
   * {@code acc} its value on all the rows at once, {@code err} the first loss, and {@code loss} the
   * objective {@code sum(weight * loss)} (without regularizers, which belong to training options).
   * Computed on ranges of rows and summed exactly as {@link #evaluate(BatchSource)} sums batches.
   * Thread-safe.
   *
   * @param data the data; not null
   * @return {@code loss}, {@code err}, each loss by name (and {@code acc} for classifiers)
   */
  public Map<String, Double> evaluate(Dataset data) {
    Objects.requireNonNull(data, "data");
    synchronized (lock) {
      ModelChecks.dataset(kind, network, losses, data, "evaluation");
      ModelGraph graph = graphs.training(losses, Map.of(), data.inputs());
      return ModelStreams.evaluate(
          graph, scaling.scale(data), TrainOptions.DEFAULT_BATCH_SIZE * 32L);
    }
  }

  /**
   * Every monitor of the model's losses over one pass of streamed batches, without noise or
   * dropout, as {@link #evaluate(Dataset)} gives them on all the batches' rows at once, read ahead
   * on a loader thread. A loss that declares {@link io.github.javanets.loss.Decomposable} (every
   * built-in loss but {@code mmd}: a constant times {@code sum(w * err) / sum(w)}, or the mean of
   * {@code err}) is summed exactly: {@code sum_b(D_b * v_b) / sum_b(D_b)} over the batches' values
   * {@code v_b} and denominators {@code D_b} (sum of weights, or number of errors), so weighted
   * losses, batches of different sizes and sequences of different lengths or padding give the value
   * on all rows at once, to rounding; so does {@code acc}, with the denominators of its loss, and
   * {@code loss}, the objective {@code sum(weight * loss)}. A loss that does not split exactly,
   * such as {@code mmd} (a kernel over the whole batch), has no value over several batches that the
   * batches' values give: it is the mean of the batches' values weighted by their rows (sequences
   * for a recurrent model), {@code sum_b(rows_b * v_b) / sum_b(rows_b)}, equal to the value on all
   * rows at once only when the pass is one batch. Thread-safe.
   *
   * @param data the batches; not null
   * @return {@code loss}, {@code err}, each loss by name (and {@code acc} for classifiers); never
   *     null
   * @throws io.github.javanets.train.BatchFailedException if a batch cannot be read or is not
   *     valid, naming the source and the batch
   * @throws IllegalArgumentException if the pass gives no batch
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public Map<String, Double> evaluate(BatchSource data) {
    Objects.requireNonNull(data, "data");
    synchronized (lock) {
      return new ModelStreams(this).evaluate(scaling.scale(data));
    }
  }

  // ---------------------------------------------------------------- use

  /**
   * Predicts batch by batch: calls {@code consumer} with each batch of one pass of {@code data} and
   * this model's {@code predict} of its inputs (a regressor's outputs, a classifier's labels, an
   * autoencoder's reconstruction), in order, so that memory holds a few batches, never the whole
   * data. Batches are read and their inputs checked on a loader thread, ahead of the graph.
   *
   * <p>Thread-safe: holds the model's lock for the whole pass, so every batch sees the same
   * parameters; {@code consumer} runs on the calling thread, and may call this model.
   *
   * @param data the batches; only their inputs are read; not null
   * @param consumer takes each batch and its predictions; not null
   * @throws io.github.javanets.train.BatchFailedException if a batch cannot be read or its inputs
   *     do not fit the model, naming the source and the batch
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public void predict(BatchSource data, BiConsumer<? super Dataset, ? super INDArray> consumer) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(consumer, "consumer");
    synchronized (lock) {
      new ModelStreams(this).predict(data, this::predictBatch, consumer);
    }
  }

  /**
   * The score over one pass of streamed batches, as the model's {@code score} methods compute it on
   * a whole set: the weighted accuracy {@code sum(w * correct) / sum(w)} for classifiers (exactly
   * the accuracy over all the rows), the weighted R^2 for regressors (against the batches' target)
   * and autoencoders (against their inputs), from sums over the batches, equal to the in-memory
   * value to rounding. Each batch's {@code weights}, when it has them, weigh its elements. Predicts
   * as {@link #predict(BatchSource, BiConsumer)}, holding the model's lock for the pass.
   *
   * @param data the batches, with their targets (but for autoencoders); not null
   * @return the score; 1 is perfect
   * @throws io.github.javanets.train.BatchFailedException if a batch cannot be read or its inputs
   *     do not fit the model, naming the source and the batch
   * @throws IllegalArgumentException if a batch lacks a target or its shape differs from the
   *     predictions', or every weight is 0
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public double score(BatchSource data) {
    StreamedScore score =
        kind.targetKind == io.github.javanets.loss.TargetKind.LABELS
            ? StreamedScore.accuracy()
            : StreamedScore.r2();
    predict(
        data,
        (batch, predicted) -> {
          INDArray target = kind.autoencoder() ? batch.inputs() : batch.array(Dataset.TARGET);
          score.add(predicted, target, batch.weights());
        });
    return score.value();
  }

  /**
   * What {@link #predict(BatchSource, BiConsumer)} gives for a batch's inputs: by default the
   * default output; a classifier gives labels.
   *
   * @param x the inputs, checked; not null
   * @return the predictions; never null
   */
  protected INDArray predictBatch(INDArray x) {
    return inDataUnits(output(x, defaultOutput()));
  }

  /**
   * Outputs of the network in the data's units: a regressor's by its target scaling, an
   * autoencoder's reconstruction by its input scaling; a classifier's as they are.
   *
   * @param predicted the default output; not null
   * @return the outputs in the data's units; never null
   * @throws IllegalStateException if the model scales but has not fitted its statistics
   */
  @API(status = INTERNAL, since = "0.2", consumers = "io.github.javanets.models.recurrent")
  protected final INDArray inDataUnits(INDArray predicted) {
    return scaling.unscale(predicted);
  }

  /**
   * Every named output for inputs {@code x}, scaled first as the model scales its inputs ({@link
   * Builder#scaleInputs}); the outputs are the network's own, so a regressor's or autoencoder's
   * {@code out:out} is in scaled units when it scales its targets. Thread-safe.
   *
   * @param x inputs, (N, input size), or (batch, time, input size) for recurrent models; not null
   * @return output name to array, in network order; never null
   */
  public Map<String, INDArray> feedForward(INDArray x) {
    INDArray raw = inputs(x);
    if (raw.length() == 0) {
      return empty.all(raw);
    }
    synchronized (lock) {
      INDArray in = scaling.scaleInputs(raw);
      ModelGraph g = graphs.forward(in);
      Map<String, String> variables = new LinkedHashMap<>();
      g.outputs().forEach((name, v) -> variables.put(name, v.name()));
      Map<String, INDArray> out =
          g.compute(Map.of(ModelGraph.INPUT, in), List.copyOf(variables.values()));
      Map<String, INDArray> byName = new LinkedHashMap<>();
      variables.forEach((name, variable) -> byName.put(name, out.get(variable)));
      return byName;
    }
  }

  /**
   * The output {@code name} ({@code "out:out"}) for inputs {@code x}.
   *
   * @throws IllegalArgumentException if {@code x} does not fit the input layer
   */
  protected final INDArray output(INDArray x, String name) {
    INDArray raw = inputs(x);
    if (raw.length() == 0) {
      return empty.of(raw, name);
    }
    synchronized (lock) {
      INDArray in = scaling.scaleInputs(raw);
      ModelGraph g = graphs.forward(in);
      String variable = g.output(name).name();
      return g.compute(Map.of(ModelGraph.INPUT, in), List.of(variable)).get(variable);
    }
  }

  /** The name of the default output, {@code "out:out"}. */
  protected final String defaultOutput() {
    return network.defaultOutput();
  }

  /** The name of layer {@code i}, 0 the input, {@link #depth()} the output. */
  protected final String layerName(int i) {
    return network.layer(i).name();
  }

  /** The number of layers after the input. */
  protected final int depth() {
    return network.depth();
  }

  /**
   * The output of the layers after layer {@code from}, fed with codes {@code z} in place of that
   * layer's output.
   *
   * @throws IllegalArgumentException if {@code z} does not fit layer {@code from}
   */
  protected final INDArray decode(int from, INDArray z) {
    Layer code = network.layer(from);
    if (!ModelChecks.fits(kind, Objects.requireNonNull(z, "z"), code.size())) {
      throw Errors.codesDoNotFit(z.shape(), code.name(), code.size());
    }
    INDArray codes = ArrayChecks.contiguous("z", z).castTo(dataType);
    if (codes.length() == 0) {
      return empty.of(codes, network.defaultOutput());
    }
    synchronized (lock) {
      ModelGraph g = graphs.decoder(from, codes);
      String out = g.output(network.defaultOutput()).name();
      return g.compute(Map.of(ModelGraph.CODE, codes), List.of(out)).get(out);
    }
  }

  /**
   * The weighted R^2 of {@code predicted} against {@code y}, every leading index a row: {@code 1 -
   * sum(w (y - p)^2) / sum(w (y - m)^2)}, {@code m} each column's weighted mean.
   *
   * @param w weights shaped like {@code y}, or null for all ones
   * @throws IllegalArgumentException if the shapes differ, the set is empty or every weight is 0
   */
  protected static double r2Score(INDArray predicted, INDArray y, INDArray w) {
    return Scores.r2(predicted, y, w);
  }

  /**
   * The weighted accuracy {@code sum(w * correct) / sum(w)} of predicted labels.
   *
   * @param w weights shaped like {@code labels}, or null for all ones
   * @throws IllegalArgumentException if the shapes differ, the set is empty or every weight is 0
   */
  protected static double accuracyScore(INDArray predicted, INDArray labels, INDArray w) {
    return Scores.accuracy(predicted, labels, w);
  }

  INDArray inputs(INDArray x) {
    Objects.requireNonNull(x, "x");
    if (!ModelChecks.fits(kind, x, network.inputSize())) {
      throw Errors.inputsDoNotFit(x.shape(), kind, network.inputSize());
    }
    INDArray plain = ArrayChecks.contiguous("x", x);
    return plain.dataType() == dataType ? plain : plain.castTo(dataType);
  }

  /**
   * Saves the model atomically to one file: layers, parameters and each loss's spec and provider
   * (class, jar file name, version). Written as {@link AtomicFile#write} writes: {@code path} must
   * be absent or a regular file (a symbolic link, directory, device or FIFO is refused, never
   * replaced), and it holds either its old contents or the whole new file, even after a crash.
   * {@link AtomicFile#check} checks a path before a long training run.
   *
   * <p>Thread-safe: holds the model's lock, so a save made while another thread trains waits for
   * the training to end and writes the trained parameters, never a mixture.
   *
   * @throws IOException if the target is refused or the file cannot be written
   */
  public void save(Path path) throws IOException {
    synchronized (lock) {
      ModelFile.save(this, path);
    }
  }

  /**
   * Loads a model of kind {@code expected} saved by {@link #save}.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if the file holds another kind of model, or as {@link
   *     #load(Path)}
   */
  @API(status = INTERNAL, since = "0.1", consumers = "io.github.javanets.models.recurrent")
  protected static <M extends Model> M load(Path path, ModelKind expected, Class<M> type)
      throws IOException {
    return type.cast(ModelFile.load(path, Objects.requireNonNull(expected, "expected")));
  }

  /**
   * Loads a model saved by {@link #save}, of whatever kind it is. The file is untrusted input:
   * every entry is checked against the shapes its layers imply, and against the file's size, before
   * the parameters are allocated, so that a file of {@code S} bytes takes at most about {@code 1032
   * S} bytes of parameters (zip's largest inflation) and a {@code model.json} of at most 16 MiB.
   *
   * @throws IOException if the file cannot be read
   * @throws InvalidModelFileException if it is not a model file, is damaged or forged (a duplicate,
   *     unknown, truncated or oversized entry, a wrong shape, data type or checksum, a value that
   *     is not finite), a version this javanets does not read, or a loss's provider is missing; one
   *     line naming the file and the entry
   */
  public static Model load(Path path) throws IOException {
    return ModelFile.load(path, null);
  }

  /**
   * Loads a model saved by {@link #save}, of whatever kind it is, making its losses with {@code
   * registry}: the registry of an application that binds losses of its own (in Guice, {@code
   * injector.getInstance(LossRegistry.class)}). The model keeps the registry for the losses added
   * to it later, and trains with the default trainers. Otherwise as {@link #load(Path)}.
   *
   * @param path the file; not null
   * @param registry the losses the file's specs are made with; not null
   * @return the model; never null
   * @throws IOException if the file cannot be read
   * @throws InvalidModelFileException as {@link #load(Path)}, also when {@code registry} lacks a
   *     loss the file needs
   */
  public static Model load(Path path, LossRegistry registry) throws IOException {
    return ModelFile.load(path, null, Objects.requireNonNull(registry, "registry"));
  }

  /**
   * Builds a model. Layers are ints (sizes), {@link Layer}s or text specs like {@code "20:tanh"}.
   *
   * @param <M> the model
   * @param <B> the builder
   */
  @API(status = STABLE, since = "0.1")
  public abstract static class Builder<M extends Model, B extends Builder<M, B>> {
    final List<Object> layers = new ArrayList<>();
    final List<LossRequest> losses = new ArrayList<>();
    boolean weighted;
    long seed = TrainOptions.DEFAULT_SEED;
    DataType dataType = DataType.FLOAT;
    LossRegistry registry;
    Trainers trainers;
    Map<String, INDArray> parameters;
    final Map<String, String> metadata = new LinkedHashMap<>();
    Scaling inputScaling = Scaling.NONE;
    Scaling targetScaling = Scaling.NONE;
    Scaler inputScaler;
    Scaler targetScaler;

    /** A builder with the defaults: no layers, the kind's default loss, seed 13, FLOAT. */
    protected Builder() {}

    @SuppressWarnings("unchecked")
    private B self() {
      return (B) this;
    }

    /** The layers, input first: ints, {@link Layer}s or specs like {@code "20:tanh"}. */
    public B layers(Object... layers) {
      this.layers.clear();
      this.layers.addAll(Arrays.asList(layers));
      return self();
    }

    /** Adds a loss by spec; the first replaces the model's default loss. */
    public B loss(String spec) {
      LossSpec parsed = LossSpec.parse(spec);
      return loss(parsed.name(), parsed.parameters());
    }

    /** Adds a loss by name with parameters; the first replaces the model's default loss. */
    public B loss(String name, Map<String, ?> params) {
      losses.add(new LossRequest.ByName(name, Map.copyOf(params)));
      return self();
    }

    /** Adds a loss instance; the first replaces the model's default loss. */
    public B loss(Loss loss) {
      losses.add(new LossRequest.Given(Objects.requireNonNull(loss, "loss")));
      return self();
    }

    /** Makes losses created by name weighted: datasets must then carry weights. */
    public B weighted(boolean weighted) {
      this.weighted = weighted;
      return self();
    }

    /** The seed of the initial parameters (default 13). */
    public B seed(long seed) {
      this.seed = seed;
      return self();
    }

    /** The data type of parameters and computations (default FLOAT). */
    public B dataType(DataType dataType) {
      if (!Objects.requireNonNull(dataType, "dataType").isFPType()) {
        throw Errors.notFloatingPoint(dataType);
      }
      this.dataType = dataType;
      return self();
    }

    /**
     * The loss registry that makes the losses given by name or spec, here and in the model's later
     * {@code addLoss} and {@code setLoss} calls. Without one (and without {@link #injector}) the
     * model uses the default, {@link LossRegistry#discover()}, made once and shared.
     *
     * @param registry the registry; not null
     * @return this builder
     */
    public B registry(LossRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return self();
    }

    /**
     * The trainers whose algorithm {@link TrainOptions#algorithm()} names trains the model, with
     * their listeners. Without them (and without {@link #injector}) the model uses the default
     * ones, those of {@code new JavanetsModule()}, made once when first needed and shared.
     *
     * @param trainers the trainers; not null
     * @return this builder
     */
    public B trainers(Trainers trainers) {
      this.trainers = Objects.requireNonNull(trainers, "trainers");
      return self();
    }

    /**
     * Takes the loss registry and the trainers from a Guice injector (built with {@code
     * JavanetsModule} and an application's own modules): a shortcut for {@code
     * registry(injector.getInstance(LossRegistry.class)).trainers(injector.getInstance(
     * Trainers.class))}, asked for now; the model does not keep the injector. A later {@link
     * #registry} or {@link #trainers} call replaces what this one set.
     *
     * @param injector the injector; not null
     * @return this builder
     */
    public B injector(Injector injector) {
      Objects.requireNonNull(injector, "injector");
      this.registry = injector.getInstance(LossRegistry.class);
      this.trainers = injector.getInstance(Trainers.class);
      return self();
    }

    /**
     * How the model scales its inputs before the network sees them (default {@link Scaling#NONE}):
     * fitted to the training data by the first {@code train} call (or {@link Model#fitScaling}),
     * saved in the model file and applied by every call that takes inputs ({@code predict}, {@code
     * predictProba}, {@code score}, {@code encode}, {@code evaluate}, {@code train}, {@link
     * Model#feedForward}). An autoencoder's target is its input, so it reconstructs scaled inputs
     * and its {@code predict} and {@code decode} turn them back into the data's units.
     *
     * @param scaling the scaling; not null
     * @return this builder
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public B scaleInputs(Scaling scaling) {
      this.inputScaling = Objects.requireNonNull(scaling, "scaling");
      return self();
    }

    /**
     * How a regressor scales its targets (default {@link Scaling#NONE}): it trains on scaled
     * targets, and {@code predict} turns its outputs back into the targets' units, so {@code score}
     * (R^2) compares in the data's units; {@code evaluate} and the training monitors report the
     * losses the network optimises, in scaled units. Fitted and saved as {@link #scaleInputs}. Only
     * the {@code target} array is scaled: a loss that compares the output with another array
     * compares it in scaled units.
     *
     * @param scaling the scaling; not null
     * @return this builder
     * @throws IllegalArgumentException at {@link #build()} for a scaling other than {@code NONE} on
     *     a classifier or autoencoder
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public B scaleTargets(Scaling scaling) {
      this.targetScaling = Objects.requireNonNull(scaling, "scaling");
      return self();
    }

    B scalers(Scaler inputs, Scaler targets) {
      this.inputScaler = inputs;
      this.targetScaler = targets;
      return self();
    }

    B parameters(Map<String, INDArray> parameters) {
      this.parameters = parameters;
      return self();
    }

    /**
     * Builds the model.
     *
     * @throws IllegalArgumentException for a bad layer spec or a loss the model cannot feed
     */
    public abstract M build();
  }
}
