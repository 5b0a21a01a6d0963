package io.github.javanets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.cli.JavanetsProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code javanets train} with no options: Iris, a classifier, a progress bar, a summary, a plot and
 * a saved model that {@code predict} reads back with the species names.
 */
class DefaultTrainIT {
  /** The validation accuracy the default run must reach. */
  private static final double MIN_VALID_ACCURACY = 0.9;

  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @TempDir Path dir;

  @Test
  void trainsIrisAndWritesPlotAndModelThatPredictReads() throws Exception {
    Result r = JavanetsProcess.jar(dir, "train");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stdout())
        .contains("Data: iris.csv (built in), 150 rows: 120 for training, 30 for validation.")
        .contains("Model: Classifier 4,16:tanh,3; losses xe; adam, learning rate 0.01")
        .contains("Wrote the plot of every monitor to javanets-training.png")
        .contains("Saved the model to javanets-model.zip");
    // stderr is a pipe here, as in a CI log: plain lines, one per epoch, never a redrawn bar.
    assertThat(r.stderr()).doesNotContain("\r").doesNotContain("train 100%");
    List<String> epochs = r.stderr().lines().filter(l -> l.startsWith("epoch ")).toList();
    // One line before training, then one per epoch trained (early stopping may end before 100).
    java.util.regex.Matcher stopped =
        java.util.regex.Pattern.compile("Stopped after (\\d+) epochs").matcher(r.stdout());
    assertThat(stopped.find()).as(r.stdout()).isTrue();
    int trained = Integer.parseInt(stopped.group(1));
    assertThat(epochs).hasSize(trained + 1);
    assertThat(epochs.get(0)).startsWith("epoch 0/100: valid loss ").contains(" acc ");
    for (int k = 1; k <= trained; k++) {
      assertThat(epochs.get(k))
          .startsWith("epoch " + k + "/100: train loss ")
          .contains("; valid loss ")
          .contains(" acc ");
    }
    assertThat(row(r, "monitor")).containsExactly("monitor", "train", "valid");
    assertThat(row(r, "xe")).hasSize(3);
    assertThat(row(r, "loss")).hasSize(3);
    assertThat(Double.parseDouble(row(r, "acc")[2])).isGreaterThan(MIN_VALID_ACCURACY);

    byte[] png = Files.readAllBytes(dir.resolve("javanets-training.png"));
    assertThat(Arrays.copyOf(png, PNG_MAGIC.length)).isEqualTo(PNG_MAGIC);
    assertThat(png.length).isGreaterThan(20_000);
    assertThat(dir.resolve("javanets-model.zip")).isNotEmptyFile();

    Files.writeString(
        dir.resolve("flowers.csv"),
        "petal_width,petal_length,sepal_width,sepal_length\n"
            + "0.2,1.4,3.5,5.1\n"
            + "2.3,5.4,3.1,6.9\n");
    Result predicted =
        JavanetsProcess.jar(
            dir, "predict", "--model", "javanets-model.zip", "--data", "flowers.csv");
    assertThat(predicted.exitCode()).as(predicted.toString()).isZero();
    assertThat(predicted.lines()).containsExactly("setosa", "virginica");
  }

  @Test
  void progressBarIsRedrawnWhenAskedFor() throws Exception {
    Result r =
        JavanetsProcess.jar(dir, "train", "--epochs", "3", "--progress", "bar", "--plot", "p.png");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stderr())
        .contains("\r")
        .contains("train 100%")
        .contains("epoch 3/3: loss ")
        .doesNotContain("epoch 1/3: train loss ");
  }

  @Test
  void progressNoneShowsNothing() throws Exception {
    Result r =
        JavanetsProcess.jar(dir, "train", "--epochs", "2", "--progress", "none", "--plot", "p.png");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stderr()).doesNotContain("\r").doesNotContain("epoch ");
    assertThat(r.stdout()).contains("Stopped after 2 epochs (max_updates)");
  }

  private static String[] row(Result r, String monitor) {
    List<String[]> rows =
        r.lines().stream()
            .map(line -> line.trim().split("\\s+"))
            .filter(cells -> cells[0].equals(monitor))
            .toList();
    assertThat(rows).as(r.stdout()).hasSize(1);
    return rows.get(0);
  }
}
