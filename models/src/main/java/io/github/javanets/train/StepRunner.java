package io.github.javanets.train;

import io.github.javanets.graph.GraphRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A problem's training step (monitors and gradients) or its evaluation (monitors), run by a {@link
 * GraphRunner} when the graph allows and by SameDiff's own session otherwise, or when the system
 * property {@value GraphRunner#PROPERTY} is {@code false}. The arrays returned are valid until the
 * next call.
 */
final class StepRunner {
  private final SameDiff sd;
  private final List<String> monitors;
  private final List<String> params;
  private final GraphRunner runner;
  private final List<String> gradientVariables = new ArrayList<>();

  private StepRunner(SameDiff sd, List<String> monitors, List<String> params, boolean training) {
    this.sd = sd;
    this.monitors = List.copyOf(monitors);
    this.params = List.copyOf(params);
    GraphRunner r = null;
    if (training) {
      if (sd.getFunction("grad") == null) {
        sd.createGradFunction();
      }
      List<String> outputs = new ArrayList<>(monitors);
      for (String p : params) {
        SDVariable g = sd.getVariable(p).getGradient();
        gradientVariables.add(g == null ? null : g.name());
        if (g != null) {
          outputs.add(g.name());
        }
      }
      if (GraphRunner.enabled()) {
        r = GraphRunner.compile(sd.getFunction("grad"), outputs);
      }
    } else if (GraphRunner.enabled()) {
      r = GraphRunner.compile(sd, monitors);
    }
    this.runner = r;
  }

  /** The step of gradient training: monitors and the gradient of every parameter. */
  static StepRunner training(SameDiff sd, List<String> monitors, List<String> params) {
    return new StepRunner(sd, monitors, params, true);
  }

  /** Evaluation: the monitors only. */
  static StepRunner evaluation(SameDiff sd, List<String> monitors) {
    return new StepRunner(sd, monitors, List.of(), false);
  }

  /** Whether the graph runs without SameDiff's session. */
  boolean compiled() {
    return runner != null;
  }

  /**
   * Runs the step.
   *
   * @param feed every placeholder's array; not null
   * @return the monitors by variable name and, for training, the gradients by parameter name
   */
  OutAndGrad run(Map<String, INDArray> feed) {
    if (runner == null) {
      return gradientVariables.isEmpty() && params.isEmpty()
          ? new OutAndGrad(sd.output(feed, monitors), Map.of())
          : sd.calculateGradientsAndOutputs(feed, monitors, params);
    }
    Map<String, INDArray> all = runner.run(feed);
    Map<String, INDArray> out = new LinkedHashMap<>();
    for (String m : monitors) {
      out.put(m, all.get(m));
    }
    Map<String, INDArray> grads = new LinkedHashMap<>();
    for (int i = 0; i < params.size(); i++) {
      String g = gradientVariables.get(i);
      if (g != null) {
        grads.put(params.get(i), all.get(g));
      }
    }
    return new OutAndGrad(out, grads);
  }
}
