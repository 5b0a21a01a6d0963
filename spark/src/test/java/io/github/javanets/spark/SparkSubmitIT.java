package io.github.javanets.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.cli.Javanets;
import io.github.javanets.models.Regressor;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code spark-submit --master local[2] --class io.github.javanets.spark.SparkMain JAR train ...}:
 * spark-submit's main class ({@code org.apache.spark.deploy.SparkSubmit}, which the script runs) in
 * a child JVM with the Java 17 {@code --add-opens} flags, the packaged {@code javanets-spark} jar
 * as the primary resource and the test class path without this module, so that {@code SparkMain}
 * and the command line's Spark hook come from the submitted jar, as on a cluster.
 */
class SparkSubmitIT {
  private static final Path JAR =
      Path.of(
              System.getProperty(
                  "javanets.spark.jar", "target/javanets-spark.jar (failsafe sets it)"))
          .toAbsolutePath();
  private static final long TIMEOUT_SECONDS = 300;
  private static final int ROWS = 48;

  @TempDir Path dir;

  @BeforeEach
  void writeTheData() throws IOException {
    assertThat(JAR).as("the packaged jar (run the package phase first)").isRegularFile();
    StringBuilder csv = new StringBuilder("a,b,y\n");
    for (int i = 0; i < ROWS; i++) {
      double a = (i % 12) / 6.0 - 1;
      double b = (i % 7) / 3.5 - 1;
      csv.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f%n", a, b, 2 * a - b + 0.5));
    }
    Files.writeString(dir.resolve("data.csv"), csv);
  }

  @Test
  void trainsSavesAndPlotsThroughSparkSubmit() throws Exception {
    Path model = dir.resolve("m.zip");
    Path plot = dir.resolve("p.png");

    Path data = dir.resolve("data.csv");
    String[] train = {
      "train",
      "--model",
      "regressor",
      "--data",
      data.toString(),
      "--target-column",
      "y",
      "--epochs",
      "3",
      "--seed",
      "7",
      "--progress",
      "none",
      "--plot",
      plot.toString(),
      "--save"
    };

    Result run = submit(with(train, model.toString()));

    assertThat(run.exitCode).as(run.toString()).isZero();
    List<String> lines = run.stdout.lines().toList();
    assertThat(lines).as(run.toString()).anyMatch(l -> l.startsWith("Data: " + data + ", 48 rows"));
    assertThat(lines).as(run.toString()).anyMatch(l -> l.startsWith("Model: Regressor 2,"));
    assertThat(lines)
        .as(run.toString())
        .contains("Saved the model to " + model, "Wrote the plot of every monitor to " + plot);
    assertThat(plot).isNotEmptyFile();

    INDArray x = Nd4j.create(new double[][] {{0.5, -0.25}, {-1, 1}, {0, 0}}).castTo(DataType.FLOAT);
    INDArray predicted = Regressor.load(model).predict(x);
    assertThat(predicted.shape()).containsExactly(3, 1);
    for (double p : predicted.toDoubleVector()) {
      assertThat(p).isFinite();
    }
    // The same command in this process with --spark local[2]: spark-submit adds nothing else.
    Path inProcess = dir.resolve("in-process.zip");
    assertThat(Javanets.execute(with(train, inProcess.toString(), "--spark", "local[2]"))).isZero();
    assertThat(predicted.toDoubleVector())
        .containsExactly(
            Regressor.load(inProcess).predict(x).toDoubleVector(), Offset.offset(1e-6));
  }

  @Test
  void anUnknownLossIsTheCommandLinesOneLineErrorAndExitCode() throws Exception {
    Result run = submit("train", "--data", "data.csv", "--target-column", "y", "--loss", "msee");

    assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
    List<String> errors = run.stderr.lines().filter(l -> l.startsWith("javanets:")).toList();
    assertThat(errors).as(run.toString()).hasSize(1);
    assertThat(errors.get(0))
        .startsWith("javanets: Unknown loss 'msee'. Did you mean 'mse'? Available: ")
        .endsWith(". Add the jar that provides it to the class path.");
    assertThat(run.stdout).as(run.toString()).doesNotContain("Saved the model");
    assertThat(dir.resolve("javanets-model.zip")).doesNotExist();
  }

  private static String[] with(String[] args, String... more) {
    String[] out = Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, out, args.length, more.length);
    return out;
  }

  /** {@code spark-submit --master local[2] --class SparkMain JAR args...}, run in {@link #dir}. */
  private Result submit(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.add("-Dorg.nd4j.log.initialization=false");
    for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (flag.startsWith("--add-opens") || flag.equals("-XX:+IgnoreUnrecognizedVMOptions")) {
        command.add(flag);
      }
    }
    command.addAll(List.of("-cp", classPathWithoutThisModule()));
    command.addAll(
        List.of(
            "org.apache.spark.deploy.SparkSubmit",
            "--master",
            "local[2]",
            "--class",
            SparkMain.class.getName(),
            "--conf",
            "spark.ui.enabled=false",
            "--conf",
            "spark.driver.host=127.0.0.1",
            "--conf",
            "spark.driver.bindAddress=127.0.0.1",
            JAR.toString()));
    command.addAll(Arrays.asList(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("OMP_NUM_THREADS", "1");
    Process process = builder.start();
    process.getOutputStream().close();
    CompletableFuture<String> out = drain(process.getInputStream());
    CompletableFuture<String> err = drain(process.getErrorStream());
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new IllegalStateException("spark-submit ran over " + TIMEOUT_SECONDS + " s");
    }
    return new Result(process.exitValue(), out.join(), err.join());
  }

  /** The test class path less this module's classes and jar: the submitted jar brings them. */
  private static String classPathWithoutThisModule() {
    Path classes = JAR.resolveSibling("classes");
    List<String> kept = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry).toAbsolutePath();
      if (!path.equals(JAR) && !path.equals(classes)) {
        kept.add(entry);
      }
    }
    return String.join(File.pathSeparator, kept);
  }

  private static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private record Result(int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
  }
}
