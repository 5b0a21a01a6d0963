package io.github.javanets.cli;

import io.github.javanets.csv.CsvBatchSource;
import io.github.javanets.csv.CsvRows;
import io.github.javanets.csv.HoldOut;
import io.github.javanets.models.BatchIterator;
import io.github.javanets.models.BatchSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.LongPredicate;

/**
 * The data of a training run, streamed: the model's columns and classes ({@link ModelInfo}), and
 * the training and validation examples as batch sources that read the files anew at each pass, so
 * that a file larger than memory trains. One streamed pass first ({@link DataScan}) checks every
 * cell and counts the examples, the sequence lengths and a classifier's classes. Validation
 * examples come from a file given with {@code --valid}, from a share of {@code --data} held out by
 * example index ({@link HoldOut}: exactly {@code round(n * fraction)} of the {@code n} examples,
 * chosen by {@code --seed}), or not at all (then the training examples validate). Training batches
 * are shuffled through a buffer of {@code --shuffle-buffer} examples with {@code --seed}. A file of
 * at most a quarter of the largest heap is read once and its examples kept in memory, a larger one
 * read again at every epoch; the batches are the same either way, bit for bit.
 *
 * @param info the model's columns and classes; not null
 * @param train the training batches, shuffled; not null
 * @param valid the validation batches, or null to validate on the training ones
 * @param trainInOrder the training batches in file order, for the final evaluation; not null
 * @param dataName the name of the data file, for messages
 * @param description one line saying where the examples come from
 */
record TrainingData(
    ModelInfo info,
    BatchSource train,
    BatchSource valid,
    BatchSource trainInOrder,
    String dataName,
    String description) {

  /** The embedded default data set. */
  static final String IRIS = "iris.csv";

  /** A file of at most 1 / this of the largest heap is kept in memory after the first epoch. */
  static final int IN_MEMORY_SHARE = 4;

  /**
   * Scans the data that {@code options} name and makes their sources.
   *
   * @throws IllegalArgumentException for a missing file or column, a bad cell, or too few examples
   * @throws IOException if a file cannot be read
   */
  static TrainingData read(DataOptions options) throws IOException {
    Path data = options.data() != null ? options.data() : iris();
    String dataName = options.data() != null ? data.toString() : IRIS + " (built in)";
    ModelInfo info;
    DataScan scan;
    try (CsvRows header = open(data, dataName, "--data")) {
      ColumnRoles columns = options.columns().resolve(options.kind(), CsvHeader.of(header));
      info = new ModelInfo(options.kind(), columns, List.of());
    }
    String weightsColumn = info.columns().weights();
    scan = scan(data, dataName, info, weightsColumn, options.weightsFile());
    DataScan validScan =
        options.valid() == null
            ? null
            : scan(
                options.valid(),
                options.valid().toString(),
                info,
                options.weightsFile() == null ? weightsColumn : null,
                null);
    if (ModelKinds.isClassifier(options.kind())) {
      info = new ModelInfo(options.kind(), info.columns(), classes(info, scan, validScan));
    }
    boolean sequential = info.columns().sequence() != null;
    int steps = Math.max(scan.longest(), validScan == null ? 0 : validScan.longest());
    Sources sources = new Sources(options, info, steps);
    long examples = scan.examples(sequential);
    String noun = sequential ? "sequences" : "rows";
    if (validScan != null) {
      String text =
          String.format(
              Locale.ROOT,
              "%s, %s; validation: %s, %s",
              dataName,
              scan.summary(sequential),
              options.valid(),
              validScan.summary(sequential));
      BatchSource valid =
          counted(
              sources.valid(options.valid(), options.valid().toString(), i -> true),
              validScan.examples(sequential),
              options.batchSize());
      return new TrainingData(
          info,
          counted(sources.train(data, dataName, i -> true), examples, options.batchSize()),
          valid,
          counted(sources.inOrder(data, dataName, i -> true), examples, options.batchSize()),
          dataName,
          text);
    }
    if (options.validFraction() == 0) {
      String text = dataName + ", " + scan.summary(sequential) + ", also used for validation";
      return new TrainingData(
          info,
          counted(sources.train(data, dataName, i -> true), examples, options.batchSize()),
          null,
          counted(sources.inOrder(data, dataName, i -> true), examples, options.batchSize()),
          dataName,
          text);
    }
    if (examples < 2) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s has %d %s: too few to hold out validation %s; use --valid-fraction 0.",
              dataName,
              examples,
              noun.substring(0, noun.length() - 1),
              noun));
    }
    HoldOut split = HoldOut.of(examples, options.validFraction(), options.seed());
    LongPredicate held = split::held;
    LongPredicate kept = held.negate();
    long validCount = split.heldCount();
    long trainCount = examples - validCount;
    String text =
        String.format(
            Locale.ROOT,
            "%s, %s: %d for training, %d for validation",
            dataName,
            scan.summary(sequential),
            trainCount,
            validCount);
    return new TrainingData(
        info,
        counted(sources.train(data, dataName, kept), trainCount, options.batchSize()),
        counted(sources.valid(data, dataName, held), validCount, options.batchSize()),
        counted(sources.inOrder(data, dataName, kept), trainCount, options.batchSize()),
        dataName,
        text);
  }

  private static DataScan scan(
      Path file, String name, ModelInfo info, String weightsColumn, Path weightsFile)
      throws IOException {
    CsvRows rows = open(file, name, "--data");
    CsvRows weights = null;
    try {
      weights = weightsFile == null ? null : CsvRows.open(weightsFile, "--weights-file");
    } catch (IOException | RuntimeException e) {
      rows.close();
      throw e;
    }
    return DataScan.of(rows, info, true, weightsColumn, weights);
  }

  private static CsvRows open(Path file, String name, String option) throws IOException {
    return name.endsWith("(built in)")
        ? CsvRows.read(Files.newInputStream(file), name)
        : CsvRows.open(file, option);
  }

  /**
   * The class names of a classifier's label column, in the training and validation data.
   *
   * @throws IllegalArgumentException for fewer than 2 classes
   */
  private static List<String> classes(ModelInfo info, DataScan train, DataScan valid) {
    java.util.Set<String> labels = new java.util.TreeSet<>(train.labels());
    if (valid != null) {
      labels.addAll(valid.labels());
    }
    List<String> classes = ClassLabels.of(labels).names();
    if (classes.size() < 2) {
      throw new IllegalArgumentException(
          "Column '"
              + info.columns().targets().get(0)
              + "' holds a single class ("
              + Shorten.value(classes.get(0))
              + "); a classifier needs at least 2.");
    }
    return classes;
  }

  /** The embedded Iris data set, copied once to a temporary file that the streams read. */
  private static synchronized Path iris() throws IOException {
    Path copy = Files.createTempFile("javanets-iris-", ".csv");
    copy.toFile().deleteOnExit();
    try (InputStream in = CsvTable.open(IRIS)) {
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
    }
    return copy;
  }

  /** {@code source}, which knows its number of batches: {@code ceil(examples / batchSize)}. */
  private static BatchSource counted(BatchSource source, long examples, int batchSize) {
    long batches = (examples + batchSize - 1) / batchSize;
    return new BatchSource() {
      @Override
      public BatchIterator open() {
        return source.open();
      }

      @Override
      public OptionalLong batchesPerEpoch() {
        return OptionalLong.of(batches);
      }

      @Override
      public String description() {
        return source.description();
      }
    };
  }

  /** Makes the sources of one run: the same columns, classes, weights and sequence length. */
  private record Sources(DataOptions options, ModelInfo info, int steps) {
    /** Training batches: shuffled, weighted as the options say. */
    BatchSource train(Path file, String name, LongPredicate keep) {
      return builder(file, name, keep, options.weightsFile(), info.columns().weights())
          .shuffle(options.shuffleBuffer(), options.seed())
          .inMemory(keep(file))
          .build();
    }

    /** Training batches in file order. */
    BatchSource inOrder(Path file, String name, LongPredicate keep) {
      return builder(file, name, keep, options.weightsFile(), info.columns().weights()).build();
    }

    /**
     * Validation batches in file order. A weights file holds the {@code --data} rows' weights: rows
     * of {@code --valid} then weigh 1.
     */
    BatchSource valid(Path file, String name, LongPredicate keep) {
      boolean own = file.equals(options.data()) || options.data() == null;
      return builder(
              file,
              name,
              keep,
              own ? options.weightsFile() : null,
              options.weightsFile() == null || own ? info.columns().weights() : null)
          .inMemory(keep(file))
          .build();
    }

    /** Whether the examples of {@code file} are kept in memory after the first epoch. */
    private boolean keep(Path file) {
      return switch (options.keepInMemory()) {
        case YES -> true;
        case NO -> false;
        case AUTO -> fitsInMemory(file);
      };
    }

    /**
     * Whether {@code file} is at most 1 / {@link #IN_MEMORY_SHARE} of the largest heap. Parsed, a
     * value takes 4 bytes, about what its text takes.
     */
    private static boolean fitsInMemory(Path file) {
      try {
        return Files.size(file) <= Runtime.getRuntime().maxMemory() / IN_MEMORY_SHARE;
      } catch (IOException e) {
        return false;
      }
    }

    private CsvBatchSource.Builder builder(
        Path file, String name, LongPredicate keep, Path weightsFile, String weightsColumn) {
      ColumnRoles roles = info.columns();
      CsvBatchSource.Builder b =
          CsvBatchSource.builder(file)
              .name(name)
              .role("--data")
              .inputColumns(roles.inputs())
              .batchSize(options.batchSize())
              .examples(keep)
              .weightsFile(weightsFile)
              .weightsColumn(weightsColumn)
              .unitWeights(options.weighted());
      if (ModelKinds.isClassifier(info.kind())) {
        b.labelColumn(roles.targets().get(0), info.classes());
      } else if (ModelKinds.isRegressor(info.kind())) {
        b.targetColumns(roles.targets());
      }
      if (roles.sequence() != null) {
        b.sequenceColumn(roles.sequence(), steps);
      }
      return b;
    }
  }
}
