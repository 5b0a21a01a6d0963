package io.github.javanets.loss;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** What a {@link Loss} needs as its target. */
@API(status = STABLE, since = "0.1")
public enum TargetKind {
  /** Real values with the shape of the output the loss reads. */
  VALUES,
  /**
   * Integer class labels in {@code [0, k)}: the output's shape without its last axis ({@code (N)}
   * for {@code (N, k)} outputs, {@code (N, T)} for {@code (N, T, k)}).
   */
  LABELS,
  /**
   * Samples of a distribution with the output's trailing shape; the number of rows may differ from
   * the output's (as for {@code mmd}).
   */
  SAMPLES,
  /** No target at all: the loss depends on outputs only. */
  NONE
}
