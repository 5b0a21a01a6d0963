package io.github.javanets.cli;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options of the commands that use a trained model on a CSV file, {@code predict} and {@code
 * evaluate} (a picocli mixin): {@code --model FILE} and {@code --data FILE.csv}, both required.
 */
final class SavedModelOptions {
  @Option(
      names = "--model",
      required = true,
      paramLabel = "FILE",
      description = "A model saved by javanets train.")
  Path model;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "FILE.csv",
      description =
          "A CSV file with a header row holding the model's input columns (and, to evaluate,"
              + " its target columns).")
  Path data;

  /**
   * Reads {@code --data}.
   *
   * @throws IllegalArgumentException if it is not a regular file or not a good CSV file
   * @throws IOException if it cannot be read
   */
  CsvTable readData() throws IOException {
    return CsvTable.read(data, "--data");
  }

  /**
   * Loads {@code --model}.
   *
   * @throws IllegalArgumentException if it is not a regular file or not a model
   * @throws IOException if it cannot be read
   */
  SavedModel loadModel() throws IOException {
    ExitGuard.phase("loading the model");
    return SavedModel.load(model);
  }
}
