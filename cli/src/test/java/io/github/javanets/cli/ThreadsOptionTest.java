package io.github.javanets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.cli.ThreadsOption.Count;
import io.github.javanets.models.Threads;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * {@code --threads N|auto} of {@code train}, {@code predict} and {@code evaluate}: what it accepts,
 * what it refuses and with which message, what {@code auto} means, and that the count reaches ND4J.
 */
class ThreadsOptionTest {
  private static final String REFUSED =
      "Invalid value for option '--threads': expected auto or a whole number >= 1 but was '%s'";

  @AfterEach
  void backToOneThread() {
    Threads.set(1);
  }

  private static ThreadsOption threads(Object command, String... args) {
    new CommandLine(command).parseArgs(args);
    if (command instanceof TrainCommand train) {
      return train.threads;
    }
    if (command instanceof PredictCommand predict) {
      return predict.threads;
    }
    return ((EvaluateCommand) command).threads;
  }

  private static String refused(String value) {
    try {
      new CommandLine(new TrainCommand()).parseArgs("--threads", value);
    } catch (ParameterException e) {
      return ParameterMessages.of(e, List.of("--threads", value));
    }
    throw new AssertionError("parsed: --threads " + value);
  }

  @Test
  void autoIsTheDefaultOfEveryCommandThatRunsAModel() {
    String[] model = {"--model", "m.zip", "--data", "d.csv"};

    assertThat(threads(new TrainCommand()).threads).isEqualTo(Count.AUTO);
    assertThat(threads(new PredictCommand(), model).threads).isEqualTo(Count.AUTO);
    assertThat(threads(new EvaluateCommand(), model).threads).isEqualTo(Count.AUTO);
    assertThat(Count.AUTO).hasToString("auto");
  }

  @Test
  void aCountOrAutoIsAccepted() {
    assertThat(threads(new TrainCommand(), "--threads", "4").threads).isEqualTo(new Count(4));
    assertThat(threads(new TrainCommand(), "--threads=1").threads).isEqualTo(new Count(1));
    assertThat(threads(new TrainCommand(), "--threads", "AUTO").threads).isEqualTo(Count.AUTO);
    assertThat(
            threads(new PredictCommand(), "--model", "m", "--data", "d", "--threads", "2").threads)
        .isEqualTo(new Count(2));
    assertThat(
            threads(new EvaluateCommand(), "--model", "m", "--data", "d", "--threads", "3").threads)
        .isEqualTo(new Count(3));
  }

  @Test
  void aBadCountIsRefusedNamingTheValueAndWhatIsAccepted() {
    for (String bad : new String[] {"0", "-2", "two", "1.5", "", "99999999999"}) {
      assertThat(refused(bad)).isEqualTo(REFUSED.formatted(bad));
    }
  }

  @Test
  void aBadCountEndsWithExitCode2AndOneLine() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    int code;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      code = Javanets.execute("evaluate", "--model", "m.zip", "--data", "d.csv", "--threads", "0");
    } finally {
      System.setErr(saved);
    }

    assertThat(code).isEqualTo(Javanets.USER_ERROR);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "javanets: "
                + REFUSED.formatted("0")
                + " (see 'javanets evaluate --help')"
                + System.lineSeparator());
  }

  @Test
  void autoKeepsOmpNumThreadsWhenSetElseUsesOneThread() {
    assertThat(Count.AUTO.resolve(Map.of())).isEqualTo(1);
    assertThat(Count.AUTO.resolve(Map.of("OMP_NUM_THREADS", " "))).isEqualTo(1);
    assertThat(Count.AUTO.resolve(Map.of("OMP_NUM_THREADS", "4"))).isZero();
    assertThat(new Count(3).resolve(Map.of("OMP_NUM_THREADS", "4"))).isEqualTo(3);
    assertThat(new Count(2).resolve(Map.of())).isEqualTo(2);
  }

  @Test
  void theCountReachesNd4j() {
    threads(new PredictCommand(), "--model", "m", "--data", "d", "--threads", "2").apply();

    assertThat(Threads.get()).isEqualTo(2);
    assertThat(Nd4j.factory().blas().getMaxThreads()).isEqualTo(2);
    assertThat(Nd4j.getEnvironment().maxMasterThreads())
        .isEqualTo(Math.min(2, Nd4j.getEnvironment().maxThreads()));

    threads(new TrainCommand(), "--threads", "1").apply();

    assertThat(Threads.get()).isEqualTo(1);
    assertThat(Nd4j.factory().blas().getMaxThreads()).isEqualTo(1);
    assertThat(Nd4j.getEnvironment().maxMasterThreads()).isEqualTo(1);
  }
}
