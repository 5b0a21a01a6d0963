package io.github.javanets.cli;

import io.github.javanets.csv.CsvBatchSource;
import io.github.javanets.csv.CsvRows;
import io.github.javanets.models.Autoencoder;
import io.github.javanets.models.BatchSource;
import io.github.javanets.models.Classifier;
import io.github.javanets.models.Dataset;
import io.github.javanets.models.Model;
import io.github.javanets.models.ModelKind;
import io.github.javanets.models.Regressor;
import io.github.javanets.models.Scaling;
import io.github.javanets.train.BatchFailedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;

/**
 * What {@code javanets evaluate} does: reads a labelled file in a stream of batches and prints
 * monitors and score, each the value on all the file's rows at once (but {@code mmd}'s, see {@link
 * Model#evaluate(BatchSource)}). For a recurrent model, the rows are grouped by the model's
 * sequence column and padded with weight 0, so the padding counts in no monitor and no score: a
 * streamed pass first checks the file and finds its longest sequence, the length every sequence is
 * padded to; when the rows of a sequence are consecutive, the sequences then stream, else (an id
 * met again after other ids) the file is read whole and grouped wherever its rows are.
 */
final class Evaluation {
  private Evaluation() {}

  /** The most input values in one batch when streaming: 4 Mi values, 16 MiB of floats. */
  static final int BATCH_VALUES = 1 << 22;

  /**
   * The most rows (or sequences) in one batch when streaming. The monitors are the values on all
   * the rows at once whatever the batches, but for a loss that does not split over batches ({@code
   * mmd}), exact only for a file up to this size.
   */
  static final int BATCH_ROWS = 10_000;

  static void run(EvaluateCommand cmd, PrintWriter out) throws IOException {
    CsvHeader columns;
    try (CsvRows rows = CsvRows.open(cmd.files.data, "--data")) {
      columns = CsvHeader.of(rows);
    }
    if (cmd.weightsFile() != null) {
      CsvRows.requireRegularFile(cmd.weightsFile(), "--weights-file", "a CSV file");
    }
    SavedModel saved = cmd.files.loadModel();
    if (!saved.kind().recurrent()) {
      stream(cmd, saved, columns, null, out);
      return;
    }
    ModelInfo info = saved.info(columns);
    columns.column(info.columns().sequence(), "the model's sequence column");
    targets(columns, info);
    String weightsColumn = weightsColumn(cmd, saved, info, columns);
    DataScan scan = scan(cmd, info, weightsColumn);
    if (!scan.interleaved()) {
      stream(cmd, saved, columns, scan, out);
      return;
    }
    whole(cmd, saved, out);
  }

  /** The streamed scan of a recurrent model's file, and of its weights file beside it. */
  private static DataScan scan(EvaluateCommand cmd, ModelInfo info, String weightsColumn)
      throws IOException {
    CsvRows data = CsvRows.open(cmd.files.data, "--data");
    CsvRows weights = null;
    try {
      if (cmd.weightsFile() != null) {
        weights = CsvRows.open(cmd.weightsFile(), "--weights-file");
      }
    } catch (IOException | RuntimeException e) {
      data.close();
      throw e;
    }
    return DataScan.allowingInterleaved(data, info, true, weightsColumn, weights);
  }

  /** A recurrent model's monitors and score on a file whose sequences interleave, read whole. */
  private static void whole(EvaluateCommand cmd, SavedModel saved, PrintWriter out)
      throws IOException {
    CsvTable table = cmd.files.readData();
    CsvTable weightsTable =
        cmd.weightsFile() == null ? null : CsvTable.read(cmd.weightsFile(), "--weights-file");
    ModelInfo info = saved.info(table);
    Model model = saved.model();
    Weights weights = weights(cmd, model, info, table, weightsTable);
    if (!model.weighted() && weights.present()) {
      throw new IllegalArgumentException(
          saved.path() + " holds an unweighted model: drop --weights-column and --weights-file.");
    }
    TableData rows = DataReader.read(table, info, true, DataReader.MODEL_TARGET, weights);
    Examples examples = Examples.of(rows, table, info, "the model's sequence column");
    Dataset data = examples.dataset(examples.steps());
    ExitGuard.phase("evaluating");
    Map<String, Double> monitors = model.evaluate(data);
    print(
        out,
        saved,
        model,
        table.name(),
        examples.summary(),
        weights.isAllOnes(),
        monitors,
        score(saved.kind(), model, data));
  }

  /**
   * A model's monitors and score, streamed: batches of up to {@link #BATCH_ROWS} rows or sequences
   * (fewer for wide files or long sequences), whose monitors {@link Model#evaluate(BatchSource)}
   * sums exactly into the values on all the rows at once (but for a loss that does not split, such
   * as {@code mmd}: the mean of its batches' values weighted by their rows, so that a file of one
   * batch gives its exact value); the score is exact too.
   *
   * @param scan a recurrent model's scan of the file, whose sequences are consecutive; null for a
   *     feed-forward model
   */
  private static void stream(
      EvaluateCommand cmd, SavedModel saved, CsvHeader columns, DataScan scan, PrintWriter out) {
    ModelInfo info = saved.info(columns);
    Model model = saved.model();
    String weightsColumn = weightsColumn(cmd, saved, info, columns);
    boolean ones = model.weighted() && weightsColumn == null && cmd.weightsFile() == null;
    int steps = scan == null ? 1 : scan.longest();
    int width = info.columns().inputs().size();
    int batch = Math.max(1, Math.min(BATCH_ROWS, BATCH_VALUES / width / steps));
    CsvBatchSource.Builder b =
        CsvBatchSource.builder(cmd.files.data)
            .role("--data")
            .inputColumns(info.columns().inputs())
            .weightsColumn(weightsColumn)
            .weightsFile(cmd.weightsFile())
            .unitWeights(ones)
            .batchSize(batch);
    if (ModelKinds.isClassifier(info.kind())) {
      b.labelColumn(targets(columns, info).get(0), info.classes());
    } else if (ModelKinds.isRegressor(info.kind())) {
      b.targetColumns(targets(columns, info));
    }
    if (scan != null) {
      b.sequenceColumn(info.columns().sequence(), steps);
    }
    CsvBatchSource data = b.build();
    ExitGuard.phase("evaluating");
    Map<String, Double> monitors;
    long[] rows = {0};
    double score;
    try {
      monitors = model.evaluate(data);
      score =
          model.score(
              data.map(
                  d -> {
                    rows[0] += d.rows();
                    return d;
                  }));
    } catch (BatchFailedException e) {
      throw StreamErrors.of(e);
    }
    String summary = scan == null ? rows[0] + " rows" : scan.summary(true);
    print(out, saved, model, cmd.files.data.toString(), summary, ones, monitors, score);
  }

  /**
   * The column of weights a streamed evaluation reads: {@code --weights-column}, else (without a
   * weights file) a weighted model's training weights column when the file has it, else null.
   *
   * @throws IllegalArgumentException if the model is unweighted but weights are given, or the file
   *     lacks the column
   */
  private static String weightsColumn(
      EvaluateCommand cmd, SavedModel saved, ModelInfo info, CsvHeader columns) {
    Model model = saved.model();
    String savedWeights = info.columns().weights();
    String weightsColumn =
        cmd.weightsColumn() != null
            ? cmd.weightsColumn()
            : cmd.weightsFile() == null
                    && model.weighted()
                    && savedWeights != null
                    && columns.header().contains(savedWeights)
                ? savedWeights
                : null;
    if (!model.weighted() && (cmd.weightsColumn() != null || cmd.weightsFile() != null)) {
      throw new IllegalArgumentException(
          saved.path() + " holds an unweighted model: drop --weights-column and --weights-file.");
    }
    if (weightsColumn != null) {
      columns.column(weightsColumn, "--weights-column");
    }
    return weightsColumn;
  }

  /** The model's target columns, checked against the file. */
  private static java.util.List<String> targets(CsvHeader file, ModelInfo info) {
    info.columns().targets().forEach(t -> file.column(t, DataReader.MODEL_TARGET));
    return info.columns().targets();
  }

  private static void print(
      PrintWriter out,
      SavedModel saved,
      Model model,
      String name,
      String summary,
      boolean ones,
      Map<String, Double> monitors,
      double score) {
    out.println(
        "Evaluated "
            + saved.describe()
            + " on "
            + name
            + ", "
            + summary
            + (ones ? ", every weight 1" : "")
            + ".");
    TextTable t = TextTable.withHeader("monitor", "value");
    monitors.forEach((n, value) -> t.row(n, Numbers.format(value)));
    String scoreName = ModelKinds.isClassifier(saved.kind()) ? "accuracy" : "R^2";
    t.row("score", Numbers.format(score) + " (" + scoreName + ")");
    t.print(out, "  ");
    if (scaledTargets(saved.kind(), model)) {
      out.println(
          "  The monitors are in the scaled units the model trains on ("
              + ScalingOptions.word(
                  ModelKinds.isAutoencoder(saved.kind())
                      ? model.inputScaling()
                      : model.targetScaling())
              + "-scaled targets); the score is in the data's units.");
    }
    out.flush();
  }

  /**
   * Whether the model's losses compare scaled targets: a regressor's, or an autoencoder's inputs.
   */
  private static boolean scaledTargets(ModelKind kind, Model model) {
    return model.targetScaling() != Scaling.NONE
        || ModelKinds.isAutoencoder(kind) && model.inputScaling() != Scaling.NONE;
  }

  private static Weights weights(
      EvaluateCommand cmd, Model model, ModelInfo info, CsvTable table, CsvTable weightsTable) {
    if (weightsTable != null) {
      return Weights.file(weightsTable);
    }
    if (cmd.weightsColumn() != null) {
      return Weights.column(cmd.weightsColumn());
    }
    if (!model.weighted()) {
      return Weights.none();
    }
    String saved = info.columns().weights();
    return saved != null && table.hasColumn(saved) ? Weights.column(saved) : Weights.allOnes();
  }

  /** R^2, or a classifier's accuracy; the weights of a recurrent model leave out the padding. */
  private static double score(ModelKind kind, Model model, Dataset data) {
    return switch (kind) {
      case CLASSIFIER -> ((Classifier) model).score(data.inputs(), data.target(), data.weights());
      case REGRESSOR -> ((Regressor) model).score(data.inputs(), data.target(), data.weights());
      case AUTOENCODER -> ((Autoencoder) model).score(data.inputs());
      case RECURRENT_CLASSIFIER ->
          ((io.github.javanets.models.recurrent.Classifier) model)
              .score(data.inputs(), data.target(), data.weights());
      case RECURRENT_REGRESSOR ->
          ((io.github.javanets.models.recurrent.Regressor) model)
              .score(data.inputs(), data.target(), data.weights());
      case RECURRENT_AUTOENCODER ->
          ((io.github.javanets.models.recurrent.Autoencoder) model)
              .score(data.inputs(), data.weights());
    };
  }
}
