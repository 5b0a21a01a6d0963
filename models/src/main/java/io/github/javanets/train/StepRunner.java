package io.github.javanets.train;

import io.github.javanets.runtime.GraphExecutor;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A problem's training step (monitors and gradients) or its evaluation (monitors), run by a {@link
 * GraphExecutor}: a graph runner when the graph allows, SameDiff's own session otherwise or when
 * the system property {@value GraphExecutor#PROPERTY} is {@code false}. The arrays returned are
 * valid until the next call.
 */
final class StepRunner {
  private final GraphExecutor executor;

  private StepRunner(GraphExecutor executor) {
    this.executor = executor;
  }

  /** The step of gradient training: monitors and the gradient of every parameter. */
  static StepRunner training(SameDiff sd, List<String> monitors, List<String> params) {
    if (sd.getFunction("grad") == null) {
      sd.createGradFunction();
    }
    return new StepRunner(GraphExecutor.forGradients(sd, monitors, params));
  }

  /** Evaluation: the monitors only. */
  static StepRunner evaluation(SameDiff sd, List<String> monitors) {
    return new StepRunner(GraphExecutor.forOutputs(sd, monitors));
  }

  /** Whether the graph runs without SameDiff's session. */
  boolean compiled() {
    return executor.usesRunner();
  }

  /**
   * Runs the step.
   *
   * @param feed every placeholder's array; not null
   * @return the monitors by variable name and, for training, the gradients by parameter name
   */
  OutAndGrad run(Map<String, INDArray> feed) {
    return executor.run(feed);
  }
}
