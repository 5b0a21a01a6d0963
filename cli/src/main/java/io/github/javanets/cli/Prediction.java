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
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What {@code javanets predict} does: reads the inputs, predicts, prints one line per row. A
 * feed-forward model's rows stream: they are read, predicted and printed batch by batch ({@link
 * #BATCH} rows), so memory holds a few batches, never the file, and a bad row stops the command
 * with its line named after the lines of the rows before it. For a recurrent model, the rows are
 * read whole and grouped by the model's sequence column wherever they are, then padded, and the
 * lines still come one per input row, in input order.
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
    if (!saved.kind().recurrent()) {
      ModelInfo info = saved.info(columns);
      checkProba(cmd, saved, classifier);
      stream(cmd, saved, info, out);
      return;
    }
    CsvTable table = cmd.files.readData();
    ModelInfo info = saved.info(table);
    checkProba(cmd, saved, classifier);
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
    double[][] rows = values.toDoubleMatrix();
    for (double[] row : rows) {
      List<String> cells = new ArrayList<>(row.length);
      for (double v : row) {
        cells.add(Numbers.prediction(v));
      }
      out.println(String.join(",", cells));
    }
  }
}
