package io.github.javanets.models;

import io.github.javanets.loss.internal.ArrayChecks;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** R^2 and accuracy, in double precision. */
final class Scores {
  private Scores() {}

  static double r2(INDArray predicted, INDArray target, INDArray givenWeights) {
    INDArray y = ArrayChecks.contiguous("y", target);
    INDArray w = givenWeights == null ? null : ArrayChecks.contiguous("w", givenWeights);
    checkShape("target", y, predicted.shape());
    notEmpty("target", y);
    if (w != null) {
      checkShape("weights", w, y.shape());
      notAllZero(w);
    }
    INDArray p = rows(predicted.castTo(DataType.DOUBLE));
    INDArray t = rows(y.castTo(DataType.DOUBLE));
    INDArray weights = w == null ? t.like().assign(1.0) : rows(w.castTo(DataType.DOUBLE));
    INDArray columnWeight = weights.sum(0);
    INDArray mean =
        t.mul(weights).sum(0).div(columnWeight.add(columnWeight.eq(0).castTo(DataType.DOUBLE)));
    double residual = p.sub(t).muli(p.sub(t)).muli(weights).sumNumber().doubleValue();
    INDArray centered = t.subRowVector(mean);
    double total = centered.mul(centered).muli(weights).sumNumber().doubleValue();
    return total == 0 ? (residual == 0 ? 1.0 : 0.0) : 1 - residual / total;
  }

  /** {@code a} as rows {@code (n, k)}: every leading axis flattened into the rows. */
  private static INDArray rows(INDArray a) {
    return a.rank() <= 2 ? a : a.reshape('c', -1, a.size(a.rank() - 1));
  }

  static double accuracy(INDArray predicted, INDArray givenLabels, INDArray givenWeights) {
    INDArray labels = ArrayChecks.contiguous("labels", givenLabels);
    INDArray w = givenWeights == null ? null : ArrayChecks.contiguous("w", givenWeights);
    checkShape("labels", labels, predicted.shape());
    notEmpty("labels", labels);
    INDArray correct =
        predicted
            .castTo(DataType.DOUBLE)
            .eq(labels.castTo(DataType.DOUBLE))
            .castTo(DataType.DOUBLE);
    if (w == null) {
      return correct.meanNumber().doubleValue();
    }
    checkShape("weights", w, labels.shape());
    notAllZero(w);
    INDArray weights = w.castTo(DataType.DOUBLE);
    double total = weights.sumNumber().doubleValue();
    return correct.muli(weights).sumNumber().doubleValue() / total;
  }

  /** Weights that are all 0 leave nothing to score: an error, not a made-up 0 or 1. */
  private static void notAllZero(INDArray w) {
    if (w.neq(0).castTo(DataType.INT32).sumNumber().longValue() == 0) {
      throw Errors.scoreWeightsAllZero(w.shape());
    }
  }

  static void notEmpty(String what, INDArray a) {
    if (a.length() == 0) {
      throw Errors.scoreEmpty(what, a.shape());
    }
  }

  static void checkShape(String what, INDArray a, long[] expected) {
    if (!Arrays.equals(a.shape(), expected)) {
      throw Errors.scoreShapeMismatch(what, a.shape(), expected);
    }
  }
}
