package io.github.javanets.cli;

import io.github.javanets.csv.CsvBatchSource;
import io.github.javanets.csv.CsvRows;
import io.github.javanets.models.Autoencoder;
import io.github.javanets.models.BatchSource;
import io.github.javanets.models.Classifier;
import io.github.javanets.models.Model;
import io.github.javanets.models.ModelKind;
import io.github.javanets.models.Regressor;
import io.github.javanets.train.BatchFailedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What {@code javanets predict} does: reads the inputs, predicts, prints one line per row, in the
 * file's order. A feed-forward model's rows stream: they are read, predicted and printed batch by
 * batch ({@link #BATCH} rows), so memory holds a few batches, never the file, and a bad row stops
 * the command with its line named after the lines of the rows before it. For a recurrent model, the
 * rows are grouped by the model's sequence column and padded to the file's longest sequence, found
 * (with every input cell checked) by a streamed pass before anything is printed; when the rows of
 * each sequence are consecutive, the sequences then stream too (batches of about {@link #BATCH}
 * rows), else (an id met again after other ids) the file is read whole and grouped wherever its
 * rows are.
 */
final class Prediction {
  /** The rows predicted at once when streaming. */
  static final int BATCH = 1024;

  private Prediction() {}

  static void run(PredictCommand cmd, PrintWriter out) throws IOException {
    CsvHeader columns;
    try (CsvRows rows = CsvRows.open(cmd.files.data, "--data")) {
      columns = CsvHeader.of(rows);
    }
    SavedModel saved = cmd.files.loadModel();
    boolean classifier = ModelKinds.isClassifier(saved.kind());
    ModelInfo info = saved.info(columns);
    checkProba(cmd, saved, classifier);
    if (!saved.kind().recurrent()) {
      stream(cmd, saved, info, out);
      return;
    }
    columns.column(info.columns().sequence(), "the model's sequence column");
    DataScan scan =
        DataScan.allowingInterleaved(
            CsvRows.open(cmd.files.data, "--data"), info, false, null, null);
    if (!scan.interleaved()) {
      sequences(cmd, saved, info, scan.longest(), out);
      return;
    }
    whole(cmd, saved, info, out);
  }

  /**
   * A recurrent model's predictions on a file whose sequences interleave: read whole, grouped
   * wherever the rows are, printed in the file's order.
   */
  private static void whole(PredictCommand cmd, SavedModel saved, ModelInfo info, PrintWriter out)
      throws IOException {
    boolean classifier = ModelKinds.isClassifier(saved.kind());
    CsvTable table = cmd.files.readData();
    TableData data = DataReader.read(table, info, false, DataReader.MODEL_TARGET, Weights.none());
    Examples examples = Examples.of(data, table, info, "the model's sequence column");
    INDArray x = examples.inputs();
    ExitGuard.phase("predicting");
    if (cmd.header) {
      out.println(String.join(",", header(info, cmd.proba)));
    }
    if (classifier && !cmd.proba) {
      INDArray ids = examples.perRow(classes(saved.model(), x));
      for (long r = 0; r < ids.length(); r++) {
        out.println(info.classes().get((int) ids.getLong(r)));
      }
    } else {
      printRows(out, examples.perRow(predict(saved.kind(), saved.model(), x)));
    }
    out.flush();
  }

  private static void checkProba(PredictCommand cmd, SavedModel saved, boolean classifier) {
    if (cmd.proba && !classifier) {
      throw new IllegalArgumentException(
          "--proba needs a classifier, but "
              + saved.path()
              + " holds a "
              + ModelKinds.feedForward(saved.kind()).title()
              + ".");
    }
  }

  /** A feed-forward model's predictions, printed batch by batch as the rows stream. */
  private static void stream(
      PredictCommand cmd, SavedModel saved, ModelInfo info, PrintWriter out) {
    BatchSource rows =
        CsvBatchSource.builder(cmd.files.data)
            .role("--data")
            .inputColumns(info.columns().inputs())
            .batchSize(BATCH)
            .build();
    Model model = saved.model();
    boolean labels = ModelKinds.isClassifier(saved.kind()) && !cmd.proba;
    ExitGuard.phase("predicting");
    if (cmd.header) {
      out.println(String.join(",", header(info, cmd.proba)));
    }
    try {
      model.predict(
          rows,
          (batch, predicted) -> {
            if (labels) {
              for (long r = 0; r < predicted.length(); r++) {
                out.println(info.classes().get((int) predicted.getLong(r)));
              }
            } else {
              printRows(out, cmd.proba ? predict(saved.kind(), model, batch.inputs()) : predicted);
            }
          });
    } catch (BatchFailedException e) {
      out.flush();
      throw StreamErrors.of(e);
    }
    out.flush();
  }

  /**
   * A recurrent model's predictions, printed batch by batch as the sequences stream: each
   * sequence's rows are consecutive in the file, so its steps print in file order. A sequence's
   * steps are those of weight 1 (the source gives weight 0 to the padding only, as no weights are
   * read).
   */
  private static void sequences(
      PredictCommand cmd, SavedModel saved, ModelInfo info, int steps, PrintWriter out) {
    BatchSource rows =
        CsvBatchSource.builder(cmd.files.data)
            .role("--data")
            .inputColumns(info.columns().inputs())
            .sequenceColumn(info.columns().sequence(), steps)
            .batchSize(Math.max(1, BATCH / steps))
            .build();
    Model model = saved.model();
    boolean labels = ModelKinds.isClassifier(saved.kind()) && !cmd.proba;
    ExitGuard.phase("predicting");
    if (cmd.header) {
      out.println(String.join(",", header(info, cmd.proba)));
    }
    try {
      model.predict(
          rows,
          (batch, predicted) -> {
            INDArray values = cmd.proba ? predict(saved.kind(), model, batch.inputs()) : predicted;
            double[][] perRow = unpad(values, batch.weights());
            if (labels) {
              for (double[] row : perRow) {
                out.println(info.classes().get((int) row[0]));
              }
            } else {
              printRows(out, perRow);
            }
          });
    } catch (BatchFailedException e) {
      out.flush();
      throw StreamErrors.of(e);
    }
    out.flush();
  }

  /**
   * Per-step outputs {@code (B, T, k)} or {@code (B, T)} back to one row of {@code k} (or 1) values
   * per input row: the steps whose weight ({@code (B, T, ...)}, its first value) is not 0, sequence
   * after sequence. Reads each array once (an element at a time through ND4J costs a native call
   * per value).
   */
  private static double[][] unpad(INDArray padded, INDArray weights) {
    long batch = padded.size(0);
    long steps = padded.size(1);
    int k = padded.rank() == 3 ? (int) padded.size(2) : 1;
    double[] v = padded.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    double[] w = weights.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    int width = (int) (w.length / (batch * steps));
    List<double[]> rows = new ArrayList<>();
    for (int step = 0; step < batch * steps; step++) {
      if (w[step * width] != 0) {
        rows.add(Arrays.copyOfRange(v, step * k, step * k + k));
      }
    }
    return rows.toArray(new double[0][]);
  }

  /** A classifier's class ids. */
  private static INDArray classes(Model model, INDArray x) {
    return model instanceof Classifier c
        ? c.predict(x)
        : ((io.github.javanets.models.recurrent.Classifier) model).predict(x);
  }

  /** The values printed: class probabilities, predicted targets or the reconstruction. */
  private static INDArray predict(ModelKind kind, Model model, INDArray x) {
    return switch (kind) {
      case CLASSIFIER -> ((Classifier) model).predictProba(x);
      case REGRESSOR -> ((Regressor) model).predict(x);
      case AUTOENCODER -> ((Autoencoder) model).predict(x);
      case RECURRENT_CLASSIFIER ->
          ((io.github.javanets.models.recurrent.Classifier) model).predictProba(x);
      case RECURRENT_REGRESSOR ->
          ((io.github.javanets.models.recurrent.Regressor) model).predict(x);
      case RECURRENT_AUTOENCODER ->
          ((io.github.javanets.models.recurrent.Autoencoder) model).predict(x);
    };
  }

  private static List<String> header(ModelInfo info, boolean proba) {
    List<String> targets = info.columns().targets();
    if (ModelKinds.isClassifier(info.kind())) {
      return proba ? info.classes() : List.of(targets.isEmpty() ? "class" : targets.get(0));
    }
    return ModelKinds.isRegressor(info.kind()) ? targets : info.columns().inputs();
  }

  private static void printRows(PrintWriter out, INDArray values) {
    printRows(out, values.toDoubleMatrix());
  }

  private static void printRows(PrintWriter out, double[][] rows) {
    for (double[] row : rows) {
      List<String> cells = new ArrayList<>(row.length);
      for (double v : row) {
        cells.add(Numbers.prediction(v));
      }
      out.println(String.join(",", cells));
    }
  }
}
