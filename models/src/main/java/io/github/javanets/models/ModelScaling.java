package io.github.javanets.models;

import io.github.javanets.loss.Loss;
import io.github.javanets.train.Prefetcher;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A model's scaling of its inputs and (regressors) targets: the {@link Scaling}s its builder chose,
 * the {@link Scaler}s fitted to them, and what applies them to data sets, streamed batches and
 * predictions. Fitting and every use happen under the model's lock; the scalers are volatile so
 * that a loader thread sees the ones fitted before its pass.
 */
final class ModelScaling {
  /** Rows of a data set in memory read at a time while fitting (a double copy of them is made). */
  static final long CHUNK_ROWS = 4096;

  private final ModelKind kind;
  private final Network network;
  private final DataType type;
  private final Scaling inputs;
  private final Scaling targets;
  private volatile Scaler inputScaler;
  private volatile Scaler targetScaler;
  private volatile Warned warned;

  ModelScaling(
      ModelKind kind,
      Network network,
      DataType type,
      Scaling inputs,
      Scaling targets,
      Scaler inputScaler,
      Scaler targetScaler) {
    if (targets != Scaling.NONE && !scalesTargets(kind)) {
      throw Errors.targetsNotScalable(kind);
    }
    this.kind = kind;
    this.network = network;
    this.type = type;
    this.inputs = inputs;
    this.targets = targets;
    check(inputScaler, inputs, network.inputSize(), "input");
    check(targetScaler, targets, network.outputSize(), "target");
    this.inputScaler = inputScaler;
    this.targetScaler = targetScaler;
  }

  /** Whether a model of {@code kind} may scale its targets: regressors only. */
  static boolean scalesTargets(ModelKind kind) {
    return kind == ModelKind.REGRESSOR || kind == ModelKind.RECURRENT_REGRESSOR;
  }

  private static void check(Scaler scaler, Scaling scaling, int columns, String what) {
    if (scaler != null && (scaler.scaling() != scaling || scaler.columns() != columns)) {
      throw Errors.scalerDoesNotMatch(what, scaler, scaling, columns);
    }
  }

  Scaling inputs() {
    return inputs;
  }

  Scaling targets() {
    return targets;
  }

  Optional<Scaler> inputScaler() {
    return Optional.ofNullable(inputScaler);
  }

  Optional<Scaler> targetScaler() {
    return Optional.ofNullable(targetScaler);
  }

  /** Whether anything is scaled. */
  boolean active() {
    return inputs != Scaling.NONE || targets != Scaling.NONE;
  }

  /** Whether every chosen scaling has its statistics. */
  boolean fitted() {
    return (inputs == Scaling.NONE || inputScaler != null)
        && (targets == Scaling.NONE || targetScaler != null);
  }

  /** The fitted scalers, to put back when a training that fitted them fails. */
  Scaler[] state() {
    return new Scaler[] {inputScaler, targetScaler};
  }

  void restore(Scaler[] state) {
    inputScaler = state[0];
    targetScaler = state[1];
  }

  // ---------------------------------------------------------------- fitting

  /** Fits the chosen scalings to {@code data}, checked by the caller, a chunk of rows at a time. */
  void fit(Dataset data) {
    Moments m = new Moments();
    for (long from = 0; from < data.rows(); from += CHUNK_ROWS) {
      m.add(data.rows(from, Math.min(data.rows(), from + CHUNK_ROWS)));
    }
    set(m);
  }

  /**
   * Fits the chosen scalings in one pass of {@code data}, each batch read and checked on a loader
   * thread.
   *
   * @throws io.github.javanets.train.BatchFailedException for a batch that cannot be read or is not
   *     valid
   * @throws IllegalArgumentException if the pass gives no batch
   */
  void fit(BatchSource data, List<Loss> losses) {
    Moments m = new Moments();
    BatchIterator pass = data.open();
    long batches = 0;
    try (Prefetcher<Dataset> p =
        Prefetcher.start(
            data.description(),
            () -> {
              if (!pass.hasNext()) {
                return null;
              }
              Dataset batch = pass.next();
              if (batch == null) {
                throw Errors.batchIsNull();
              }
              ModelChecks.batch(kind, network, losses, batch, "scaling");
              return batch;
            },
            pass::close)) {
      for (Dataset b; (b = p.next()) != null; batches++) {
        m.add(b);
      }
    }
    if (batches == 0) {
      throw Errors.noBatchesToFit(data.description());
    }
    set(m);
  }

  private void set(Moments m) {
    Scaler in = inputs == Scaling.NONE ? null : m.inputs.scaler(inputs, "input");
    Scaler out = targets == Scaling.NONE ? null : m.targets.scaler(targets, "target");
    inputScaler = in;
    targetScaler = out;
  }

  /** The moments of a pass: of the inputs, and of the targets when they are scaled. */
  private final class Moments {
    final ColumnMoments inputs = new ColumnMoments(network.inputSize());
    final ColumnMoments targets = new ColumnMoments(network.outputSize());

    void add(Dataset batch) {
      addInputs(inputs, batch);
      if (ModelScaling.this.targets != Scaling.NONE) {
        targets.add(batch.target(), batch.weights(), true);
      }
    }
  }

  /**
   * Adds {@code batch}'s inputs to {@code m}: an autoencoder's weights weigh each input value, a
   * value of weight 0 (an unknown entry) counts not; other models' weigh their targets, so a row or
   * time step counts when any of its weights is &gt; 0 (a padded step is left out).
   */
  private void addInputs(ColumnMoments m, Dataset batch) {
    m.add(batch.inputs(), batch.weights(), kind.autoencoder());
  }

  // ---------------------------------------------------------------- applying

  /** The inputs scaled, as the network takes them; {@code in} is checked and converted. */
  INDArray scaleInputs(INDArray in) {
    if (inputs == Scaling.NONE) {
      return in;
    }
    return fittedInputs().transform(in, type);
  }

  /**
   * Predictions in the data's units: a regressor's by its targets' scaler, an autoencoder's
   * reconstruction by its inputs' scaler; others as they are.
   */
  INDArray unscale(INDArray predicted) {
    if (kind.autoencoder() && inputs != Scaling.NONE) {
      return fittedInputs().inverse(predicted, type);
    }
    if (targets != Scaling.NONE) {
      return fittedTargets().inverse(predicted, type);
    }
    return predicted;
  }

  /**
   * {@code data} with its inputs and target scaled, its other arrays as they are; {@code data}
   * itself when nothing is scaled. An array that does not fit its scaler is left as it is for the
   * model's checks to report.
   */
  Dataset scale(Dataset data) {
    if (!active()) {
      return data;
    }
    Dataset.Builder b = Dataset.builder();
    for (String name : data.names()) {
      INDArray a = data.array(name);
      if (name.equals(Dataset.INPUTS) && inputs != Scaling.NONE && fitsInputs(a)) {
        a = fittedInputs().transform(a.castTo(type), type);
      } else if (name.equals(Dataset.TARGET) && targets != Scaling.NONE && fitsTargets(a)) {
        a = fittedTargets().transform(a, type);
      }
      b.array(name, a);
    }
    return b.build();
  }

  private boolean fitsInputs(INDArray x) {
    return ModelChecks.fits(kind, x, network.inputSize());
  }

  private boolean fitsTargets(INDArray y) {
    return y.rank() == (kind.recurrent ? 3 : 2) && y.size(y.rank() - 1) == network.outputSize();
  }

  /** {@code source}'s batches scaled as {@link #scale(Dataset)} scales, on the loader thread. */
  BatchSource scale(BatchSource source) {
    if (!active()) {
      return source;
    }
    fittedInputsIfAny();
    return source.map(this::scale);
  }

  private void fittedInputsIfAny() {
    if (!fitted()) {
      throw Errors.scalingNotFitted(kind, inputs, targets);
    }
  }

  private Scaler fittedInputs() {
    Scaler s = inputScaler;
    if (s == null) {
      throw Errors.scalingNotFitted(kind, inputs, targets);
    }
    return s;
  }

  private Scaler fittedTargets() {
    Scaler s = targetScaler;
    if (s == null) {
      throw Errors.scalingNotFitted(kind, inputs, targets);
    }
    return s;
  }

  // ---------------------------------------------------------------- the warning

  /**
   * The warning for training data whose inputs look unscaled while the model scales none, or empty:
   * see {@link UnscaledInputs#warning(ColumnMoments)}.
   */
  Optional<String> unscaledWarning(Dataset train) {
    if (inputs != Scaling.NONE) {
      return Optional.empty();
    }
    // A pass over every input value: done once per data set, not at each call of a loop that
    // trains one epoch per call on the same set.
    Warned last = warned;
    if (last != null && last.isFor(train.inputs(), train.weights())) {
      return last.warning;
    }
    ColumnMoments m = new ColumnMoments(network.inputSize());
    for (long from = 0; from < train.rows(); from += CHUNK_ROWS) {
      addInputs(m, train.rows(from, Math.min(train.rows(), from + CHUNK_ROWS)));
    }
    Optional<String> warning = UnscaledInputs.warning(m);
    warned = new Warned(train.inputs(), train.weights(), warning);
    return warning;
  }

  /** What the last warning was computed for (weakly held: one or two objects), and the warning. */
  private static final class Warned {
    private final WeakReference<Object> first;
    private final WeakReference<Object> second;
    private final Optional<String> warning;

    Warned(Object first, Object second, Optional<String> warning) {
      this.first = new WeakReference<>(first);
      this.second = new WeakReference<>(second);
      this.warning = warning;
    }

    boolean isFor(Object a, Object b) {
      return first.get() == a && second.get() == b;
    }
  }

  /**
   * The unscaled-input warning of a streamed training run, for a model that scales no inputs: the
   * source's first pass adds its inputs to moments (on the loader thread), to warn about them after
   * training without a pass of its own; once a pass of a source has been read to its end, its
   * warning is kept, and later runs on the same source neither tap it nor read it again.
   */
  final class Tap {
    private final BatchSource source;
    private final Optional<String> known;
    private final ColumnMoments moments;
    private volatile boolean complete;

    private Tap(BatchSource source) {
      this.source = source;
      Warned last = warned;
      this.known = last != null && last.isFor(source, null) ? last.warning : null;
      this.moments = known == null ? new ColumnMoments(network.inputSize()) : null;
    }

    /** The source to train on: {@code source}, read through the tap if the warning is not known. */
    BatchSource source() {
      return known != null ? source : tapFirstPass(source, moments, () -> complete = true);
    }

    /** The warning, from the pass read (remembered if the pass was read to its end), or known. */
    Optional<String> warning() {
      if (known != null) {
        return known;
      }
      Optional<String> w;
      synchronized (moments) {
        w = UnscaledInputs.warning(moments);
      }
      if (complete) {
        warned = new Warned(source, null, w);
      }
      return w;
    }
  }

  /** A tap on {@code source} for a model that scales no inputs; see {@link Tap}. */
  Tap tap(BatchSource source) {
    return new Tap(source);
  }

  /**
   * A source that adds the inputs of its first pass to {@code m} (on the loader thread, under
   * {@code m}'s lock) and runs {@code ended} when that pass has given its last batch.
   */
  private BatchSource tapFirstPass(BatchSource source, ColumnMoments m, Runnable ended) {
    boolean[] opened = {false};
    return new BatchSource() {
      @Override
      public BatchIterator open() {
        BatchIterator pass = source.open();
        if (opened[0]) {
          return pass;
        }
        opened[0] = true;
        return new BatchIterator() {
          @Override
          public boolean hasNext() {
            boolean more = pass.hasNext();
            if (!more) {
              ended.run();
            }
            return more;
          }

          @Override
          public Dataset next() {
            Dataset batch = pass.next();
            if (batch != null && fitsInputs(batch.inputs())) {
              synchronized (m) {
                addInputs(m, batch);
              }
            }
            return batch;
          }

          @Override
          public void close() {
            pass.close();
          }
        };
      }

      @Override
      public OptionalLong batchesPerEpoch() {
        return source.batchesPerEpoch();
      }

      @Override
      public String description() {
        return source.description();
      }
    };
  }
}
