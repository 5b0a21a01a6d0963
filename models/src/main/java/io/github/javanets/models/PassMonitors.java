package io.github.javanets.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The monitors of a training graph over a pass of several batches, each as it is on all the pass's
 * rows at once, summed in double precision. A monitor that is a mean over the batch with a
 * denominator ({@link Objective.Monitor#denominator()}: a loss that declares {@link
 * io.github.javanets.loss.Decomposable}, its {@code err}, and the accuracy) is {@code sum_b(D_b *
 * v_b) / sum_b(D_b)}, 0 when every {@code D_b} is 0 (every weight 0); other monitors (a loss that
 * does not split exactly, such as {@code mmd}, and penalties) are the mean of the batches' values
 * weighted by their rows, {@code sum_b(rows_b * v_b) / sum_b(rows_b)}; the objective is the sum of
 * the means of its terms times their factors ({@link Objective.Monitor#inObjective()}). Not
 * thread-safe.
 */
final class PassMonitors {
  private final ModelGraph graph;
  private final List<Objective.Monitor> monitors;
  private final List<String> variables = new ArrayList<>();
  private final double[] sums;
  private final double[] weights;
  private long batches;

  /** Sums of the monitors of {@code graph}, a training graph; none added yet. */
  PassMonitors(ModelGraph graph) {
    this.graph = graph;
    this.monitors = graph.objective().monitors();
    variables.addAll(graph.monitorVariables());
    for (Objective.Monitor m : monitors) {
      if (m.denominator() != null && !variables.contains(m.denominator().name())) {
        variables.add(m.denominator().name());
      }
    }
    this.sums = new double[monitors.size()];
    this.weights = new double[monitors.size()];
  }

  /** The graph variables each batch's run must compute: the monitors and their denominators. */
  List<String> variables() {
    return variables;
  }

  /**
   * Adds one batch.
   *
   * @param computed what a run of the graph computed, {@link #variables()} at least; not null
   * @param rows the batch's rows (sequences for a recurrent model), &gt;= 1
   * @throws IllegalArgumentException if a loss's value is not one number, naming the loss
   */
  void add(Map<String, INDArray> computed, long rows) {
    Map<String, Double> values = graph.monitorValues(computed);
    int i = 0;
    for (double v : values.values()) {
      Objective.Monitor m = monitors.get(i);
      double d = m.denominator() == null ? rows : computed.get(m.denominator().name()).getDouble(0);
      // A mean whose denominator is 0 is 0 (every weight 0): it adds nothing.
      if (d != 0) {
        sums[i] += d * v;
        weights[i] += d;
      }
      i++;
    }
    batches++;
  }

  /**
   * The monitors over every batch added, by name, in the graph's order.
   *
   * @param source names the data in the error
   * @throws IllegalArgumentException if no batch was added
   */
  Map<String, Double> values(String source) {
    if (batches == 0) {
      throw Errors.passWithoutBatches(source);
    }
    double[] means = new double[sums.length];
    double objective = 0;
    for (int i = 0; i < sums.length; i++) {
      means[i] = weights[i] == 0 ? 0 : sums[i] / weights[i];
      double factor = monitors.get(i).inObjective();
      if (factor != 0) {
        // x * 1.0 == x: as the graph adds a loss of weight 1.
        objective += factor == 1.0 ? means[i] : means[i] * factor;
      }
    }
    Map<String, Double> values = new LinkedHashMap<>();
    for (int i = 0; i < sums.length; i++) {
      values.put(monitors.get(i).name(), i == 0 ? objective : means[i]);
    }
    return values;
  }
}
