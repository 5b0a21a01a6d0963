package io.github.javanets.cli;

import io.github.javanets.models.Dataset;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The data of a training run, read from the {@code train} options: which columns are inputs,
 * targets and weights, the classes of a classifier, the sequence column of a recurrent model, and
 * the training and validation examples (a file given with {@code --valid}, or a shuffled share of
 * {@code --data}): rows, or whole sequences of rows with {@code --recurrent}.
 */
final class TrainingData {
  /** The embedded default data set. */
  static final String IRIS = "iris.csv";

  private final ModelInfo info;
  private final Examples train;
  private final Examples valid;
  private final String dataName;
  private final String description;

  private TrainingData(
      ModelInfo info, Examples train, Examples valid, String dataName, String description) {
    this.info = info;
    this.train = train;
    this.valid = valid;
    this.dataName = dataName;
    this.description = description;
  }

  /**
   * Reads and checks the data that {@code cmd} names.
   *
   * @throws IllegalArgumentException for a missing file or column, a bad cell or option
   * @throws IOException if a file cannot be read
   */
  static TrainingData read(TrainCommand cmd) throws IOException {
    double fraction = checkOptions(cmd);
    CsvTable table = cmd.data == null ? CsvTable.resource(IRIS) : CsvTable.read(cmd.data, "--data");
    CsvTable validTable = cmd.valid == null ? null : CsvTable.read(cmd.valid, "--valid");
    CsvTable weightsTable =
        cmd.weightsFile == null ? null : CsvTable.read(cmd.weightsFile, "--weights-file");
    ModelInfo info = plan(cmd, table, validTable);
    Weights weights =
        weightsTable != null
            ? Weights.file(weightsTable)
            : cmd.weightsColumn != null
                ? Weights.column(cmd.weightsColumn)
                : cmd.recurrent ? Weights.allOnes() : Weights.none();
    Examples all = examples(table, info, weights);
    if (validTable != null) {
      Weights validWeights = weightsTable != null ? Weights.allOnes() : weights;
      Examples valid = examples(validTable, info, validWeights);
      String text =
          String.format(
              Locale.ROOT,
              "%s, %s; validation: %s, %s",
              table.name(),
              all.summary(),
              validTable.name(),
              valid.summary());
      return new TrainingData(info, all, valid, table.name(), text);
    }
    if (fraction == 0) {
      String text = table.name() + ", " + all.summary() + ", also used for validation";
      return new TrainingData(info, all, null, table.name(), text);
    }
    return split(info, all, fraction, cmd.seed, table.name());
  }

  private static Examples examples(CsvTable table, ModelInfo info, Weights weights) {
    TableData data = DataReader.read(table, info, true, weights);
    return Examples.of(data, table, info, "--sequence-column");
  }

  /** Checks the options that go together; returns the validation fraction. */
  private static double checkOptions(TrainCommand cmd) {
    if (cmd.recurrent && cmd.sequenceColumn == null) {
      throw new IllegalArgumentException(
          "--recurrent needs --sequence-column NAME, the column whose value says which sequence"
              + " each row belongs to.");
    }
    if (!cmd.recurrent && cmd.sequenceColumn != null) {
      throw new IllegalArgumentException(
          "--sequence-column groups rows into sequences for a recurrent model: add --recurrent.");
    }
    if (cmd.valid != null && cmd.validFraction != null) {
      throw new IllegalArgumentException("Give --valid or --valid-fraction, not both.");
    }
    if (cmd.weightsColumn != null && cmd.weightsFile != null) {
      throw new IllegalArgumentException("Give --weights-column or --weights-file, not both.");
    }
    if (cmd.weighted && cmd.weightsColumn == null && cmd.weightsFile == null) {
      throw new IllegalArgumentException(
          "--weighted needs the weights: give --weights-column NAME or --weights-file FILE.csv.");
    }
    double fraction =
        cmd.validFraction == null ? TrainCommand.DEFAULT_VALID_FRACTION : cmd.validFraction;
    if (!(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException(
          "--valid-fraction must be in [0, 1), got " + fraction + ".");
    }
    return fraction;
  }

  private static TrainingData split(
      ModelInfo info, Examples all, double fraction, long seed, String name) {
    int n = all.count();
    int held = (int) Math.round(n * fraction);
    if (n < 2) {
      String noun = all.noun();
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s has %d %s: too few to hold out validation %s; use --valid-fraction 0.",
              name,
              n,
              noun.substring(0, noun.length() - 1),
              noun));
    }
    held = Math.max(1, Math.min(n - 1, held));
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(seed));
    int[] validRows = order.subList(0, held).stream().mapToInt(Integer::intValue).toArray();
    int[] trainRows = order.subList(held, n).stream().mapToInt(Integer::intValue).toArray();
    String text =
        String.format(
            Locale.ROOT,
            "%s, %s: %d for training, %d for validation",
            name,
            all.summary(),
            trainRows.length,
            held);
    return new TrainingData(info, all.select(trainRows), all.select(validRows), name, text);
  }

  /** Decides the columns' roles and a classifier's classes. */
  private static ModelInfo plan(TrainCommand cmd, CsvTable table, CsvTable validTable) {
    List<String> header = table.header();
    List<String> targets = new ArrayList<>(cmd.targetColumns);
    if (cmd.model == ModelType.AUTOENCODER) {
      if (!targets.isEmpty()) {
        throw new IllegalArgumentException(
            "An autoencoder reconstructs its inputs and has no target: drop --target-column.");
      }
    } else if (targets.isEmpty()) {
      targets.add(header.get(header.size() - 1));
    }
    if (cmd.model == ModelType.CLASSIFIER && targets.size() != 1) {
      throw new IllegalArgumentException(
          "A classifier has one --target-column of class labels, got " + targets.size() + ".");
    }
    for (String t : targets) {
      table.column(t, "--target-column");
    }
    if (cmd.weightsColumn != null) {
      table.column(cmd.weightsColumn, "--weights-column");
      if (targets.contains(cmd.weightsColumn)) {
        throw new IllegalArgumentException(
            "Column '" + cmd.weightsColumn + "' cannot be both a target and the weights column.");
      }
    }
    checkSequenceColumn(cmd, table, targets);
    List<String> inputs = inputs(cmd, table, targets);
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException(
          table.name() + " has no input column left: every column is a target or the weights.");
    }
    List<String> classes = List.of();
    if (cmd.model == ModelType.CLASSIFIER) {
      classes = classes(targets.get(0), table, validTable);
    }
    return new ModelInfo(
        cmd.model, inputs, targets, classes, cmd.weightsColumn, cmd.sequenceColumn);
  }

  /** Checks that the sequence column, if any, exists and has no other role. */
  private static void checkSequenceColumn(TrainCommand cmd, CsvTable table, List<String> targets) {
    String column = cmd.sequenceColumn;
    if (column == null) {
      return;
    }
    table.column(column, "--sequence-column");
    if (targets.contains(column)
        || column.equals(cmd.weightsColumn)
        || cmd.inputColumns.contains(column)) {
      throw new IllegalArgumentException(
          "Column '"
              + column
              + "' is the --sequence-column: it cannot also be an input, a target or the weights"
              + " column.");
    }
  }

  /** The {@code --input-column}s, or every column that is not a target or the weights. */
  private static List<String> inputs(TrainCommand cmd, CsvTable table, List<String> targets) {
    if (cmd.inputColumns.isEmpty()) {
      Set<String> others = new HashSet<>(targets);
      others.add(cmd.weightsColumn);
      others.add(cmd.sequenceColumn);
      List<String> inputs = new ArrayList<>(table.header());
      inputs.removeIf(others::contains);
      return inputs;
    }
    Set<String> targetSet = new HashSet<>(targets);
    for (String input : cmd.inputColumns) {
      table.column(input, "--input-column");
      if (targetSet.contains(input) || input.equals(cmd.weightsColumn)) {
        throw new IllegalArgumentException(
            "Column '" + input + "' cannot be both an input and a target or the weights column.");
      }
    }
    return List.copyOf(new java.util.LinkedHashSet<>(cmd.inputColumns));
  }

  private static List<String> classes(String column, CsvTable table, CsvTable validTable) {
    List<String> labels = new ArrayList<>();
    for (CsvTable t : validTable == null ? List.of(table) : List.of(table, validTable)) {
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

  /** The columns and classes. */
  ModelInfo info() {
    return info;
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

  /** The name of the data file, for messages. */
  String dataName() {
    return dataName;
  }

  /** One line saying where the rows come from. */
  String description() {
    return description;
  }
}
