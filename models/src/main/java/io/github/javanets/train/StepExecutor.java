package io.github.javanets.train;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Map;
import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Computes what a {@link Trainer} needs of a minibatch: its monitors and gradients (a training
 * step) or its monitors alone (evaluation). By default the trainer runs its {@link
 * TrainingProblem}'s graph on the calling thread; a trainer that splits each minibatch over
 * machines ({@code javanets-spark}) gives its own, which computes the same values elsewhere and
 * combines them. Called on the trainer's thread, one call at a time. Internal to javanets: outside
 * use is unsupported.
 */
@API(
    status = INTERNAL,
    since = "0.2",
    consumers = {"io.github.javanets.models", "io.github.javanets.spark"})
public interface StepExecutor {
  /**
   * A training step.
   *
   * @param feed the minibatch; not null
   * @return the monitors by graph variable ({@link TrainingProblem#monitorVariables()}) and the
   *     gradient of the objective by parameter; valid until the next call
   */
  OutAndGrad train(Feed feed);

  /**
   * An evaluation, without noise or dropout.
   *
   * @param feed the minibatch; not null
   * @return the monitors by graph variable; valid until the next call
   */
  Map<String, INDArray> evaluate(Feed feed);

  /** The default: the problem's graph, run on the calling thread. */
  static StepExecutor local(TrainingProblem problem) {
    java.util.List<String> params = new java.util.ArrayList<>(problem.parameters().keySet());
    StepRunner step = StepRunner.training(problem.graph(), problem.monitorVariables(), params);
    StepRunner evaluation = StepRunner.evaluation(problem.graph(), problem.monitorVariables());
    return new StepExecutor() {
      @Override
      public OutAndGrad train(Feed feed) {
        return step.run(feed.placeholders());
      }

      @Override
      public Map<String, INDArray> evaluate(Feed feed) {
        return evaluation.run(feed.placeholders()).getOutputs();
      }
    };
  }
}
