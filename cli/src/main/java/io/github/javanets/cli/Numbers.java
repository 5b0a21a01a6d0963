package io.github.javanets.cli;

import java.util.Locale;

/** How the command line prints numbers: monitors with four decimals, predictions in full. */
final class Numbers {
  private Numbers() {}

  /** A monitor value: {@code 0.1234}, or {@code 1.234e-05} when it is tiny or huge. */
  static String format(double v) {
    double a = Math.abs(v);
    if (v == 0 || (a >= 1e-3 && a < 1e6) || !Double.isFinite(v)) {
      return String.format(Locale.ROOT, "%.4f", v);
    }
    return String.format(Locale.ROOT, "%.3e", v);
  }

  /** A predicted value, as short as it can be and still read back as the same float. */
  static String prediction(double v) {
    return Float.toString((float) v);
  }
}
