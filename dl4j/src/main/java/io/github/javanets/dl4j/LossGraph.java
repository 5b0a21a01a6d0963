package io.github.javanets.dl4j;

import io.github.javanets.graph.GraphRunner;
import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossContext;
import io.github.javanets.loss.LossContextBuilder;
import io.github.javanets.loss.LossGraphs;
import io.github.javanets.loss.TargetKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One loss's expression in a SameDiff graph of its own, built once for one data type and output
 * width and run on any number of rows.
 *
 * <p>The graph has three placeholders: {@code output} ({@code [-1, width]}), {@code target} (real
 * values {@code [-1, width]}, or class ids {@code [-1]} for a loss on labels; absent for a loss
 * without target) and {@code weights} (the target's shape, or the output's for a loss without
 * target). The loss is always given weights: with every weight equal it is its unweighted self
 * (rule 3 of docs/losses.md). Gradients are taken with respect to {@code output} and {@code
 * weights}.
 *
 * <p>The graph runs through a {@link GraphRunner} (op contexts built once, no SameDiff session per
 * call) when it allows, else through SameDiff's session. Runs are serialised on the graph and
 * happen outside any DL4J workspace; the arrays returned are detached copies that belong to the
 * caller.
 */
final class LossGraph {
  static final String OUTPUT = "output";
  static final String TARGET = "target";
  static final String WEIGHTS = "weights";

  private final String lossName;
  private final Class<?> lossClass;
  private final SameDiff sd;
  private final String value;
  private final boolean hasTarget;
  private final boolean differentiable;
  // Runners of the value, and of the value with the gradients with respect to the output (and the
  // weights); null where the graph needs SameDiff's session or the runner is switched off.
  private final GraphRunner valueRunner;
  private final GraphRunner outputGradientRunner;
  private final GraphRunner allGradientsRunner;

  private LossGraph(
      Loss loss, SameDiff sd, String value, boolean hasTarget, boolean differentiable) {
    this.lossName = loss.name();
    this.lossClass = loss.getClass();
    this.sd = sd;
    this.value = value;
    this.hasTarget = hasTarget;
    this.differentiable = differentiable;
    boolean on = GraphRunner.enabled();
    this.valueRunner = on ? GraphRunner.compile(sd, List.of(value)) : null;
    this.outputGradientRunner = on && differentiable ? gradientRunner(List.of(OUTPUT)) : null;
    this.allGradientsRunner =
        on && differentiable ? gradientRunner(List.of(OUTPUT, WEIGHTS)) : null;
  }

  /**
   * Builds the graph of {@code loss} for outputs of {@code type} with {@code width} columns.
   *
   * @param loss a loss that reads one output; not null
   * @param outputName the name the loss reads its output by; not null
   */
  static LossGraph build(Loss loss, String outputName, DataType type, long width) {
    // Out of any workspace: the graph's constants must outlive the DL4J call that builds it.
    return LossGraphs.outsideWorkspaces(() -> buildDetached(loss, outputName, type, width));
  }

  private static LossGraph buildDetached(Loss loss, String outputName, DataType type, long width) {
    SameDiff sd = SameDiff.create();
    SDVariable out = sd.placeHolder(OUTPUT, type, -1, width);
    LossContextBuilder ctx =
        LossContext.builder(sd).output(outputName, out, -1, width).mainOutput(outputName);
    TargetKind kind = loss.targetKind();
    boolean labels = kind == TargetKind.LABELS;
    boolean hasTarget = kind != TargetKind.NONE;
    if (hasTarget) {
      ctx.target(
          labels
              ? sd.placeHolder(TARGET, DataType.INT64, -1)
              : sd.placeHolder(TARGET, type, -1, width));
    }
    ctx.weights(
        labels ? sd.placeHolder(WEIGHTS, type, -1) : sd.placeHolder(WEIGHTS, type, -1, width));
    SDVariable result = LossGraphs.computed(loss, loss.compute(ctx.build()));
    sd.setLossVariables(result.name());
    return new LossGraph(
        loss, sd, result.name(), hasTarget, LossGraphs.createGradFunction(sd, OUTPUT, WEIGHTS));
  }

  /**
   * The loss's value on a batch.
   *
   * @param output the activated outputs, {@code [n, width]}; not null
   * @param target the target, or null for a loss without one
   * @param weights the weights; not null
   */
  synchronized double value(INDArray output, INDArray target, INDArray weights) {
    return LossGraphs.outsideWorkspaces(
        () ->
            LossGraphs.scalar(lossName, lossClass, valueOf(placeholders(output, target, weights))));
  }

  /** The value through a {@link GraphRunner} when the graph allows, else SameDiff's session. */
  private INDArray valueOf(Map<String, INDArray> ph) {
    return valueRunner != null ? valueRunner.run(ph).get(value) : sd.outputSingle(ph, value);
  }

  /**
   * The loss's value and its gradients on a batch.
   *
   * @param withWeights whether the gradient with respect to the weights is wanted too
   * @return the value, the gradient with respect to the output (zeros where the value does not
   *     depend on it) and, when asked for, the one with respect to the weights (null where the
   *     value does not depend on them)
   */
  synchronized Result gradient(
      INDArray output, INDArray target, INDArray weights, boolean withWeights) {
    return LossGraphs.outsideWorkspaces(() -> run(output, target, weights, withWeights));
  }

  private Result run(INDArray output, INDArray target, INDArray weights, boolean withWeights) {
    Map<String, INDArray> ph = placeholders(output, target, weights);
    if (!differentiable) {
      return new Result(
          LossGraphs.scalar(lossName, lossClass, valueOf(ph)), Nd4j.zerosLike(output), null);
    }
    List<String> wrt = new ArrayList<>(List.of(OUTPUT));
    if (withWeights) {
      wrt.add(WEIGHTS);
    }
    GraphRunner runner = withWeights ? allGradientsRunner : outputGradientRunner;
    INDArray v;
    INDArray dOutput;
    INDArray dWeights;
    if (runner != null) {
      // The runner's arrays are reused by its next call: DL4J gets copies.
      Map<String, INDArray> r = runner.run(ph);
      v = r.get(value);
      dOutput = copy(r.get(gradientName(OUTPUT)));
      dWeights = withWeights ? copy(r.get(gradientName(WEIGHTS))) : null;
    } else {
      OutAndGrad r = sd.calculateGradientsAndOutputs(ph, List.of(value), wrt);
      v = r.getOutputs().get(value);
      dOutput = r.getGradients().get(OUTPUT);
      dWeights = withWeights ? r.getGradients().get(WEIGHTS) : null;
    }
    return new Result(
        LossGraphs.scalar(lossName, lossClass, v),
        dOutput == null ? Nd4j.zerosLike(output) : dOutput,
        dWeights);
  }

  /**
   * A runner of the gradient function for the value and the gradients with respect to {@code wrt};
   * null when the graph needs SameDiff's session.
   */
  private GraphRunner gradientRunner(List<String> wrt) {
    List<String> outputs = new ArrayList<>(List.of(value));
    for (String w : wrt) {
      String g = gradientName(w);
      if (g != null) {
        outputs.add(g);
      }
    }
    return GraphRunner.compile(sd.getFunction("grad"), outputs);
  }

  /** Whether the value and both gradient passes run through a {@link GraphRunner} (for tests). */
  boolean compiled() {
    return valueRunner != null && outputGradientRunner != null && allGradientsRunner != null;
  }

  /** The name of the gradient variable of placeholder {@code name}, or null when it has none. */
  private String gradientName(String name) {
    SDVariable g = sd.getVariable(name).getGradient();
    return g == null ? null : g.name();
  }

  private static INDArray copy(INDArray a) {
    return a == null ? null : a.dup();
  }

  private Map<String, INDArray> placeholders(INDArray output, INDArray target, INDArray weights) {
    Map<String, INDArray> ph = new HashMap<>();
    ph.put(OUTPUT, output);
    ph.put(WEIGHTS, weights);
    if (hasTarget) {
      ph.put(TARGET, target);
    }
    return ph;
  }

  /**
   * A value with its gradients.
   *
   * @param value the loss's value
   * @param dOutput its gradient with respect to the output; never null
   * @param dWeights its gradient with respect to the weights, or null
   */
  record Result(double value, INDArray dOutput, INDArray dWeights) {}
}
