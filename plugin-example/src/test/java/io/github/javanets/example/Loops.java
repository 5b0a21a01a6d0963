package io.github.javanets.example;

import io.github.javanets.testkit.Float64Array;

/** Plain float64 loops for the plugin losses' references. */
final class Loops {
  private Loops() {}

  /** The mean of {@code err}, or {@code sum(w err) / sum(w)} (0 when {@code sum(w) == 0}). */
  static double reduce(double[] err, Float64Array weights) {
    double sum = 0;
    double total = 0;
    for (int i = 0; i < err.length; i++) {
      double w = weights == null ? 1 : weights.flat(i);
      sum += w * err[i];
      total += w;
    }
    return total == 0 ? 0 : sum / total;
  }
}
