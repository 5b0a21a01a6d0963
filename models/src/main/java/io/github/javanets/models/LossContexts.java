package io.github.javanets.models;

import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossContext;
import io.github.javanets.loss.TargetKind;
import io.github.javanets.loss.internal.LossContextBuilder.ReductionObserver;
import java.util.Arrays;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * What a loss reads in a model's graph, as its {@link LossContext}: every named output (with the
 * logits of each softmax layer), the output the loss names as its main one, and the placeholders of
 * the dataset arrays it reads as target and weights. Labels are {@code INT64} and shaped as the
 * output without its class axis; values and weights are shaped as the output. An autoencoder's
 * target is its input, and its weights the dataset's {@code weights}.
 */
final class LossContexts {
  private final GraphVariables graph;
  private final Network net;
  private final ModelKind kind;
  private final DataPlaceholders data;

  LossContexts(GraphVariables graph, Network net, ModelKind kind, DataPlaceholders data) {
    this.graph = graph;
    this.net = net;
    this.kind = kind;
    this.data = data;
  }

  /**
   * The context of {@code loss}, making the placeholders of its target and weights if no loss
   * before it asked for them.
   *
   * @throws IllegalArgumentException if the loss reads an output the graph does not have
   */
  LossContext of(Loss loss) {
    return of(loss, null);
  }

  /**
   * The context of {@code loss}, whose reductions {@code observer} is told of.
   *
   * @param observer told of each {@code Loss.reduce} call with the context; null for none
   * @see #of(Loss)
   */
  LossContext of(Loss loss, ReductionObserver observer) {
    var b = LossContext.builder(graph.sd()).observeReductions(observer);
    graph.outputs().forEach((name, v) -> b.output(name, v, graph.outputShape(name)));
    for (int i = 1; i <= net.depth(); i++) {
      Layer l = net.layer(i);
      if (l.activation() == Activation.SOFTMAX) {
        b.softmaxLogits(l.name() + ":out", graph.output(l.name() + ":pre"));
      }
    }
    List<String> read = loss.outputNames(net.defaultOutput());
    b.mainOutput(read.get(0));
    long[] shape = graph.outputShape(read.get(0));
    if (shape == null) {
      throw Errors.noSuchOutput(read.get(0));
    }
    if (loss.targetKind() != TargetKind.NONE) {
      b.target(target(loss.targetName(), loss.targetKind(), shape));
    }
    if (loss.weighted()) {
      b.weights(weights(loss.targetName(), loss.targetKind(), shape));
    }
    return b.build();
  }

  private SDVariable target(String array, TargetKind targetKind, long[] outputShape) {
    if (kind.autoencoder() && array.equals(Dataset.TARGET)) {
      return data.get(Dataset.INPUTS);
    }
    DataType type = targetKind == TargetKind.LABELS ? DataType.INT64 : graph.type();
    return data.of(array, type, targetShape(targetKind, outputShape));
  }

  private SDVariable weights(String array, TargetKind targetKind, long[] outputShape) {
    String name =
        kind.autoencoder() && array.equals(Dataset.TARGET)
            ? Dataset.WEIGHTS
            : Dataset.weightsOf(array);
    return data.of(name, graph.type(), targetShape(targetKind, outputShape));
  }

  /** Labels: the output's shape without the class axis; values: the output's shape. */
  private static long[] targetShape(TargetKind targetKind, long[] outputShape) {
    return targetKind == TargetKind.LABELS
        ? Arrays.copyOf(outputShape, outputShape.length - 1)
        : outputShape.clone();
  }
}
