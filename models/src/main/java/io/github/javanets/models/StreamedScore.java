package io.github.javanets.models;

import io.github.javanets.loss.internal.ArrayChecks;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A score summed batch by batch, in double precision: the weighted accuracy {@code sum(w * correct)
 * / sum(w)} (exactly the accuracy over all the rows), or the weighted R^2 {@code 1 - sum(w (y -
 * p)^2) / sum(w (y - m)^2)} from each column's sums {@code sum(w)}, {@code sum(w y)}, {@code sum(w
 * y^2)} (the total is {@code sum(w y^2) - sum(w y)^2 / sum(w)}: the in-memory value to rounding).
 * Each batch is checked as {@link Scores} checks a whole set.
 */
abstract class StreamedScore {
  /** Adds a batch's predictions, targets and weights (null: all ones). */
  abstract void add(INDArray predicted, INDArray target, INDArray weights);

  /**
   * The score over every batch added.
   *
   * @throws IllegalArgumentException if nothing was added, or every weight was 0
   */
  abstract double value();

  /** The weighted accuracy. */
  static StreamedScore accuracy() {
    return new Accuracy();
  }

  /** The weighted R^2. */
  static StreamedScore r2() {
    return new R2();
  }

  /** Targets (and weights) checked against the predictions, as doubles of rows {@code (n, k)}. */
  private static INDArray[] checked(INDArray predicted, INDArray target, INDArray weights) {
    INDArray y = ArrayChecks.contiguous("y", target);
    Scores.checkShape("target", y, predicted.shape());
    Scores.notEmpty("target", y);
    INDArray w = null;
    if (weights != null) {
      w = ArrayChecks.contiguous("w", weights);
      Scores.checkShape("weights", w, y.shape());
    }
    INDArray p = rows(predicted.castTo(DataType.DOUBLE));
    INDArray t = rows(y.castTo(DataType.DOUBLE));
    return new INDArray[] {
      p, t, w == null ? t.like().assign(1.0) : rows(w.castTo(DataType.DOUBLE))
    };
  }

  private static INDArray rows(INDArray a) {
    if (a.rank() == 1) {
      return a.reshape(a.length(), 1);
    }
    return a.rank() == 2 ? a : a.reshape('c', -1, a.size(a.rank() - 1));
  }

  private static final class Accuracy extends StreamedScore {
    private double correct;
    private double weight;
    private long[] shape;

    @Override
    void add(INDArray predicted, INDArray labels, INDArray weights) {
      INDArray[] a = checked(predicted, labels, weights);
      correct += a[0].eq(a[1]).castTo(DataType.DOUBLE).muli(a[2]).sumNumber().doubleValue();
      weight += a[2].sumNumber().doubleValue();
      shape = labels.shape();
    }

    @Override
    double value() {
      if (weight == 0) {
        throw Errors.scoreWeightsAllZero(shape == null ? new long[] {0} : shape);
      }
      return correct / weight;
    }
  }

  private static final class R2 extends StreamedScore {
    private INDArray weight;
    private INDArray sum;
    private INDArray squares;
    private double residual;
    private long[] shape;

    @Override
    void add(INDArray predicted, INDArray target, INDArray weights) {
      INDArray[] a = checked(predicted, target, weights);
      INDArray p = a[0];
      INDArray t = a[1];
      INDArray w = a[2];
      INDArray diff = p.sub(t);
      residual += diff.muli(diff).muli(w).sumNumber().doubleValue();
      INDArray wt = t.mul(w);
      weight = weight == null ? w.sum(0) : weight.addi(w.sum(0));
      sum = sum == null ? wt.sum(0) : sum.addi(wt.sum(0));
      squares = squares == null ? wt.mul(t).sum(0) : squares.addi(wt.muli(t).sum(0));
      shape = target.shape();
    }

    @Override
    double value() {
      if (weight == null || weight.sumNumber().doubleValue() == 0) {
        throw Errors.scoreWeightsAllZero(shape == null ? new long[] {0} : shape);
      }
      double total = 0;
      for (long c = 0; c < weight.length(); c++) {
        double w = weight.getDouble(c);
        if (w > 0) {
          double s = sum.getDouble(c);
          total += squares.getDouble(c) - s * s / w;
        }
      }
      return total == 0 ? (residual == 0 ? 1.0 : 0.0) : 1 - residual / total;
    }
  }
}
