package io.github.javanets.cli;

import io.github.javanets.models.Autoencoder;
import io.github.javanets.models.Classifier;
import io.github.javanets.models.Dataset;
import io.github.javanets.models.Model;
import io.github.javanets.models.ModelKind;
import io.github.javanets.models.Regressor;
import io.github.javanets.models.Scaling;
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
    CsvTable table = cmd.files.readData();
    CsvTable weightsTable =
        cmd.weightsFile() == null ? null : CsvTable.read(cmd.weightsFile(), "--weights-file");
    SavedModel saved = cmd.files.loadModel();
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
    String scoreName = ModelKinds.isClassifier(saved.kind()) ? "accuracy" : "R^2";
    t.row("score", Numbers.format(score(saved.kind(), model, data)) + " (" + scoreName + ")");
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
