package io.github.javanets.train;

import io.github.javanets.models.TrainOptions;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * A training algorithm: how to turn options into a DL4J {@link IUpdater}. Bound by name in {@link
 * JavanetsModule}; a user's module adds one with {@code MapBinder.newMapBinder(binder(),
 * String.class, Algorithm.class).addBinding("name").toInstance(...)}.
 */
@FunctionalInterface
public interface Algorithm {
  /**
   * The updater for a training run.
   *
   * @param options the run's options; not null
   * @return a new updater configuration; never null
   */
  IUpdater updater(TrainOptions options);
}
