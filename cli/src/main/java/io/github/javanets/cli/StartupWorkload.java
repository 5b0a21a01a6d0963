package io.github.javanets.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The commands whose classes the launcher's class-data-sharing archive holds: the build runs this
 * class once, in a JVM that lists every class it loads, and archives that list as {@code
 * cli/target/javanets.jsa}, which {@code cli/target/javanets} maps at start-up instead of reading,
 * verifying and linking the same classes from the jar again (README, "Start-up"). It runs {@code
 * train} (a classifier with a progress bar and a regressor with epoch lines), {@code evaluate},
 * {@code predict}, {@code losses} and the help, in process, on the built-in Iris data; a class that
 * no command loads here is read from the jar as usual, so the archive changes speed, never
 * behaviour.
 */
final class StartupWorkload {
  private StartupWorkload() {}

  /**
   * Runs the commands in the directory {@code args[0]} (created if missing; the model, plot and
   * data files they write are left there).
   *
   * @throws IllegalStateException if a command fails: an archive of a failed run would miss classes
   */
  public static void main(String... args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("Usage: StartupWorkload DIR");
    }
    Path dir = Files.createDirectories(Path.of(args[0]));
    String iris = copyIris(dir).toString();
    String model = dir.resolve("classifier.zip").toString();
    String plot = dir.resolve("classifier.png").toString();
    run("--help");
    run("--version");
    run("losses");
    run("train", "--help");
    run("train", "--epochs", "2", "--progress", "bar", "--save", model, "--plot", plot);
    run("evaluate", "--model", model, "--data", iris);
    run("predict", "--model", model, "--data", iris);
    run("predict", "--proba", "--model", model, "--data", iris);
    String regressor = dir.resolve("regressor.zip").toString();
    run(
        "train",
        "--model",
        "regressor",
        "--data",
        iris,
        "--input-column",
        "sepal_length",
        "--target-column",
        "petal_width",
        "--epochs",
        "2",
        "--progress",
        "lines",
        "--save",
        regressor,
        "--plot",
        dir.resolve("regressor.png").toString());
    run("evaluate", "--model", regressor, "--data", iris);
  }

  private static Path copyIris(Path dir) throws IOException {
    Path iris = dir.resolve("iris.csv");
    try (InputStream in = StartupWorkload.class.getResourceAsStream("iris.csv")) {
      if (in == null) {
        throw new IllegalStateException("The built-in iris.csv is missing from the class path.");
      }
      Files.copy(in, iris, StandardCopyOption.REPLACE_EXISTING);
    }
    return iris;
  }

  private static void run(String... args) {
    int code = Javanets.execute(args);
    if (code != 0) {
      throw new IllegalStateException(
          "javanets " + String.join(" ", List.of(args)) + " ended with exit code " + code);
    }
  }
}
