package io.github.javanets.dl4j;

import io.github.javanets.loss.Loss;
import io.github.javanets.loss.TargetKind;
import io.github.javanets.runtime.GraphExecutor;
import io.github.javanets.runtime.LossGraphs;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One loss's expression in a SameDiff graph of its own (a {@link
 * io.github.javanets.runtime.LossGraph} of javanets-runtime), built once for one data type and
 * output width and run on any number of rows, with what DL4J needs: the value, and its gradients
 * with respect to the output and the weights.
 *
 * <p>The graph has three placeholders: the output ({@code [-1, width]}), the target (real values
 * {@code [-1, width]}, or class ids {@code [-1]} for a loss on labels; absent for a loss without
 * target) and the weights (the target's shape, or the output's for a loss without target). The loss
 * is always given weights: with every weight equal it is its unweighted self (rule 3 of
 * docs/losses.md). Gradients are taken with respect to the output and the weights.
 *
 * <p>The graph runs through {@link GraphExecutor}s (a graph runner, op contexts built once and no
 * SameDiff session per call, when the graph allows; else SameDiff's session). Runs are serialised
 * on the graph and happen outside any DL4J workspace; the arrays returned are detached copies that
 * belong to the caller.
 */
final class LossGraph {
  private final io.github.javanets.runtime.LossGraph graph;
  private final String value;
  // The name the loss reads its output by, and the output's placeholder.
  private final String outputName;
  private final String output;
  private final boolean differentiable;
  // The value with the gradients with respect to the output, and to the output and the weights.
  private final GraphExecutor outputGradient;
  private final GraphExecutor allGradients;

  private LossGraph(io.github.javanets.runtime.LossGraph graph, String outputName) {
    this.graph = graph;
    this.value = graph.valueName();
    this.outputName = outputName;
    this.output = graph.outputPlaceholders().get(outputName);
    List<String> wrt = List.of(output, io.github.javanets.runtime.LossGraph.WEIGHTS);
    this.differentiable = graph.differentiate(wrt);
    this.outputGradient = differentiable ? graph.gradients(List.of(value), List.of(output)) : null;
    this.allGradients = differentiable ? graph.gradients(List.of(value), wrt) : null;
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
    TargetKind kind = loss.targetKind();
    boolean labels = kind == TargetKind.LABELS;
    io.github.javanets.runtime.LossGraph.Builder b =
        io.github.javanets.runtime.LossGraph.builder(loss)
            .output(outputName, type, -1, width)
            .mainOutput(outputName);
    if (kind != TargetKind.NONE) {
      if (labels) {
        b.target(DataType.INT64, -1);
      } else {
        b.target(type, -1, width);
      }
    }
    if (labels) {
      b.weights(type, -1);
    } else {
      b.weights(type, -1, width);
    }
    return new LossGraph(b.build(), outputName);
  }

  /**
   * The loss's value on a batch.
   *
   * @param output the activated outputs, {@code [n, width]}; not null
   * @param target the target, or null for a loss without one
   * @param weights the weights; not null
   */
  synchronized double value(INDArray output, INDArray target, INDArray weights) {
    return LossGraphs.outsideWorkspaces(() -> graph.value(feed(output, target, weights)));
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
    Map<String, INDArray> feed = feed(output, target, weights);
    if (!differentiable) {
      return new Result(graph.value(feed), Nd4j.zerosLike(output), null);
    }
    // Detached: the runner's arrays are reused by its next call, and DL4J keeps what it gets.
    OutAndGrad r = (withWeights ? allGradients : outputGradient).runDetached(feed);
    INDArray dOutput = r.getGradients().get(this.output);
    INDArray dWeights =
        withWeights ? r.getGradients().get(io.github.javanets.runtime.LossGraph.WEIGHTS) : null;
    return new Result(
        graph.scalar(r.getOutputs().get(value)),
        dOutput == null ? Nd4j.zerosLike(output) : dOutput,
        dWeights);
  }

  /** Whether the value and both gradient passes run through a graph runner now (for tests). */
  boolean compiled() {
    return graph.valueUsesRunner()
        && outputGradient != null
        && outputGradient.usesRunner()
        && allGradients.usesRunner();
  }

  private Map<String, INDArray> feed(INDArray output, INDArray target, INDArray weights) {
    return graph.feed(Map.of(outputName, output), target, weights);
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
