package io.github.javanets.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --loss} option: {@code NAME} or {@code NAME:param=value,...} ({@code
 * hinge:weight=0.5,margin=1}), turned into the registry's spec text ({@code hinge(weight=0.5,
 * margin=1)}). A spec already in that form is kept as it is.
 */
final class LossSpecs {
  private LossSpecs() {}

  /**
   * The registry spec of one {@code --loss} value.
   *
   * @throws IllegalArgumentException if a parameter is not {@code param=value}
   */
  static String toSpec(String option) {
    String text = option.trim();
    int colon = text.indexOf(':');
    if (text.contains("(") || colon < 0) {
      return text;
    }
    String name = text.substring(0, colon).trim();
    List<String> params = new ArrayList<>();
    for (String param : text.substring(colon + 1).split(",", -1)) {
      int eq = param.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "--loss '"
                + option
                + "': '"
                + param.trim()
                + "' is not param=value; write NAME or NAME:param=value,..., as in"
                + " hinge:weight=0.5,margin=1.");
      }
      params.add(param.substring(0, eq).trim() + "=" + param.substring(eq + 1).trim());
    }
    return name + "(" + String.join(", ", params) + ")";
  }
}
