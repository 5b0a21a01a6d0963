package io.github.javanets.loss.builtin;

import io.github.javanets.testkit.Float64Array;
import io.github.javanets.testkit.Float64Inputs;
import java.util.function.DoubleBinaryOperator;

/**
 * Shared pieces of the float64 references: the reductions of rules 2-3 of docs/losses.md, in loops.
 */
final class References {
  private References() {}

  /**
   * Rules 2-3 over a per-element error of the main output and the target: the mean of {@code err(o,
   * t)}, or {@code sum(w err) / sum(w)} (0 when {@code sum(w) == 0}).
   */
  static double elementwise(Float64Inputs in, DoubleBinaryOperator err) {
    Float64Array o = in.output();
    Float64Array t = in.target();
    double[] e = new double[o.length()];
    for (int i = 0; i < e.length; i++) {
      e[i] = err.applyAsDouble(o.flat(i), t.flat(i));
    }
    return reduce(e, in.weights());
  }

  /**
   * The error of one labelled row: scores {@code o.flat(offset)} to {@code o.flat(offset + k - 1)}.
   */
  interface RowError {
    double of(Float64Array o, int offset, int k, int label);
  }

  /**
   * Rules 2-3 over a per-row error of class scores (the main output, classes along the last axis)
   * and integer labels (the target, one per row): the mean over rows, or {@code sum(w_i err_i) /
   * sum(w_i)} with one weight per label.
   */
  static double labelled(Float64Inputs in, RowError err) {
    Float64Array o = in.output();
    Float64Array labels = in.target();
    int k = o.lastAxisSize();
    double[] e = new double[o.rowCount()];
    for (int r = 0; r < e.length; r++) {
      e[r] = err.of(o, r * k, k, (int) labels.flat(r));
    }
    return reduce(e, in.weights());
  }

  /** The mean of {@code err}, or {@code sum(w err) / sum(w)} (0 when {@code sum(w) == 0}). */
  static double reduce(double[] err, Float64Array weights) {
    double sum = 0;
    if (weights == null) {
      for (double v : err) {
        sum += v;
      }
      return sum / err.length;
    }
    double total = 0;
    for (int i = 0; i < err.length; i++) {
      sum += weights.flat(i) * err[i];
      total += weights.flat(i);
    }
    return total == 0 ? 0 : sum / total;
  }
}
