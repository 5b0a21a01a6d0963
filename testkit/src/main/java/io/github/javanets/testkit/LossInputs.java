package io.github.javanets.testkit;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Valid inputs of a loss, as a {@link LossFixture} makes them: the outputs it reads by name, its
 * target and per-element weights with the target's shape. Whether an evaluation uses the weights is
 * up to the caller. Immutable: the {@code with...} methods return new inputs (sharing arrays, which
 * the test kit never modifies in place).
 */
@API(status = STABLE, since = "0.1")
public final class LossInputs {
  /** The output name {@link #of(INDArray, INDArray, INDArray)} uses. */
  public static final String DEFAULT_OUTPUT = "out";

  private final Map<String, INDArray> outputs;
  private final INDArray target;
  private final INDArray weights;

  private LossInputs(Map<String, INDArray> outputs, INDArray target, INDArray weights) {
    if (outputs.isEmpty()) {
      throw new IllegalArgumentException("At least one output is needed.");
    }
    Map<String, INDArray> copy = new LinkedHashMap<>();
    outputs.forEach((k, v) -> copy.put(k, Objects.requireNonNull(v, k)));
    this.outputs = Collections.unmodifiableMap(copy);
    this.target = target;
    this.weights = Objects.requireNonNull(weights, "weights");
  }

  /**
   * Inputs of a loss reading several outputs.
   *
   * @param outputs the outputs by name, the main one first; not null, not empty
   * @param target the target; null only for a loss that needs none
   * @param weights non-negative weights with the target's shape (the output's for a loss without
   *     target); not null
   * @return the inputs; never null
   */
  public static LossInputs of(Map<String, INDArray> outputs, INDArray target, INDArray weights) {
    return new LossInputs(outputs, target, weights);
  }

  /**
   * Inputs of a loss reading one output, named {@value #DEFAULT_OUTPUT}.
   *
   * @see #of(Map, INDArray, INDArray)
   */
  public static LossInputs of(INDArray output, INDArray target, INDArray weights) {
    return new LossInputs(Map.of(DEFAULT_OUTPUT, output), target, weights);
  }

  /** The outputs by name, the main one first; an unmodifiable view, never null. */
  public Map<String, INDArray> outputs() {
    return outputs;
  }

  /** The main (first) output; never null. */
  public INDArray output() {
    return outputs.values().iterator().next();
  }

  /** The target, or null for a loss that needs none. */
  public INDArray target() {
    return target;
  }

  /** The weights; never null. */
  public INDArray weights() {
    return weights;
  }

  /** The weights when {@code weighted}, else null: what {@code Loss.value} takes. */
  public INDArray weightsIf(boolean weighted) {
    return weighted ? weights : null;
  }

  /**
   * These inputs with other outputs.
   *
   * @param newOutputs the outputs by name; not null, not empty
   * @return new inputs; never null
   */
  public LossInputs withOutputs(Map<String, INDArray> newOutputs) {
    return new LossInputs(newOutputs, target, weights);
  }

  /**
   * These inputs with another target.
   *
   * @param newTarget the target; null only for a loss that needs none
   * @return new inputs; never null
   */
  public LossInputs withTarget(INDArray newTarget) {
    return new LossInputs(outputs, newTarget, weights);
  }

  /**
   * These inputs with other weights.
   *
   * @param newWeights the weights; not null
   * @return new inputs; never null
   */
  public LossInputs withWeights(INDArray newWeights) {
    return new LossInputs(outputs, target, newWeights);
  }

  @Override
  public String toString() {
    return "LossInputs{outputs=" + outputs + ", target=" + target + ", weights=" + weights + "}";
  }
}
