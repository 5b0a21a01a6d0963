package io.github.javanets.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.attacks.CliProcess.Result;
import io.github.javanets.example.Step;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs that used to end with exit 0 or an internal error although they could not train: the command
 * line must say what is wrong, in one line for an error and in a warning after the summary for a
 * run that made no progress.
 */
class WrongAnswersIT {
  @TempDir Path dir;

  /** A folder holding the plugin example's jar, for {@code --plugins}. */
  private Path examplePlugins() throws Exception {
    Path jar = jarOf(Step.class);
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    Files.copy(jar, plugins.resolve(jar.getFileName()));
    return plugins;
  }

  private static Path jarOf(Class<?> type) throws URISyntaxException {
    Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (!Files.isRegularFile(location)) {
      // Built in the same reactor: the module's packaged jar lies beside its classes.
      location = location.resolveSibling("javanets-plugin-example-0.1.0-SNAPSHOT.jar");
    }
    return location;
  }

  @Test
  void aLossWithoutGradientAloneIsAUserErrorThatSaysHowToMonitorIt() throws Exception {
    Result r =
        CliProcess.jar(
            dir,
            "train",
            "--plugins",
            examplePlugins().toString(),
            "--loss",
            "step",
            "--epochs",
            "2");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.stderr().strip().lines()).as(r.toString()).hasSize(1);
    assertThat(r.stderr())
        .contains("Nothing to train: loss 'step' (io.github.javanets.example.Step) has no gradient")
        .contains("(command line: --loss xe --loss step:weight=0)")
        .doesNotContain("SDVariables");
    assertThat(dir.resolve("javanets-model.zip")).doesNotExist();
  }

  @Test
  void theSameLossAsAMonitorOfWeightZeroTrains() throws Exception {
    Result r =
        CliProcess.jar(
            dir,
            "train",
            "--plugins",
            examplePlugins().toString(),
            "--loss",
            "xe",
            "--loss",
            "step:weight=0",
            "--epochs",
            "2");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stdout()).containsPattern("(?m)^  step +\\d+\\.\\d{4} +\\d+\\.\\d{4}$");
  }

  @Test
  void aLearningRateOfAMillionEndsWithAWarningThatNothingImproved() throws Exception {
    Result r = CliProcess.jar(dir, "train", "--learning-rate", "1e6", "--epochs", "5");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stdout())
        .as(r.toString())
        .containsPattern(
            "(?m)^Warning: Training made no progress: the best validation loss \\(.*\\) is not below"
                + " that of the initial parameters \\(.*\\), so the model keeps its initial"
                + " parameters; try a smaller learning rate or another algorithm, and check the"
                + " data\\.$");
    // Said once, in the summary, not again in the log.
    assertThat(r.stderr()).doesNotContain("made no progress");
  }
}
