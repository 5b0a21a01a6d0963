package io.github.javanets.cli;

import io.github.javanets.models.Autoencoder;
import io.github.javanets.models.Classifier;
import io.github.javanets.models.Dataset;
import io.github.javanets.models.Model;
import io.github.javanets.models.Regressor;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;

/**
 * What {@code javanets evaluate} does: reads a labelled file and prints monitors and score. For a
 * recurrent model, the rows are grouped by the model's sequence column and padded with weight 0, so
 * the padding counts in no monitor and no score.
 */
final class Evaluation {
  private Evaluation() {}

  static void run(EvaluateCommand cmd, PrintWriter out) throws IOException {
    if (cmd.weightsColumn != null && cmd.weightsFile != null) {
      throw new IllegalArgumentException("Give --weights-column or --weights-file, not both.");
    }
    CsvTable table = CsvTable.read(cmd.data, "--data");
    CsvTable weightsTable =
        cmd.weightsFile == null ? null : CsvTable.read(cmd.weightsFile, "--weights-file");
    ExitGuard.phase("loading the model");
    SavedModel saved = SavedModel.load(cmd.model);
    ModelInfo info = saved.info(table);
    Model model = saved.model();
    Weights weights = weights(cmd, model, info, table, weightsTable);
    if (!model.weighted() && weights.present()) {
      throw new IllegalArgumentException(
          cmd.model + " holds an unweighted model: drop --weights-column and --weights-file.");
    }
    TableData rows = DataReader.read(table, info, true, weights);
    Examples examples = Examples.of(rows, table, info, "the model's sequence column");
    Dataset data = examples.dataset(examples.steps());
    ExitGuard.phase("evaluating");
    Map<String, Double> monitors = model.evaluate(data);
    out.println(
        "Evaluated "
            + saved.describe()
            + " on "
            + table.name()
            + ", "
            + examples.summary()
            + (weights.isAllOnes() ? ", every weight 1" : "")
            + ".");
    TextTable t = TextTable.withHeader("monitor", "value");
    monitors.forEach((name, value) -> t.row(name, Numbers.format(value)));
    t.row("score", Numbers.format(score(saved, data)) + " (" + scoreName(saved.type()) + ")");
    t.print(out, "  ");
    out.flush();
  }

  private static Weights weights(
      EvaluateCommand cmd, Model model, ModelInfo info, CsvTable table, CsvTable weightsTable) {
    if (weightsTable != null) {
      return Weights.file(weightsTable);
    }
    if (cmd.weightsColumn != null) {
      return Weights.column(cmd.weightsColumn);
    }
    if (!model.weighted()) {
      return Weights.none();
    }
    String saved = info.weightsColumn();
    return saved != null && table.hasColumn(saved) ? Weights.column(saved) : Weights.allOnes();
  }

  private static double score(SavedModel saved, Dataset data) {
    Model model = saved.model();
    if (saved.recurrent()) {
      return sequenceScore(saved.type(), model, data);
    }
    switch (saved.type()) {
      case CLASSIFIER:
        return ((Classifier) model).score(data.inputs(), data.target(), data.weights());
      case REGRESSOR:
        return ((Regressor) model).score(data.inputs(), data.target(), data.weights());
      default:
        return ((Autoencoder) model).score(data.inputs());
    }
  }

  private static double sequenceScore(ModelType type, Model model, Dataset data) {
    switch (type) {
      case CLASSIFIER:
        return ((io.github.javanets.models.recurrent.Classifier) model)
            .score(data.inputs(), data.target(), data.weights());
      case REGRESSOR:
        return ((io.github.javanets.models.recurrent.Regressor) model)
            .score(data.inputs(), data.target(), data.weights());
      default:
        return ((io.github.javanets.models.recurrent.Autoencoder) model)
            .score(data.inputs(), data.weights());
    }
  }

  private static String scoreName(ModelType type) {
    return type == ModelType.CLASSIFIER ? "accuracy" : "R^2";
  }
}
