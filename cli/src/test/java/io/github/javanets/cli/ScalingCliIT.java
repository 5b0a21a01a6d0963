package io.github.javanets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.javanets.cli.JavanetsProcess.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --scale-inputs} and {@code --scale-targets} end to end: what {@code train} saves, what
 * {@code predict} and {@code evaluate} apply from the file, the warning about unscaled inputs and
 * the messages for bad values.
 */
class ScalingCliIT {
  @TempDir Path dir;

  /** 200 rows: inputs of scales 1e3, 1 and 1e-3, a target around 30,000. */
  @BeforeEach
  void writeRawData() throws IOException {
    Random r = new Random(3);
    StringBuilder csv = new StringBuilder("a,b,c,y\n");
    for (int i = 0; i < 200; i++) {
      double za = r.nextGaussian();
      double zb = r.nextGaussian();
      double zc = r.nextGaussian();
      double y = 3e4 + 1e4 * (0.8 * za - 0.5 * zb + 0.3 * Math.tanh(zc));
      csv.append(
          String.format(
              Locale.ROOT, "%.6f,%.6f,%.9f,%.3f%n", 5e3 + 1e3 * za, 2 + zb, 0.01 + 1e-3 * zc, y));
    }
    Files.writeString(dir.resolve("raw.csv"), csv);
  }

  private static JsonNode modelJson(Path model) throws IOException {
    try (ZipFile zip = new ZipFile(model.toFile())) {
      return new ObjectMapper().readTree(zip.getInputStream(zip.getEntry("model.json")));
    }
  }

  @Test
  void aRegressorScalesInputsAndTargetsByDefaultAndPredictsInTheTargetsUnits() throws Exception {
    Result r =
        JavanetsProcess.jar(
            dir,
            "train",
            "--model",
            "regressor",
            "--data",
            "raw.csv",
            "--save",
            "r.zip",
            "--plot",
            "r.png",
            "--epochs",
            "40");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stdout())
        .contains("; scales inputs standard, targets standard.")
        .doesNotContain("look unscaled");
    JsonNode scaling = modelJson(dir.resolve("r.zip")).path("scaling");
    assertThat(scaling.path("inputs").path("method").asText()).isEqualTo("STANDARD");
    assertThat(scaling.path("targets").path("method").asText()).isEqualTo("STANDARD");
    assertThat(scaling.path("inputs").path("offsets")).hasSize(3);
    // The mean of the target column, as the file saved it.
    assertThat(scaling.path("targets").path("offsets").get(0).asDouble()).isBetween(2.5e4, 3.5e4);

    Result predicted = JavanetsProcess.jar(dir, "predict", "--model", "r.zip", "--data", "raw.csv");
    assertThat(predicted.exitCode()).as(predicted.toString()).isZero();
    List<String> lines = predicted.lines();
    assertThat(lines).hasSize(200);
    double mean = lines.stream().mapToDouble(Double::parseDouble).average().orElseThrow();
    assertThat(mean).isBetween(2.5e4, 3.5e4);

    Result evaluated =
        JavanetsProcess.jar(dir, "evaluate", "--model", "r.zip", "--data", "raw.csv");
    assertThat(evaluated.exitCode()).as(evaluated.toString()).isZero();
    assertThat(evaluated.stdout())
        .contains(
            "  The monitors are in the scaled units the model trains on (standard-scaled"
                + " targets); the score is in the data's units.");
    String score =
        evaluated.lines().stream().filter(l -> l.strip().startsWith("score")).findFirst().get();
    double r2 = Double.parseDouble(score.strip().split("\\s+")[1]);
    assertThat(r2).isGreaterThan(0.8);
  }

  @Test
  void withoutScalingRawInputsAreWarnedAbout() throws Exception {
    Result r =
        JavanetsProcess.jar(
            dir,
            "train",
            "--model",
            "regressor",
            "--data",
            "raw.csv",
            "--scale-inputs",
            "none",
            "--scale-targets",
            "minmax",
            "--save",
            "n.zip",
            "--plot",
            "n.png",
            "--epochs",
            "2");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stdout())
        .containsPattern(
            "Warning: The inputs look unscaled: input column 0 \\(from 0\\) has mean \\d{4}"
                + " and standard deviation \\d+\\.?\\d*, beyond \\+-10; scale them with"
                + " Scaling.STANDARD on the model's builder \\(scaleInputs\\), or --scale-inputs"
                + " standard in the CLI.");
    JsonNode scaling = modelJson(dir.resolve("n.zip")).path("scaling");
    assertThat(scaling.has("inputs")).isFalse();
    assertThat(scaling.path("targets").path("method").asText()).isEqualTo("MIN_MAX");
  }

  @Test
  void aClassifierScalesItsInputsAndRefusesTargetScaling() throws Exception {
    Result r =
        JavanetsProcess.jar(
            dir,
            "train",
            "--scale-inputs",
            "minmax",
            "--save",
            "c.zip",
            "--plot",
            "c.png",
            "--epochs",
            "2");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode json = modelJson(dir.resolve("c.zip"));
    assertThat(json.path("scaling").path("inputs").path("method").asText()).isEqualTo("MIN_MAX");
    assertThat(json.path("scaling").has("targets")).isFalse();

    Result refused =
        JavanetsProcess.jar(
            dir, "train", "--scale-targets", "standard", "--save", "d.zip", "--epochs", "1");
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
    assertThat(refused.stderr())
        .contains(
            "--scale-targets scales a regressor's targets; a Classifier predicts labels: drop"
                + " --scale-targets.");
  }

  @Test
  void anUnknownMethodIsRefusedWithTheAcceptedOnes() throws Exception {
    Result r = JavanetsProcess.jar(dir, "train", "--scale-inputs", "robust");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.stderr())
        .contains(
            "Invalid value for option '--scale-inputs': expected standard, minmax or none but"
                + " was 'robust'");
  }
}
