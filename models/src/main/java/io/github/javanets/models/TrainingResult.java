package io.github.javanets.models;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What a training run did: each epoch's monitors, the best validation, why it stopped, whether it
 * improved on the initial parameters ({@link #improved()}) and {@link #warnings()} about it.
 * Immutable and thread-safe.
 */
@API(status = STABLE, since = "0.1")
public final class TrainingResult {
  /** One epoch's monitors. */
  @API(status = STABLE, since = "0.1")
  public static final class Epoch {
    private final int index;
    private final Map<String, Double> train;
    private final Map<String, Double> valid;

    /**
     * Makes an epoch record.
     *
     * @param index the epoch, from 0
     * @param train the training monitors, averaged over the epoch's minibatches; not null
     * @param valid the validation monitors measured before this epoch trained (after {@code index}
     *     epochs), or empty; not null
     */
    public Epoch(int index, Map<String, Double> train, Map<String, Double> valid) {
      this.index = index;
      this.train = Collections.unmodifiableMap(new LinkedHashMap<>(train));
      this.valid = Collections.unmodifiableMap(new LinkedHashMap<>(valid));
    }

    /** The epoch, from 0. */
    public int index() {
      return index;
    }

    /**
     * The training monitors ({@code loss}, {@code err}, each loss by name, {@code acc} for
     * classifiers, regularizer terms), averaged over the epoch's minibatches by rows; unmodifiable.
     */
    public Map<String, Double> train() {
      return train;
    }

    /**
     * The validation monitors measured before this epoch trained, that is after {@link #index()}
     * epochs of training (epoch 0's are the initial parameters'); empty when it did not validate.
     * The same count as {@link TrainingResult#bestEpoch()}: {@code history().get(k).valid()} and
     * {@code bestEpoch() == k} speak of the same parameters.
     */
    public Map<String, Double> valid() {
      return valid;
    }

    @Override
    public String toString() {
      return "epoch " + index + " train " + train + (valid.isEmpty() ? "" : " valid " + valid);
    }
  }

  private final List<Epoch> history;
  private final Map<String, Double> bestValid;
  private final int bestEpoch;
  private final String stopReason;
  private final boolean improved;
  private final List<String> warnings;

  /**
   * Makes a result.
   *
   * @param history every epoch; not null
   * @param bestValid the best validation monitors (those whose parameters the model kept); not null
   * @param bestEpoch how many epochs had trained when the best validation was measured: 0 for the
   *     initial parameters, {@code history.size()} for the validation after the last epoch
   * @param stopReason why training stopped; not null
   */
  public TrainingResult(
      List<Epoch> history, Map<String, Double> bestValid, int bestEpoch, String stopReason) {
    this.history = List.copyOf(history);
    this.bestValid = Collections.unmodifiableMap(new LinkedHashMap<>(bestValid));
    this.bestEpoch = bestEpoch;
    this.stopReason = stopReason;
    double initial = history.isEmpty() ? Double.NaN : loss(history.get(0).valid());
    double best = loss(bestValid);
    this.improved = best < initial || !Double.isFinite(initial) && Double.isFinite(best);
    this.warnings = List.copyOf(warnings(initial, best));
  }

  private TrainingResult(TrainingResult r, String warning) {
    this.history = r.history;
    this.bestValid = r.bestValid;
    this.bestEpoch = r.bestEpoch;
    this.stopReason = r.stopReason;
    this.improved = r.improved;
    List<String> w = new ArrayList<>(r.warnings);
    w.add(warning);
    this.warnings = List.copyOf(w);
  }

  /** This result with {@code warning} added to its warnings, or this result when it is empty. */
  TrainingResult withWarning(java.util.Optional<String> warning) {
    return warning.map(w -> new TrainingResult(this, w)).orElse(this);
  }

  private static double loss(Map<String, Double> monitors) {
    Double loss = monitors.get("loss");
    return loss == null ? Double.NaN : loss;
  }

  private List<String> warnings(double initial, double best) {
    List<String> w = new ArrayList<>();
    if (history.isEmpty()) {
      return w;
    }
    if (!improved) {
      w.add(
          String.format(
              Locale.ROOT,
              "Training made no progress: the best validation loss (%.6g) is not below that of the"
                  + " initial parameters (%.6g), so the model keeps %s; try a smaller learning"
                  + " rate or another algorithm, and check the data.",
              best,
              initial,
              bestEpoch == 0 ? "its initial parameters" : "parameters no better than those"));
    }
    double first = loss(history.get(0).train());
    Epoch lastEpoch = history.get(history.size() - 1);
    double last = loss(lastEpoch.train());
    if (history.size() > 1 && last > first) {
      w.add(
          String.format(
              Locale.ROOT,
              "The training loss rose from %.6g in epoch 0 to %.6g in epoch %d; the learning rate"
                  + " may be too high.",
              first,
              last,
              lastEpoch.index()));
    }
    return w;
  }

  /** Each epoch trained, in order; unmodifiable. */
  public List<Epoch> history() {
    return history;
  }

  /** The best validation monitors: the model holds the parameters they were measured at. */
  public Map<String, Double> bestValid() {
    return bestValid;
  }

  /**
   * How many epochs had trained when the best validation was measured, the parameters the model now
   * holds: 0 for the initial parameters, {@code k} for those after epochs {@code 0..k-1}. Epochs
   * count from 0 in {@link #history()}, so {@code bestEpoch() == k} is the validation {@code
   * history().get(k).valid()} (measured before epoch {@code k} trained, equal to {@link
   * #bestValid()}) when {@code k < history().size()}, and the validation after the last epoch when
   * {@code k == history().size()}. The last epoch that trained the kept parameters is {@code
   * history().get(k - 1)}.
   */
  public int bestEpoch() {
    return bestEpoch;
  }

  /** Why training stopped: {@code "max_updates"}, {@code "patience"} or a listener's reason. */
  public String stopReason() {
    return stopReason;
  }

  /**
   * Whether training improved on the initial parameters: the best validation {@code loss} is below
   * the one measured before epoch 0 (or that one was not finite and the best is). False when
   * nothing improved, for example at a learning rate so high that the parameters diverge while the
   * loss stays finite; early stopping then restores the initial parameters.
   */
  public boolean improved() {
    return improved;
  }

  /**
   * Warnings about the run, one line each, empty when nothing looks wrong: no progress (see {@link
   * #improved()}), a training loss that ended higher than it started, or training inputs that look
   * unscaled while the model scales none (see {@link Model.Builder#scaleInputs}: a column whose
   * |mean| or standard deviation exceeds 10, or standard deviations that differ by more than a
   * factor of 1000). {@code Model.train} also logs them as SLF4J warnings. Unmodifiable; never
   * null.
   */
  public List<String> warnings() {
    return warnings;
  }
}
