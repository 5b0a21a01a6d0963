package io.github.javanets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.javanets.cli.JavanetsProcess.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code javanets losses}: the built-in losses from the jar, as tables and as JSON, fast. */
class LossesCommandIT {
  private static final Map<String, String> BUILT_INS =
      Map.of(
          "bce", "binary_crossentropy",
          "gll", "gaussianloglikelihood, gaussian_nll",
          "hinge", "-",
          "huber", "-",
          "kl", "kld, kullbackleiblerdivergence",
          "mae", "meanabsoluteerror, mean_absolute_error",
          "mmd", "maximummeandiscrepancy",
          "mse", "meansquarederror, mean_squared_error",
          "xe", "crossentropy, cross_entropy, categorical_crossentropy");

  @TempDir Path dir;

  @Test
  void tableListsTheNineBuiltInsWithAliasesAndTheirJar() throws Exception {
    Result r = JavanetsProcess.jar(dir, "losses");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stderr()).isEmpty();
    assertThat(r.lines()).first().isEqualTo("9 losses found.");
    BUILT_INS.forEach(
        (name, aliases) ->
            assertThat(r.lines())
                .as(name)
                .anySatisfy(
                    line ->
                        assertThat(line.split("\\s{2,}"))
                            .containsExactly(
                                name, aliases, target(name), JavanetsProcess.JAR.toString())));
    assertThat(r.stdout())
        .contains("hinge: max(0, max_{j != t} (o_j - o_t + margin))")
        .contains("  margin  double  default 0.0  >= 0  how far the label's score")
        .contains("Every loss also takes:")
        .contains("  weight    double   default 1.0")
        .doesNotContain("Problems:");
  }

  private static String target(String name) {
    return switch (name) {
      case "hinge", "xe" -> "labels";
      case "mmd" -> "samples";
      default -> "values";
    };
  }

  @Test
  void jsonParsesAndDescribesEveryParameter() throws Exception {
    Result r = JavanetsProcess.jar(dir, "losses", "--json");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.stdout());
    List<String> names = new ArrayList<>();
    root.path("losses").forEach(l -> names.add(l.path("name").asText()));
    assertThat(names).containsExactlyElementsOf(new java.util.TreeSet<>(BUILT_INS.keySet()));
    assertThat(root.path("problems")).isEmpty();

    JsonNode mmd = root.path("losses").get(names.indexOf("mmd"));
    assertThat(mmd.path("aliases").get(0).asText()).isEqualTo("maximummeandiscrepancy");
    assertThat(mmd.path("jar").asText()).isEqualTo(JavanetsProcess.JAR.toString());
    JsonNode bandwidth = parameter(mmd, "bandwidth");
    assertThat(bandwidth.path("type").asText()).isEqualTo("double");
    assertThat(bandwidth.path("default").asDouble()).isEqualTo(1.0);
    assertThat(bandwidth.path("accepted").asText()).isEqualTo("> 0");
    assertThat(bandwidth.path("description").asText()).isNotBlank();
    JsonNode kernel = parameter(mmd, "kernel");
    assertThat(kernel.path("choices").toString()).isEqualTo("[\"gaussian\",\"imq\"]");
    JsonNode weight = parameter(mmd, "weight");
    assertThat(weight.path("common").asBoolean()).isTrue();
    assertThat(weight.path("default").asDouble()).isEqualTo(1.0);
  }

  private static JsonNode parameter(JsonNode loss, String name) {
    for (JsonNode p : loss.path("parameters")) {
      if (p.path("name").asText().equals(name)) {
        return p;
      }
    }
    throw new AssertionError(loss.path("name").asText() + " has no parameter " + name);
  }

  @Test
  void listingNeverLoadsTheNd4jBackend() throws Exception {
    Result r =
        JavanetsProcess.run(
            dir,
            List.of(
                JavanetsProcess.java(),
                "-verbose:class",
                "-jar",
                JavanetsProcess.JAR.toString(),
                "losses"));

    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("io.github.javanets.loss.LossRegistry source:");
    assertThat(r.stdout()).doesNotContain(" org.nd4j.linalg.factory.Nd4j source:");
  }
}
