package io.github.javanets.cli;

import io.github.javanets.models.Dataset;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The data of a training run: the model's columns and classes ({@link ModelInfo}), and the training
 * and validation examples (a file given with {@code --valid}, a shuffled share of {@code --data},
 * or none: then the training data validates). Examples are rows, or whole sequences of rows for a
 * recurrent model. Made in steps, each by its own type: {@link TrainingFiles} reads the files,
 * {@link ColumnRoles} gives each column its role, {@link ValidationSplit} holds out the share.
 *
 * @param info the model's columns and classes; not null
 * @param train the training examples; not null
 * @param valid the validation examples, or null to validate on the training ones
 * @param dataName the name of the data file, for messages
 * @param description one line saying where the examples come from
 */
record TrainingData(
    ModelInfo info, Examples train, Examples valid, String dataName, String description) {

  /**
   * Reads and checks the data that {@code options} name.
   *
   * @throws IllegalArgumentException for a missing file or column, a bad cell, or too few examples
   * @throws IOException if a file cannot be read
   */
  static TrainingData read(DataOptions options) throws IOException {
    TrainingFiles files = TrainingFiles.read(options);
    CsvTable data = files.data();
    ColumnRoles columns = options.columns().resolve(options.kind(), data);
    List<String> classes =
        ModelKinds.isClassifier(options.kind())
            ? files.classes(columns.targets().get(0))
            : List.of();
    ModelInfo info = new ModelInfo(options.kind(), columns, classes);
    Examples all = files.trainExamples(info);
    Examples valid = files.validExamples(info);
    if (valid != null) {
      String text =
          String.format(
              Locale.ROOT,
              "%s, %s; validation: %s, %s",
              data.name(),
              all.summary(),
              files.valid().name(),
              valid.summary());
      return new TrainingData(info, all, valid, data.name(), text);
    }
    if (options.validFraction() == 0) {
      String text = data.name() + ", " + all.summary() + ", also used for validation";
      return new TrainingData(info, all, null, data.name(), text);
    }
    ValidationSplit split =
        ValidationSplit.shuffle(all, options.validFraction(), options.seed(), data.name());
    String text =
        String.format(
            Locale.ROOT,
            "%s, %s: %d for training, %d for validation",
            data.name(),
            all.summary(),
            split.train().length,
            split.valid().length);
    return new TrainingData(
        info, all.select(split.train()), all.select(split.valid()), data.name(), text);
  }

  /** The training data; sequences are padded to the longest of training and validation. */
  Dataset trainSet() {
    return train.dataset(steps());
  }

  /** The validation data, or null to validate on the training data. */
  Dataset validSet() {
    return valid == null ? null : valid.dataset(steps());
  }

  /**
   * One length for every sequence: a network with an {@code rnn} layer trains and validates on one
   * graph unrolled over one length.
   */
  private int steps() {
    return Math.max(train.steps(), valid == null ? 0 : valid.steps());
  }
}
