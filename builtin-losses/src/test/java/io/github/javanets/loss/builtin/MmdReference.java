package io.github.javanets.loss.builtin;

import io.github.javanets.loss.Loss;
import io.github.javanets.testkit.Float64Array;
import io.github.javanets.testkit.Float64Inputs;
import java.util.Arrays;

/**
 * A float64 reference of {@code mmd}, in loops, as docs/losses.md states it: at each time step (one
 * step for 2-D data) {@code mean K(t, t) - 2 mean K(t, o) + mean K(o, o)}, means weighted by {@code
 * a_i a_j} with {@code a = w / sum(w)} per step (w a row's mean element weight) and without the
 * diagonal pairs in the within-set means when unbiased; then the mean over time steps. A weighted
 * mean over pairs of total weight 0 counts as 0.
 */
final class MmdReference {
  private final boolean imq;
  private final double bandwidth;
  private final boolean unbiased;

  MmdReference(Loss loss) {
    this.imq = loss.parameter("kernel").equals("imq");
    this.bandwidth = (Double) loss.parameter("bandwidth");
    this.unbiased = loss.parameter("estimator").equals("unbiased");
  }

  double value(Float64Inputs in) {
    Float64Array o = in.output();
    Float64Array t = in.target();
    boolean sequences = o.rank() == 3;
    int steps = sequences ? o.size(1) : 1;
    double sum = 0;
    int present = 0;
    for (int s = 0; s < steps; s++) {
      double[][] x = rows(o, s, sequences);
      double[][] y = rows(t, s, sequences);
      double[] ax = rowWeights(in.weights(), s, sequences, x.length);
      double[] ay = rowWeights(in.weights(), s, sequences, y.length);
      if (in.weights() != null && Arrays.stream(ax).sum() == 0) {
        continue; // a step whose weights are all 0 does not exist
      }
      present++;
      sum +=
          mean(y, y, ay, ay, unbiased)
              - 2 * mean(y, x, ay, ax, false)
              + mean(x, x, ax, ax, unbiased);
    }
    return present == 0 ? 0 : sum / present;
  }

  /** The rows of {@code a} at step {@code s}: {@code a[i, :]} or {@code a[i, s, :]}. */
  private static double[][] rows(Float64Array a, int s, boolean sequences) {
    int n = a.size(0);
    int d = a.size(-1);
    double[][] r = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        r[i][j] = sequences ? a.get(i, s, j) : a.get(i, j);
      }
    }
    return r;
  }

  /**
   * {@code a = w / sum(w)} of the rows' mean weights at step {@code s}; {@code 1 / n} unweighted.
   */
  private static double[] rowWeights(Float64Array w, int s, boolean sequences, int n) {
    double[] a = new double[n];
    if (w == null) {
      Arrays.fill(a, 1.0 / n);
      return a;
    }
    int d = w.size(-1);
    double total = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        a[i] += (sequences ? w.get(i, s, j) : w.get(i, j)) / d;
      }
      total += a[i];
    }
    for (int i = 0; i < n; i++) {
      a[i] = total == 0 ? 0 : a[i] / total;
    }
    return a;
  }

  /** The mean of {@code K(p_i, q_j)} with pair weights {@code a_i b_j}, without i == j if asked. */
  private double mean(double[][] p, double[][] q, double[] a, double[] b, boolean offDiagonal) {
    double sum = 0;
    double pairs = 0;
    for (int i = 0; i < p.length; i++) {
      for (int j = 0; j < q.length; j++) {
        if (offDiagonal && i == j) {
          continue;
        }
        sum += a[i] * b[j] * kernel(p[i], q[j]);
        pairs += a[i] * b[j];
      }
    }
    return pairs == 0 ? 0 : sum / pairs;
  }

  private double kernel(double[] u, double[] v) {
    double d2 = 0;
    for (int j = 0; j < u.length; j++) {
      d2 += (u[j] - v[j]) * (u[j] - v[j]);
    }
    return imq ? bandwidth / (bandwidth + d2) : Math.exp(-d2 / bandwidth);
  }
}
