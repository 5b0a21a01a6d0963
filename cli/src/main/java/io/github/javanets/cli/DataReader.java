package io.github.javanets.cli;

import java.util.Arrays;
import java.util.List;

/**
 * Reads the numbers a model needs from a CSV table, by column name, with errors that name the file,
 * the line and the column: inputs, targets or class labels, and weights.
 */
final class DataReader {
  /**
   * A target column, named in a message of a command that reads the saved model's columns and has
   * no {@code --target-column} option.
   */
  static final String MODEL_TARGET = "a target column of the model";

  /** A target column, named in a message of {@code train}, which chose it. */
  static final String TRAIN_TARGET = "--target-column";

  private DataReader() {}

  /**
   * Reads {@code table} for a model described by {@code info}.
   *
   * @param table the data; not null
   * @param info the model's columns and classes; not null
   * @param labelled whether the target columns must be read (train, evaluate) or not (predict)
   * @param targetRole what a missing target column is, for the message: {@code "--target-column"}
   *     in {@code train}, which has that option, and {@link #MODEL_TARGET} in {@code evaluate},
   *     which reads the columns the model was trained with
   * @param weights where the weights come from; not null
   * @return the numbers; never null
   * @throws IllegalArgumentException for a missing column, a cell that is not a number, an unknown
   *     class label, or a negative weight
   */
  static TableData read(
      CsvTable table, ModelInfo info, boolean labelled, String targetRole, Weights weights) {
    ColumnRoles roles = info.columns();
    boolean classifier = ModelKinds.isClassifier(info.kind());
    double[][] inputs =
        numbers(table, columns(table, roles.inputs(), "an input column of the model"));
    double[][] targets = null;
    long[] labels = null;
    if (labelled && ModelKinds.isRegressor(info.kind())) {
      targets = numbers(table, columns(table, roles.targets(), targetRole));
    } else if (labelled && classifier) {
      labels = labels(table, table.column(roles.targets().get(0), targetRole), info);
    }
    double[][] w = null;
    if (weights.present()) {
      int width = classifier ? 1 : info.outputs();
      w = weights(table, weights, width);
    }
    return new TableData(inputs, targets, labels, w);
  }

  private static int[] columns(CsvTable table, List<String> names, String role) {
    return names.stream().mapToInt(name -> table.column(name, role)).toArray();
  }

  private static double[][] numbers(CsvTable table, int[] columns) {
    double[][] values = new double[table.rows()][columns.length];
    for (int r = 0; r < values.length; r++) {
      for (int c = 0; c < columns.length; c++) {
        values[r][c] = table.number(r, columns[c]);
      }
    }
    return values;
  }

  private static long[] labels(CsvTable table, int column, ModelInfo info) {
    ClassLabels classes = ClassLabels.of(info.classes());
    long[] labels = new long[table.rows()];
    for (int r = 0; r < labels.length; r++) {
      String label = table.nonEmpty(r, column, "its class label");
      int id = classes.id(label);
      if (id < 0) {
        throw table.cellError(
            r,
            column,
            "label '"
                + Shorten.value(label)
                + "' is not one of the model's classes ("
                + Shorten.list(info.classes())
                + ")",
            null);
      }
      labels[r] = id;
    }
    return labels;
  }

  private static double[][] weights(CsvTable table, Weights weights, int width) {
    double[][] w = new double[table.rows()][width];
    if (weights.isAllOnes()) {
      for (double[] row : w) {
        Arrays.fill(row, 1.0);
      }
      return w;
    }
    CsvTable source = weights.file() != null ? weights.file() : table;
    int[] columns;
    if (weights.column() != null) {
      columns = new int[] {table.column(weights.column(), "--weights-column")};
    } else {
      columns = fileColumns(source, table, width);
    }
    for (int r = 0; r < w.length; r++) {
      for (int c = 0; c < width; c++) {
        int column = columns[columns.length == 1 ? 0 : c];
        w[r][c] = source.weight(r, column);
      }
    }
    return w;
  }

  private static int[] fileColumns(CsvTable file, CsvTable data, int width) {
    if (file.rows() != data.rows()) {
      throw new IllegalArgumentException(
          "--weights-file '"
              + file.name()
              + "' has "
              + file.rows()
              + " rows but '"
              + data.name()
              + "' has "
              + data.rows()
              + "; it needs one row of weights per data row.");
    }
    int n = file.header().size();
    if (n != 1 && n != width) {
      throw new IllegalArgumentException(
          "--weights-file '"
              + file.name()
              + "' has "
              + n
              + " columns; it needs 1 (a weight per row) or "
              + width
              + " (a weight per target).");
    }
    int[] columns = new int[n];
    for (int i = 0; i < n; i++) {
      columns[i] = i;
    }
    return columns;
  }
}
