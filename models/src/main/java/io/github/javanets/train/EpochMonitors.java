package io.github.javanets.train;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One trained epoch's monitors, as the {@link Trainer} records it and tells its listeners ({@link
 * TrainingListener#onEpoch}). A model's {@code TrainingResult} holds the same values as its {@code
 * TrainingResult.Epoch}s. Immutable.
 *
 * @param index the epoch, from 0
 * @param train the training monitors ({@code loss}, {@code err}, each loss by name, ...), averaged
 *     over the epoch's minibatches by rows; an unmodifiable copy
 * @param valid the validation monitors computed before this epoch, or empty when it did not
 *     validate; an unmodifiable copy
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record EpochMonitors(int index, Map<String, Double> train, Map<String, Double> valid) {
  /**
   * Copies the maps, keeping their order.
   *
   * @throws NullPointerException if a map is null
   */
  public EpochMonitors {
    train = Collections.unmodifiableMap(new LinkedHashMap<>(train));
    valid = Collections.unmodifiableMap(new LinkedHashMap<>(valid));
  }

  /**
   * {@code epoch 3 train {loss=..., ...} valid {...}}; the validation part only when there is one.
   */
  @Override
  public String toString() {
    return "epoch " + index + " train " + train + (valid.isEmpty() ? "" : " valid " + valid);
  }
}
