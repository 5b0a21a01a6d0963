package io.github.javanets.testkit;

import static org.apiguardian.api.API.Status.STABLE;

import io.github.javanets.loss.internal.OutputNames;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The inputs of one loss evaluation as {@link Float64Array}s: the outputs by name, the target and,
 * for a weighted evaluation, the weights. What a {@link Float64Reference} reads.
 */
@API(status = STABLE, since = "0.1")
public final class Float64Inputs {
  private final Map<String, Float64Array> outputs;
  private final Float64Array target;
  private final Float64Array weights;

  /**
   * Makes the inputs.
   *
   * @param outputs the outputs, in order, the main one first; not null, not empty
   * @param target the target; null only for a loss that needs none
   * @param weights the weights, or null for an unweighted evaluation
   */
  public Float64Inputs(
      Map<String, Float64Array> outputs, Float64Array target, Float64Array weights) {
    if (outputs.isEmpty()) {
      throw new IllegalArgumentException("At least one output is needed.");
    }
    Map<String, Float64Array> byName = new LinkedHashMap<>();
    outputs.forEach((k, v) -> byName.put(OutputNames.normalize(k), Objects.requireNonNull(v, k)));
    this.outputs = Collections.unmodifiableMap(byName);
    this.target = target;
    this.weights = weights;
  }

  /** Converts {@link LossInputs}, keeping the weights only when {@code weighted}. */
  static Float64Inputs of(LossInputs in, boolean weighted) {
    Map<String, Float64Array> outs = new LinkedHashMap<>();
    in.outputs().forEach((k, v) -> outs.put(k, Float64Array.of(v)));
    return new Float64Inputs(
        outs,
        in.target() == null ? null : Float64Array.of(in.target()),
        weighted ? Float64Array.of(in.weights()) : null);
  }

  /** The main (first) output; never null. */
  public Float64Array output() {
    return outputs.values().iterator().next();
  }

  /**
   * An output by name.
   *
   * @param name its name; a bare layer name means its {@code :out} output
   * @return the output; never null
   * @throws IllegalArgumentException if there is none of that name
   */
  public Float64Array output(String name) {
    Float64Array a = outputs.get(OutputNames.normalize(name));
    if (a == null) {
      throw new IllegalArgumentException(
          "No output '" + name + "'; the inputs hold " + outputs.keySet() + ".");
    }
    return a;
  }

  /** Every output by normalized name; an unmodifiable view, never null. */
  public Map<String, Float64Array> outputs() {
    return outputs;
  }

  /** The target, or null for a loss that needs none. */
  public Float64Array target() {
    return target;
  }

  /** The weights, or null when the evaluation is unweighted. */
  public Float64Array weights() {
    return weights;
  }

  /** Whether the evaluation is weighted ({@link #weights()} is not null). */
  public boolean weighted() {
    return weights != null;
  }
}
