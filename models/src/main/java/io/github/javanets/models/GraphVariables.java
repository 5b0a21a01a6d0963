package io.github.javanets.models;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A model graph's SameDiff and its variables by name: the named outputs ({@code hid1:out}, ...)
 * with their shapes, and the parameters, made variables {@code param.<name>} over the model's live
 * arrays when a layer or penalty first asks for them. Knows the shape of an activation: {@code (-1,
 * width)} on rows, {@code (-1, T, width)} on sequences of {@code T} steps ({@code -1}: any).
 */
final class GraphVariables {
  private final SameDiff sd = SameDiff.create();
  private final boolean recurrent;
  private final int steps;
  private final DataType type;
  private final Map<String, INDArray> parameters;
  private final Map<String, SDVariable> outputs = new LinkedHashMap<>();
  private final Map<String, long[]> shapes = new LinkedHashMap<>();

  /**
   * @param recurrent whether activations are sequences
   * @param steps the sequence length the graph is built for; -1 for any
   * @param type the data type of parameters and computations
   * @param parameters the model's live parameters by name
   */
  GraphVariables(boolean recurrent, int steps, DataType type, Map<String, INDArray> parameters) {
    this.recurrent = recurrent;
    this.steps = steps;
    this.type = type;
    this.parameters = new LinkedHashMap<>(parameters);
  }

  SameDiff sd() {
    return sd;
  }

  DataType type() {
    return type;
  }

  boolean recurrent() {
    return recurrent;
  }

  /** The sequence length the graph is built for; -1 for any (and on rows). */
  int steps() {
    return steps;
  }

  /**
   * The shape of an activation of {@code width} units: {@code (-1, width)} or {@code (-1, T,
   * width)}.
   */
  long[] shape(long width) {
    return recurrent ? new long[] {-1, steps > 0 ? steps : -1, width} : new long[] {-1, width};
  }

  /** Names {@code v} as output {@code name} of shape {@code shape}. */
  void output(String name, SDVariable v, long[] shape) {
    outputs.put(name, v);
    shapes.put(name, shape);
  }

  /** The graph variable of a named output, or null. */
  SDVariable output(String name) {
    return outputs.get(name);
  }

  /** The shape of a named output, or null for a name that is not one. */
  long[] outputShape(String name) {
    return shapes.get(name);
  }

  /** Every named output, in network order; unmodifiable. */
  Map<String, SDVariable> outputs() {
    return Collections.unmodifiableMap(outputs);
  }

  /** The variable of parameter {@code name} ({@code hid1.w}), made on first use. */
  SDVariable param(String name) {
    SDVariable v = sd.getVariable("param." + name);
    return v != null ? v : sd.var("param." + name, parameters.get(name));
  }

  /** The live parameters by graph variable name ({@code param.hid1.w}); unmodifiable. */
  Map<String, INDArray> parametersByVariable() {
    Map<String, INDArray> byVariable = new LinkedHashMap<>();
    parameters.forEach((name, array) -> byVariable.put("param." + name, array));
    return Collections.unmodifiableMap(byVariable);
  }
}
