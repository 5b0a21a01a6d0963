package io.github.javanets.testkit;

import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossContext;
import io.github.javanets.loss.LossContextBuilder;
import io.github.javanets.loss.OutputNames;
import io.github.javanets.loss.TargetKind;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A loss's expression built once, with its outputs as DOUBLE placeholders, its target and weights
 * fixed and the batch size unknown, so that it can be evaluated at many perturbed points (as a
 * central-difference check needs) in a graph built the way a model builds it. ({@link Loss#value}
 * keeps a graph too, but one built for the batch's known shapes: comparing the two checks that a
 * loss does not depend on knowing the batch size.)
 *
 * <p>As in a model's graph, the placeholders' batch size (first axis) is unknown when the loss
 * builds its expression: the context reports it as -1.
 */
final class LossGraph {
  private final SameDiff sd = SameDiff.create();
  private final Map<String, String> placeholderOf = new LinkedHashMap<>();
  private final String result;

  /**
   * Builds the graph of {@code loss} over outputs shaped like {@code outputs}.
   *
   * @param loss the loss; not null
   * @param outputs the outputs by name, as {@link Loss#value} takes them; not null
   * @param target the target, or null for a loss that needs none
   * @param weights the weights, or null for the unweighted reduction
   */
  LossGraph(Loss loss, Map<String, INDArray> outputs, INDArray target, INDArray weights) {
    String main = loss.outputName();
    if (main == null) {
      main = OutputNames.normalize(outputs.keySet().iterator().next());
    }
    LossContextBuilder ctx = LossContext.builder(sd).mainOutput(main);
    int i = 0;
    for (Map.Entry<String, INDArray> e : outputs.entrySet()) {
      String name = "output_" + i++;
      long[] shape = e.getValue().shape().clone();
      shape[0] = -1;
      ctx.output(e.getKey(), sd.placeHolder(name, DataType.DOUBLE, shape), shape);
      placeholderOf.put(e.getKey(), name);
    }
    if (target != null && loss.targetKind() != TargetKind.NONE) {
      INDArray t = loss.targetKind() == TargetKind.LABELS ? target : target.castTo(DataType.DOUBLE);
      ctx.target(sd.constant("target", t.dup()));
    }
    if (weights != null) {
      ctx.weights(sd.constant("weights", weights.castTo(DataType.DOUBLE).dup()));
    }
    this.result = loss.compute(ctx.build()).name();
  }

  /**
   * The loss's value at other outputs of the same names and shapes.
   *
   * @param outputs the outputs; not null
   * @return the value
   */
  double value(Map<String, INDArray> outputs) {
    Map<String, INDArray> feed = new LinkedHashMap<>();
    outputs.forEach((k, v) -> feed.put(placeholderOf.get(k), v.castTo(DataType.DOUBLE)));
    return sd.output(feed, result).get(result).getDouble(0);
  }
}
