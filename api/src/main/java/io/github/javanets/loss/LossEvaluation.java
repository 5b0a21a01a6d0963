package io.github.javanets.loss;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Evaluates a loss on plain arrays in a small graph of its own: {@link Loss#value}. */
final class LossEvaluation {
  private final Loss loss;
  private final SameDiff sd = SameDiff.create();
  private final Map<String, String> variableOf = new LinkedHashMap<>();
  private final SDVariable result;

  private LossEvaluation(
      Loss loss,
      Function<LossContext, SDVariable> expression,
      Map<String, INDArray> outputs,
      INDArray target,
      INDArray weights) {
    this.loss = loss;
    Objects.requireNonNull(outputs, "outputs");
    if (outputs.isEmpty()) {
      throw new IllegalArgumentException("Loss '" + loss.name() + "' needs an output; none given.");
    }
    Map<String, INDArray> byName = new LinkedHashMap<>();
    Map<String, String> keyOf = new LinkedHashMap<>();
    for (Map.Entry<String, INDArray> e : outputs.entrySet()) {
      String name = OutputNames.normalize(e.getKey());
      if (byName.put(name, Objects.requireNonNull(e.getValue(), e.getKey())) != null) {
        throw new IllegalArgumentException("Output '" + name + "' is given twice.");
      }
      keyOf.put(name, e.getKey());
    }
    String main = mainOutput(byName);
    List<String> read = loss.outputNames(main);
    for (String name : read) {
      if (!byName.containsKey(name)) {
        throw new IllegalArgumentException(
            "Loss '"
                + loss.name()
                + "' reads output '"
                + name
                + "', which is not among the given outputs: "
                + String.join(", ", byName.keySet())
                + ".");
      }
    }
    if (loss.weighted() && weights == null) {
      throw new IllegalArgumentException(
          "Loss '" + loss.name() + "' is weighted (weighted=true) but no weights were given.");
    }
    INDArray mainArray = byName.get(main);
    DataType type = mainArray.dataType();
    if (!type.isFPType()) {
      throw new IllegalArgumentException(
          "Output '" + main + "' has data type " + type + "; outputs must be floating point.");
    }
    Map<String, long[]> shapes = new LinkedHashMap<>();
    for (String name : read) {
      shapes.put(name, byName.get(name).shape());
    }
    loss.checkArrays(shapes, target, weights);

    LossContextBuilder ctx = LossContext.builder(sd).mainOutput(main);
    int i = 0;
    for (Map.Entry<String, INDArray> e : byName.entrySet()) {
      String variable = "output_" + i++;
      ctx.output(e.getKey(), sd.var(variable, e.getValue().castTo(type).dup()));
      variableOf.put(keyOf.get(e.getKey()), variable);
    }
    if (target != null && loss.targetKind() != TargetKind.NONE) {
      INDArray t = loss.targetKind() == TargetKind.LABELS ? target : target.castTo(type);
      ctx.target(sd.constant("target", t.dup()));
    }
    if (weights != null) {
      ctx.weights(sd.constant("weights", weights.castTo(type).dup()));
    }
    this.result = Objects.requireNonNull(expression.apply(ctx.build()), "compute returned null");
  }

  private String mainOutput(Map<String, INDArray> byName) {
    String declared = loss.outputName();
    if (declared != null) {
      return declared;
    }
    if (byName.size() != 1) {
      throw new IllegalArgumentException(
          "Loss '"
              + loss.name()
              + "' reads one output but "
              + byName.size()
              + " were given ("
              + String.join(", ", byName.keySet())
              + "); set its parameter '"
              + loss.info().outputParameters().get(0)
              + "'.");
    }
    return byName.keySet().iterator().next();
  }

  static double value(
      Loss loss,
      Function<LossContext, SDVariable> expression,
      Map<String, INDArray> outputs,
      INDArray target,
      INDArray weights) {
    LossEvaluation e = new LossEvaluation(loss, expression, outputs, target, weights);
    INDArray v = e.sd.output(Map.of(), e.result.name()).get(e.result.name());
    return e.scalar(v);
  }

  static Map<String, INDArray> gradient(
      Loss loss, Map<String, INDArray> outputs, INDArray target, INDArray weights) {
    LossEvaluation e = new LossEvaluation(loss, loss::compute, outputs, target, weights);
    e.sd.setLossVariables(e.result.name());
    List<String> variables = new ArrayList<>(e.variableOf.values());
    GradientLogFilter.install();
    Map<String, INDArray> grads = gradients(e.sd, variables);
    Map<String, INDArray> byKey = new LinkedHashMap<>();
    for (Map.Entry<String, String> v : e.variableOf.entrySet()) {
      INDArray g = grads.get(v.getValue());
      INDArray arr = e.sd.getVariable(v.getValue()).getArr();
      byKey.put(v.getKey(), g == null ? org.nd4j.linalg.factory.Nd4j.zerosLike(arr) : g);
    }
    return byKey;
  }

  /**
   * The gradients, or none when the value does not depend differentiably on any output (a step
   * function, say): SameDiff then refuses to build a gradient function, and every gradient is 0.
   */
  private static Map<String, INDArray> gradients(SameDiff sd, List<String> variables) {
    try {
      return sd.calculateGradients(Map.of(), variables);
    } catch (IllegalStateException e) {
      if (String.valueOf(e.getMessage()).contains("does not contain any trainable SDVariables")) {
        return Map.of();
      }
      throw e;
    }
  }

  private double scalar(INDArray v) {
    if (v.length() != 1) {
      throw new IllegalStateException(
          "Loss '"
              + loss.name()
              + "' computed a value of shape "
              + Arrays.toString(v.shape())
              + "; compute must return a scalar.");
    }
    return v.getDouble(0);
  }
}
