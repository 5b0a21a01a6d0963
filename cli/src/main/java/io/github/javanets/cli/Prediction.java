package io.github.javanets.cli;

import io.github.javanets.models.Autoencoder;
import io.github.javanets.models.Classifier;
import io.github.javanets.models.Regressor;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What {@code javanets predict} does: reads the inputs, predicts, prints one line per row. For a
 * recurrent model, the rows are grouped by the model's sequence column and padded, and the lines
 * still come one per input row, in input order.
 */
final class Prediction {
  private Prediction() {}

  static void run(PredictCommand cmd, PrintWriter out) throws IOException {
    CsvTable table = CsvTable.read(cmd.data, "--data");
    ExitGuard.phase("loading the model");
    SavedModel saved = SavedModel.load(cmd.model);
    ModelInfo info = saved.info(table);
    if (cmd.proba && saved.type() != ModelType.CLASSIFIER) {
      throw new IllegalArgumentException(
          "--proba needs a classifier, but "
              + cmd.model
              + " holds a "
              + saved.type().title()
              + ".");
    }
    TableData data = DataReader.read(table, info, false, Weights.none());
    Examples examples = Examples.of(data, table, info, "the model's sequence column");
    INDArray x = examples.inputs();
    ExitGuard.phase("predicting");
    if (cmd.header) {
      out.println(String.join(",", header(saved.type(), info, cmd.proba)));
    }
    if (saved.type() == ModelType.CLASSIFIER && !cmd.proba) {
      INDArray ids = examples.perRow(classes(saved, x));
      for (long r = 0; r < ids.length(); r++) {
        out.println(info.classes().get((int) ids.getLong(r)));
      }
    } else {
      printRows(out, examples.perRow(predict(saved, x)));
    }
    out.flush();
  }

  private static INDArray classes(SavedModel saved, INDArray x) {
    return saved.recurrent()
        ? ((io.github.javanets.models.recurrent.Classifier) saved.model()).predict(x)
        : ((Classifier) saved.model()).predict(x);
  }

  private static INDArray predict(SavedModel saved, INDArray x) {
    if (saved.recurrent()) {
      return predictSequences(saved, x);
    }
    switch (saved.type()) {
      case CLASSIFIER:
        return ((Classifier) saved.model()).predictProba(x);
      case REGRESSOR:
        return ((Regressor) saved.model()).predict(x);
      default:
        return ((Autoencoder) saved.model()).predict(x);
    }
  }

  private static INDArray predictSequences(SavedModel saved, INDArray x) {
    switch (saved.type()) {
      case CLASSIFIER:
        return ((io.github.javanets.models.recurrent.Classifier) saved.model()).predictProba(x);
      case REGRESSOR:
        return ((io.github.javanets.models.recurrent.Regressor) saved.model()).predict(x);
      default:
        return ((io.github.javanets.models.recurrent.Autoencoder) saved.model()).predict(x);
    }
  }

  private static List<String> header(ModelType type, ModelInfo info, boolean proba) {
    switch (type) {
      case CLASSIFIER:
        return proba
            ? info.classes()
            : List.of(info.targets().isEmpty() ? "class" : info.targets().get(0));
      case REGRESSOR:
        return info.targets();
      default:
        return info.inputs();
    }
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
