package io.github.javanets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.util.Modules;
import io.github.javanets.models.Dataset;
import io.github.javanets.models.Regressor;
import io.github.javanets.models.TrainOptions;
import io.github.javanets.models.TrainingResult;
import io.github.javanets.train.JavanetsModule;
import io.github.javanets.train.TrainingListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;

/**
 * How {@code train} shows progress: {@code --progress auto} picks the bar for a terminal and plain
 * epoch lines elsewhere, and the lines are one per epoch, counted as {@code bestEpoch()} counts.
 */
class ProgressOutputTest {
  @Test
  void autoDrawsTheBarOnlyWhereStderrIsATerminal() {
    ProgressMode auto = ProgressMode.AUTO;

    assertThat(auto.resolve("/dev/pts/3", false, "xterm")).isEqualTo(ProgressMode.BAR);
    assertThat(auto.resolve("/dev/tty1", false, null)).isEqualTo(ProgressMode.BAR);
    assertThat(auto.resolve("pipe:[48213]", true, "xterm")).isEqualTo(ProgressMode.LINES);
    assertThat(auto.resolve("/home/me/train.log", true, "xterm")).isEqualTo(ProgressMode.LINES);
    assertThat(auto.resolve("/dev/null", true, "xterm")).isEqualTo(ProgressMode.LINES);
    assertThat(auto.resolve("/dev/pts/3", true, "dumb")).isEqualTo(ProgressMode.LINES);
    // Without /proc (macOS, Windows): whether the JVM has a console.
    assertThat(auto.resolve(null, true, null)).isEqualTo(ProgressMode.BAR);
    assertThat(auto.resolve(null, false, null)).isEqualTo(ProgressMode.LINES);
  }

  @Test
  void anExplicitModeIsKeptWhateverStderrIs() {
    assertThat(ProgressMode.BAR.resolve("pipe:[1]", false, "dumb")).isEqualTo(ProgressMode.BAR);
    assertThat(ProgressMode.LINES.resolve("/dev/pts/0", true, "xterm"))
        .isEqualTo(ProgressMode.LINES);
    assertThat(ProgressMode.NONE.resolve("/dev/pts/0", true, "xterm")).isEqualTo(ProgressMode.NONE);
  }

  @Test
  void progressIsAnOptionOfTrainDefaultingToAuto() {
    TrainCommand defaults = new TrainCommand();
    new CommandLine(defaults).parseArgs();
    TrainCommand lines = new TrainCommand();
    new CommandLine(lines).parseArgs("--progress", "LINES");

    assertThat(defaults.progress).isEqualTo(ProgressMode.AUTO);
    assertThat(lines.progress).isEqualTo(ProgressMode.LINES);
  }

  @Test
  void linesAreOnePerEpochWithTheValidationMeasuredAfterIt() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Injector injector =
        Guice.createInjector(
            Modules.override(new JavanetsModule())
                .with(
                    binder ->
                        Multibinder.newSetBinder(binder, TrainingListener.class)
                            .addBinding()
                            .toInstance(new EpochLines(err, 5))));
    Regressor net =
        Regressor.builder().layers(2, 4, 1).dataType(DataType.DOUBLE).injector(injector).build();
    Dataset data =
        Dataset.of(
            Nd4j.rand(DataType.DOUBLE, 12, 2).muli(2), Nd4j.rand(DataType.DOUBLE, 12, 1).muli(2));

    TrainingResult result =
        net.train(
            data, null, TrainOptions.builder().maxUpdates(5).validateEvery(2).batchSize(4).build());

    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("\r");
    assertThat(lines).hasSize(6);
    assertThat(lines.get(0)).matches("epoch 0/5: valid loss [0-9.]+ mse [0-9.]+");
    // Validated before epochs 0, 2 and 4 (after 0, 2 and 4 epochs) and after the last.
    assertThat(lines.get(1)).matches("epoch 1/5: train loss [0-9.]+ mse [0-9.]+");
    assertThat(lines.get(2))
        .matches("epoch 2/5: train loss [0-9.]+ mse [0-9.]+; valid loss [0-9.]+ mse [0-9.]+");
    assertThat(lines.get(3)).startsWith("epoch 3/5: train loss ").doesNotContain("valid");
    assertThat(lines.get(4)).startsWith("epoch 4/5: train loss ").contains("; valid loss ");
    assertThat(lines.get(5)).startsWith("epoch 5/5: train loss ").contains("; valid loss ");
    assertThat(lines.get(2))
        .endsWith(
            String.format(
                    java.util.Locale.ROOT,
                    "valid loss %.3f",
                    result.history().get(2).valid().get("loss"))
                + String.format(
                    java.util.Locale.ROOT,
                    " mse %.3f",
                    result.history().get(2).valid().get("mse")));
  }

  @Test
  void thePlainWordsOfTheKeptParametersCountEpochsTrained() {
    assertThat(TrainingJob.kept(0)).isEqualTo("the initial parameters (before epoch 1)");
    assertThat(TrainingJob.kept(1)).isEqualTo("after 1 epoch");
    assertThat(TrainingJob.kept(7)).isEqualTo("after 7 epochs");
  }
}
