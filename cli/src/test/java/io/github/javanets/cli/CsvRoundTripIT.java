package io.github.javanets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.cli.JavanetsProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's CSV file: train a regressor, save it, predict and evaluate with the saved model. */
class CsvRoundTripIT {
  private static final int ROWS = 64;
  private static final String NUMBER = "-?\\d+\\.\\d+(e-?\\d+)?";

  @TempDir Path dir;

  @Test
  void regressorTrainedOnACsvPredictsOneLinePerRowAndEvaluatesEveryLoss() throws Exception {
    Files.writeString(dir.resolve("line.csv"), lineCsv(ROWS, 7));
    Files.writeString(dir.resolve("test.csv"), lineCsv(10, 8));

    Result trained =
        JavanetsProcess.jar(
            dir,
            "train",
            "--model",
            "regressor",
            "--data",
            "line.csv",
            "--target-column",
            "y",
            "--weights-column",
            "w",
            "--layers",
            "2,8:tanh,1",
            "--loss",
            "mse",
            "--loss",
            "mae:weight=0.5",
            "--epochs",
            "20",
            "--batch-size",
            "8",
            "--valid-fraction",
            "0.25",
            "--save",
            "line.model",
            "--plot",
            "line.png");

    assertThat(trained.exitCode()).as(trained.toString()).isZero();
    assertThat(trained.stdout())
        .contains("Data: line.csv, 64 rows: 48 for training, 16 for validation.")
        .contains("losses mse(weighted=true), mae(weighted=true, weight=0.5)")
        .contains("Saved the model to line.model");
    assertThat(dir.resolve("line.model")).isNotEmptyFile();
    assertThat(dir.resolve("line.png")).isNotEmptyFile();

    Result predicted =
        JavanetsProcess.jar(dir, "predict", "--model", "line.model", "--data", "test.csv");
    assertThat(predicted.exitCode()).as(predicted.toString()).isZero();
    assertThat(predicted.lines()).hasSize(10).allSatisfy(line -> Double.parseDouble(line));

    Result evaluated =
        JavanetsProcess.jar(dir, "evaluate", "--model", "line.model", "--data", "test.csv");
    assertThat(evaluated.exitCode()).as(evaluated.toString()).isZero();
    assertThat(evaluated.stdout())
        .contains("Evaluated Regressor 2,8:tanh,1 (losses mse(weighted=true), mae(weighted=true,")
        .contains("on test.csv, 10 rows.");
    assertThat(evaluated.lines())
        .map(line -> line.trim().split("\\s+")[0])
        .containsSubsequence("monitor", "loss", "err", "mse", "mae", "score");
    assertThat(evaluated.stdout())
        .containsPattern("(?m)^  mae +" + NUMBER + "$")
        .containsPattern("(?m)^  score +" + NUMBER + " \\(R\\^2\\)$");
  }

  /**
   * {@code x1, w, x2, y} with {@code y = 0.8 x1 - 0.5 x2 + 0.1}; the weights column sits inside.
   */
  private static String lineCsv(int rows, long seed) {
    Random random = new Random(seed);
    StringBuilder csv = new StringBuilder("x1,w,x2,y\n");
    for (int i = 0; i < rows; i++) {
      double x1 = random.nextDouble() * 2 - 1;
      double x2 = random.nextDouble() * 2 - 1;
      double w = 0.5 + random.nextDouble();
      csv.append(
          String.format(
              Locale.ROOT, "%.4f,%.3f,%.4f,%.4f%n", x1, w, x2, 0.8 * x1 - 0.5 * x2 + 0.1));
    }
    return csv.toString();
  }
}
