package io.github.javanets.models;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a training run did: each epoch's monitors, the best validation and why it stopped. */
public final class TrainingResult {
  /** One epoch's monitors. */
  public static final class Epoch {
    private final int index;
    private final Map<String, Double> train;
    private final Map<String, Double> valid;

    /**
     * Makes an epoch record.
     *
     * @param index the epoch, from 0
     * @param train the training monitors, averaged over the epoch's minibatches; not null
     * @param valid the validation monitors computed before this epoch, or empty; not null
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

    /** The validation monitors computed before this epoch; empty when it did not validate. */
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

  /**
   * Makes a result.
   *
   * @param history every epoch; not null
   * @param bestValid the best validation monitors (those whose parameters the model kept); not null
   * @param bestEpoch the epoch before which the best validation was measured ({@code
   *     history.size()} for the final one)
   * @param stopReason why training stopped; not null
   */
  public TrainingResult(
      List<Epoch> history, Map<String, Double> bestValid, int bestEpoch, String stopReason) {
    this.history = List.copyOf(history);
    this.bestValid = Collections.unmodifiableMap(new LinkedHashMap<>(bestValid));
    this.bestEpoch = bestEpoch;
    this.stopReason = stopReason;
  }

  /** Each epoch trained, in order; unmodifiable. */
  public List<Epoch> history() {
    return history;
  }

  /** The best validation monitors: the model holds the parameters they were measured at. */
  public Map<String, Double> bestValid() {
    return bestValid;
  }

  /** When the best validation was measured: before epoch {@code bestEpoch()} was trained. */
  public int bestEpoch() {
    return bestEpoch;
  }

  /** Why training stopped: {@code "max_updates"}, {@code "patience"} or a listener's reason. */
  public String stopReason() {
    return stopReason;
  }
}
