package io.github.javanets.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV files of a training run, read: {@code --data} (or the embedded Iris data set), {@code
 * --valid} and {@code --weights-file}, and the examples they hold for a model.
 *
 * @param data the training data; not null
 * @param valid the validation data, or null
 * @param weights the file of weights, or null
 */
record TrainingFiles(CsvTable data, CsvTable valid, CsvTable weights) {
  /** The embedded default data set. */
  static final String IRIS = "iris.csv";

  /**
   * Reads the files that {@code options} name.
   *
   * @throws IllegalArgumentException for a missing file or a bad CSV file
   * @throws IOException if a file cannot be read
   */
  static TrainingFiles read(DataOptions options) throws IOException {
    CsvTable data =
        options.data() == null ? CsvTable.resource(IRIS) : CsvTable.read(options.data(), "--data");
    CsvTable valid = options.valid() == null ? null : CsvTable.read(options.valid(), "--valid");
    CsvTable weights =
        options.weightsFile() == null
            ? null
            : CsvTable.read(options.weightsFile(), "--weights-file");
    return new TrainingFiles(data, valid, weights);
  }

  /**
   * The class names of a classifier's label column, in the training and validation data.
   *
   * @throws IllegalArgumentException for an empty label, or fewer than 2 classes
   */
  List<String> classes(String column) {
    List<String> labels = new ArrayList<>();
    for (CsvTable t : valid == null ? List.of(data) : List.of(data, valid)) {
      int c = t.column(column, "--target-column");
      for (int r = 0; r < t.rows(); r++) {
        labels.add(t.nonEmpty(r, c, "its class label"));
      }
    }
    List<String> classes = ClassLabels.of(labels).names();
    if (classes.size() < 2) {
      throw new IllegalArgumentException(
          "Column '"
              + column
              + "' holds a single class ("
              + Shorten.value(classes.get(0))
              + "); a classifier needs at least 2.");
    }
    return classes;
  }

  /**
   * The training examples: rows, or sequences of a recurrent model. Their weights come from the
   * weights file or column; a recurrent model without either weighs every row 1.
   *
   * @throws IllegalArgumentException for a missing column or a bad cell
   */
  Examples trainExamples(ModelInfo info) {
    return examples(data, info, trainWeights(info));
  }

  /**
   * The validation examples, or null without {@code --valid}. A weights file holds the training
   * rows' weights: the validation rows then weigh 1.
   *
   * @throws IllegalArgumentException for a missing column or a bad cell
   */
  Examples validExamples(ModelInfo info) {
    if (valid == null) {
      return null;
    }
    return examples(valid, info, weights != null ? Weights.allOnes() : trainWeights(info));
  }

  private Weights trainWeights(ModelInfo info) {
    String column = info.columns().weights();
    if (weights != null) {
      return Weights.file(weights);
    } else if (column != null) {
      return Weights.column(column);
    }
    return info.kind().recurrent() ? Weights.allOnes() : Weights.none();
  }

  private static Examples examples(CsvTable table, ModelInfo info, Weights weights) {
    TableData rows = DataReader.read(table, info, true, weights);
    return Examples.of(rows, table, info, "--sequence-column");
  }
}
