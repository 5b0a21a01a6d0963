package io.github.javanets.train;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The state of one training run, shared with its {@link TrainingListener}s, and what {@link
 * Trainer#train} returns when the run is over: the epochs trained, the best validation and why it
 * stopped. Not thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TrainingRun {
  /** What {@link #batches()} returns when a streamed source does not know its length. */
  public static final int UNKNOWN = -1;

  private final TrainingSettings options;
  private final int batches;
  private final Map<String, INDArray> best = new HashMap<>();
  private final Map<Object, Object> attributes = new HashMap<>();
  private final TrainingProblem problem;
  private final List<EpochMonitors> history = new ArrayList<>();
  private int epoch;
  private String stopReason;
  private Map<String, Double> bestValid = Map.of();
  private int bestEpoch = -1;
  private long batchesSoFar;

  TrainingRun(TrainingProblem problem, TrainingSettings options, long batches) {
    this.problem = problem;
    this.options = options;
    this.batches = batches < 0 || batches > Integer.MAX_VALUE ? UNKNOWN : (int) batches;
  }

  /**
   * The run's settings: those of the model's {@code TrainOptions} that the trainer, its algorithm
   * and listeners read ({@code patience()}, {@code maxUpdates()}, ...); never null.
   */
  public TrainingSettings options() {
    return options;
  }

  /** The current epoch, from 0. */
  public int epoch() {
    return epoch;
  }

  void epoch(int epoch) {
    this.epoch = epoch;
  }

  /**
   * The number of minibatches per epoch, or {@link #UNKNOWN} for a streamed source that does not
   * know it.
   */
  public int batches() {
    return batches;
  }

  /**
   * The minibatches of this run trained so far, over every epoch, the current one included once its
   * monitors are computed (as {@link TrainingListener#onBatch} sees it).
   */
  public long batchesSoFar() {
    return batchesSoFar;
  }

  /** Counts a minibatch; returns the index of its update in the run, from 0. */
  int countBatch() {
    return (int) batchesSoFar++;
  }

  /** The epochs trained so far, in order; an unmodifiable view, never null. */
  public List<EpochMonitors> history() {
    return Collections.unmodifiableList(history);
  }

  void add(EpochMonitors epoch) {
    history.add(epoch);
  }

  /** Asks the trainer to stop before the next epoch. */
  public void requestStop(String reason) {
    if (stopReason == null) {
      stopReason = Objects.requireNonNull(reason, "reason");
    }
  }

  /** Why a stop was requested, or null. */
  public String stopReason() {
    return stopReason;
  }

  /**
   * Records the current parameters as the best, measured by {@code monitors}; the trainer restores
   * them at the end.
   */
  public void keepAsBest(Map<String, Double> monitors) {
    problem.parameters().forEach((name, array) -> best.put(name, array.dup()));
    bestValid = Map.copyOf(monitors);
    bestEpoch = epoch;
  }

  /** The best validation monitors so far, or empty. */
  public Map<String, Double> bestValid() {
    return bestValid;
  }

  /** The epoch of the best validation, or -1. */
  public int bestEpoch() {
    return bestEpoch;
  }

  /** A listener's per-run state, by key. */
  @SuppressWarnings("unchecked")
  public <T> T attribute(Object key, java.util.function.Supplier<T> initial) {
    return (T) attributes.computeIfAbsent(key, k -> initial.get());
  }

  void restoreBest() {
    problem
        .parameters()
        .forEach(
            (name, array) -> {
              INDArray copy = best.get(name);
              if (copy != null) {
                array.assign(copy);
              }
            });
  }
}
