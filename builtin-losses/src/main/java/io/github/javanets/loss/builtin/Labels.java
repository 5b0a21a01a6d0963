package io.github.javanets.loss.builtin;

import io.github.javanets.loss.LossContext;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;

/** Shared pieces of the losses on class labels. */
final class Labels {
  private Labels() {}

  /** The index of the class axis (the last) of the main output. */
  static int classAxis(LossContext ctx) {
    return shape(ctx).length - 1;
  }

  /** The labels of {@code ctx} one-hot along a new last axis, in the output's data type. */
  static SDVariable oneHot(LossContext ctx) {
    long[] shape = shape(ctx);
    long classes = shape[shape.length - 1];
    if (classes <= 0) {
      throw new IllegalArgumentException(
          "Output '" + ctx.outputName() + "' has an unknown number of classes (last axis).");
    }
    SDVariable labels = ctx.target().castTo(DataType.INT64);
    return ctx.sameDiff().oneHot(labels, (int) classes, -1, 1.0, 0.0, ctx.output().dataType());
  }

  private static long[] shape(LossContext ctx) {
    long[] shape = ctx.outputShape();
    if (shape.length < 2) {
      throw new IllegalArgumentException(
          "Output '"
              + ctx.outputName()
              + "' needs class scores along its last axis (rank 2 or more).");
    }
    return shape;
  }
}
