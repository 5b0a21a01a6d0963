package io.github.javanets.train;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * Follows a training run. Bound with a {@code Multibinder<TrainingListener>} in {@link
 * JavanetsModule} (progress, logging, early stopping, NaN guard); a user's module adds its own.
 * Listeners are shared between runs, and between models given the same {@link Trainers}, which may
 * train at once on different threads: keep per-run state in the {@link TrainingRun}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface TrainingListener {
  /** Before the first epoch. */
  default void onStart(TrainingRun run) {}

  /**
   * After a minibatch's monitors are computed and before its update is applied.
   *
   * @param run the run; not null
   * @param batch the minibatch's index in the epoch, from 0
   * @param monitors the minibatch's monitors; not null
   */
  default void onBatch(TrainingRun run, int batch, Map<String, Double> monitors) {}

  /**
   * After a validation.
   *
   * @param run the run; not null
   * @param monitors the validation monitors; not null
   */
  default void onValidation(TrainingRun run, Map<String, Double> monitors) {}

  /**
   * After an epoch's updates.
   *
   * @param run the run; not null
   * @param epoch the epoch's index and monitors, as the model's {@code TrainingResult} will hold
   *     them; not null
   */
  default void onEpoch(TrainingRun run, EpochMonitors epoch) {}

  /** After the last epoch, before the result is returned (also when training failed). */
  default void onEnd(TrainingRun run) {}
}
