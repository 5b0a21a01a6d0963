package io.github.javanets.train;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a {@link Trainer} trains: a SameDiff graph whose scalar monitors it evaluates on each
 * minibatch, and whose parameters it updates with the gradient of the first monitor, the total
 * objective. The minibatches come from a {@link MinibatchSource} that feeds this graph's
 * placeholders. Implemented by the models (one graph per set of losses and regularizers), not by
 * applications, which train through a model's {@code train}: internal to javanets, outside use is
 * unsupported.
 */
@API(status = INTERNAL, since = "0.1", consumers = "io.github.javanets.models")
public interface TrainingProblem {
  /** The graph; never null. */
  SameDiff graph();

  /** The trainable parameters by graph variable name, as live arrays updated in place. */
  Map<String, INDArray> parameters();

  /**
   * The monitors' names, {@code "loss"} (the objective) first, then {@code "err"}, each loss by
   * name, and others such as {@code "acc"} or regularizer terms.
   */
  List<String> monitorNames();

  /** The graph variables holding the monitors, in {@link #monitorNames()}'s order. */
  List<String> monitorVariables();

  /**
   * The monitors' values from one run of the graph.
   *
   * @param computed what the run computed, by graph variable: at least every monitor variable
   * @return monitor name to value, in {@link #monitorNames()}'s order; never null
   * @throws IllegalArgumentException if a monitor is not one number, naming it and its shape (a
   *     model names the loss that computed it)
   */
  default Map<String, Double> monitorValues(Map<String, INDArray> computed) {
    Map<String, Double> monitors = new LinkedHashMap<>();
    List<String> names = monitorNames();
    List<String> variables = monitorVariables();
    for (int i = 0; i < names.size(); i++) {
      INDArray v = computed.get(variables.get(i));
      if (v.length() != 1) {
        throw Errors.monitorNotScalar(names.get(i), v.shape());
      }
      monitors.put(names.get(i), v.getDouble(0));
    }
    return monitors;
  }
}
