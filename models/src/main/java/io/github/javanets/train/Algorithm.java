package io.github.javanets.train;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * A training algorithm: how to turn a run's settings into a DL4J {@link IUpdater}. Bound by name in
 * {@link JavanetsModule}; a user's module adds one with {@code MapBinder.newMapBinder(binder(),
 * String.class, Algorithm.class).addBinding("name").toInstance(s -> new Sgd(s.learningRate() /
 * 2))}.
 */
@FunctionalInterface
@API(status = EXPERIMENTAL, since = "0.1")
public interface Algorithm {
  /**
   * The updater for a training run.
   *
   * @param settings the run's settings (learning rate, momentum, ...); not null
   * @return a new updater configuration; never null
   */
  IUpdater updater(TrainingSettings settings);
}
