package io.github.javanets.testkit;

import static org.apiguardian.api.API.Status.STABLE;

import io.github.javanets.loss.Loss;
import org.apiguardian.api.API;

/**
 * An independent float64 implementation of a loss, written as plain loops over {@link
 * Float64Array}s following the loss's documented formula. {@link LossContractTest} compares the
 * loss with it on random inputs of several shapes, weighted and unweighted, to 1e-9.
 */
@FunctionalInterface
@API(status = STABLE, since = "0.1")
public interface Float64Reference {
  /**
   * The loss's value.
   *
   * @param loss the configured loss, for its parameters ({@link Loss#parameter(String)}); not null
   * @param inputs the outputs, target and (when {@link Float64Inputs#weighted()}) weights; not null
   * @return the value in float64
   */
  double value(Loss loss, Float64Inputs inputs);
}
