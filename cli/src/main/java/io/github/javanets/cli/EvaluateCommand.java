package io.github.javanets.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code javanets evaluate --model FILE --data FILE.csv}: every monitor of the model's losses on a
 * labelled file ({@code loss}, {@code err}, each loss by name, {@code acc} for classifiers) and the
 * score (R^2 or accuracy).
 */
@Command(
    name = "evaluate",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = {
      "Print the value of every loss of the model and its score (R^2 for regressors and"
          + " autoencoders, accuracy for classifiers) on a labelled CSV file."
    })
final class EvaluateCommand implements Callable<Integer> {
  @Mixin SavedModelOptions files;

  /** Null when neither option is given. */
  @ArgGroup(exclusive = true, multiplicity = "0..1")
  WeightSource weights;

  @Mixin ThreadsOption threads;

  @Spec CommandSpec spec;

  /** Where a weighted model's weights come from: one of a column and a file, or neither. */
  static final class WeightSource {
    @Option(
        names = "--weights-column",
        paramLabel = "NAME",
        description =
            "For a weighted model: the column of weights (default: the training's weights column"
                + " when the file has it, else every weight is 1).")
    String column;

    @Option(
        names = "--weights-file",
        paramLabel = "FILE.csv",
        description = "For a weighted model: a CSV file of weights, one row per data row.")
    Path file;
  }

  /** {@code --weights-column}, or null. */
  String weightsColumn() {
    return weights == null ? null : weights.column;
  }

  /** {@code --weights-file}, or null. */
  Path weightsFile() {
    return weights == null ? null : weights.file;
  }

  @Override
  public Integer call() throws Exception {
    threads.apply();
    Evaluation.run(this, spec.commandLine().getOut());
    return 0;
  }
}
