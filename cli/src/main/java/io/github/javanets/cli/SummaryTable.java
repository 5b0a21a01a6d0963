package io.github.javanets.cli;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The final table of a training run: each monitor on the training and the validation data. */
final class SummaryTable {
  private SummaryTable() {}

  /**
   * Prints one row per monitor ({@code loss}, {@code err}, each loss, {@code acc}, ...).
   *
   * @param train the monitors on the training data; not null
   * @param valid the monitors on the validation data; not null
   * @param validLabel the heading of the validation column
   */
  static void print(
      PrintWriter out, Map<String, Double> train, Map<String, Double> valid, String validLabel) {
    Set<String> names = new LinkedHashSet<>(train.keySet());
    names.addAll(valid.keySet());
    TextTable table = TextTable.withHeader("monitor", "train", validLabel);
    for (String name : names) {
      table.row(name, value(train.get(name)), value(valid.get(name)));
    }
    table.print(out, "  ");
  }

  private static String value(Double v) {
    return v == null ? "-" : Numbers.format(v);
  }
}
