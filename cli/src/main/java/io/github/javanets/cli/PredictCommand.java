package io.github.javanets.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code javanets predict --model FILE --data FILE.csv [--proba]}: one line per data row on stdout:
 * a classifier's class name (or, with {@code --proba}, each class's probability), a regressor's
 * predicted targets, an autoencoder's reconstruction, comma-separated.
 */
@Command(
    name = "predict",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = {
      "Print the model's prediction for each row of a CSV file, one line per row: a class name,"
          + " class probabilities (--proba) or comma-separated values."
    })
final class PredictCommand implements Callable<Integer> {
  @Mixin SavedModelOptions files;

  @Option(
      names = "--proba",
      description = "Print each class's probability instead of the class (classifiers).")
  boolean proba;

  @Option(names = "--header", description = "Print a header line first.")
  boolean header;

  @Mixin ThreadsOption threads;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    threads.apply();
    Prediction.run(this, spec.commandLine().getOut());
    return 0;
  }
}
