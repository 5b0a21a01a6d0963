package io.github.javanets.loss;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** The type of a {@link LossParam declared loss parameter}. */
@API(status = STABLE, since = "0.1")
public enum ParameterType {
  /** A finite real number, held as a {@link Double}. */
  DOUBLE,
  /** A whole number, held as a {@link Long}. */
  INT,
  /** {@code true} or {@code false}, held as a {@link Boolean}. */
  BOOLEAN,
  /** Free text, held as a {@link String}. */
  STRING,
  /** One of the declared {@link LossParam#choices()}, held as a {@link String}. */
  CHOICE,
  /**
   * The name of a model output the loss reads ({@code "hid1:out"}; a bare layer name means its
   * {@code :out} output), held as a {@link String}.
   */
  OUTPUT
}
