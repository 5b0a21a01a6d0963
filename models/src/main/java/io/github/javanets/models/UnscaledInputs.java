package io.github.javanets.models;

import java.util.Locale;
import java.util.Optional;

/**
 * When training inputs look unscaled: the rule behind the warning of {@link
 * TrainingResult#warnings()} for a model that scales no inputs, and its text.
 */
final class UnscaledInputs {
  /** A column whose |mean| or standard deviation exceeds this looks unscaled. */
  static final double BOUND = 10;

  /** Standard deviations whose largest and smallest differ by more than this look unscaled. */
  static final double RATIO = 1000;

  private UnscaledInputs() {}

  /**
   * The warning for inputs whose moments are {@code m}, or empty: they look unscaled when a
   * column's |mean| or standard deviation exceeds {@value #BOUND}, or the largest standard
   * deviation of a column exceeds {@value #RATIO} times the smallest non-zero one.
   */
  static Optional<String> warning(ColumnMoments m) {
    int worst = -1;
    double largest = BOUND;
    double smallStd = Double.POSITIVE_INFINITY;
    double bigStd = 0;
    int small = -1;
    int big = -1;
    for (int c = 0; c < m.columns(); c++) {
      if (m.count(c) == 0) {
        continue;
      }
      double size = Math.max(Math.abs(m.mean(c)), m.std(c));
      if (size > largest) {
        largest = size;
        worst = c;
      }
      double std = m.std(c);
      if (std > 0 && std < smallStd) {
        smallStd = std;
        small = c;
      }
      if (std > bigStd) {
        bigStd = std;
        big = c;
      }
    }
    if (worst >= 0) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "The inputs look unscaled: input column %d (from 0) has mean %.4g and standard"
                  + " deviation %.4g, beyond +-%s; scale them with Scaling.STANDARD on the model's"
                  + " builder (scaleInputs), or --scale-inputs standard in the CLI.",
              worst,
              m.mean(worst),
              m.std(worst),
              fmt(BOUND)));
    }
    if (small >= 0 && bigStd > RATIO * smallStd) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "The inputs look unscaled: the standard deviation of input column %d (from 0), %.4g,"
                  + " is over %s times that of input column %d, %.4g; scale them with"
                  + " Scaling.STANDARD on the model's builder (scaleInputs), or --scale-inputs"
                  + " standard in the CLI.",
              big,
              bigStd,
              fmt(RATIO),
              small,
              smallStd));
    }
    return Optional.empty();
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
