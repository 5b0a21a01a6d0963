package io.github.javanets.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.attacks.CliProcess.Result;
import io.github.javanets.models.Classifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forged model files against {@code javanets predict} in a JVM held to 256 MB of heap and 512 MB of
 * native memory: each ends with exit 2 and one line naming the file and entry, never a native
 * crash, an out-of-memory error or garbage predictions with exit 0.
 */
class HostileModelFileIT {
  private static final List<String> SMALL_JVM =
      List.of("-Xmx256m", "-Dorg.bytedeco.javacpp.maxbytes=512m");

  @TempDir Path dir;
  private Map<String, byte[]> entries;

  @BeforeEach
  void saveAModel() throws Exception {
    Path file = dir.resolve("good.zip");
    Classifier.builder().layers(4, "8:tanh", 3).build().save(file);
    entries = ModelZip.entries(Files.readAllBytes(file));
    Files.writeString(dir.resolve("x.csv"), "a,b,c,d\n1,2,3,4\n5,6,7,8\n");
  }

  private Result predict(String name, UnaryOperator<Map<String, byte[]>> forge) throws Exception {
    Files.write(
        dir.resolve(name), ModelZip.zip(forge.apply(new java.util.LinkedHashMap<>(entries))));
    return CliProcess.jar(dir, SMALL_JVM, "predict", "--model", name, "--data", "x.csv");
  }

  private void assertRefused(Result r, String messageStart, String messageEnd) throws Exception {
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.stderr())
        .as(r.toString())
        .startsWith("javanets: " + messageStart)
        .endsWith(messageEnd + "\n");
    assertThat(r.stderr().lines()).as(r.toString()).hasSize(1);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("hs_err"));
    }
  }

  private static Map<String, byte[]> layers(Map<String, byte[]> e, String from, String to) {
    e.put(
        "model.json",
        new String(e.get("model.json"), java.nio.charset.StandardCharsets.UTF_8)
            .replace(from, to)
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return e;
  }

  @Test
  void anEntryShorterThanItsShapeIsRefused() throws Exception {
    Result r =
        predict(
            "short.zip",
            e -> {
              e.put(
                  "params/hid1.w",
                  ModelZip.withLong(e.get("params/hid1.w"), ModelZip.MATRIX_COUNT, 2));
              return e;
            });

    assertRefused(
        r,
        "short.zip has entry 'params/hid1.w' that declares 2 values where shape [4, 8] holds 32.",
        "");
  }

  @Test
  void aTwentyMillionUnitLayerAndTwoToTheThirtyOneFloatsAreRefusedBeforeAllocation()
      throws Exception {
    Result wide = predict("wide.zip", e -> layers(e, "\"8:tanh\"", "\"20000000:tanh\""));
    Result huge =
        predict(
            "huge.zip",
            e -> layers(layers(e, "\"8:tanh\"", "\"32768:tanh\""), "\"4\"", "\"65536\""));

    assertRefused(
        wide,
        "wide.zip has entry 'params/hid1.w' of ",
        " compressed bytes, which cannot hold the 320000129 bytes its parameter needs: the file is"
            + " damaged or forged.");
    assertRefused(
        huge,
        "huge.zip has parameter 'hid1.w' of shape [65536, 32768], over the 2147483639 values a"
            + " javanets model file holds per parameter.",
        "");
  }

  @Test
  void aZipBombIsRefusedWithoutRunningOutOfMemory() throws Exception {
    Result r =
        predict(
            "bomb.zip",
            e -> {
              byte[] real = e.get("params/out.w");
              e.put("params/out.w", Arrays.copyOf(real, real.length + (512 << 20)));
              return e;
            });

    assertRefused(
        r,
        "bomb.zip has entry 'params/out.w' of ",
        " bytes where shape [8, 3] of FLOAT takes 225.");
  }

  @Test
  void classesThatDoNotMatchTheOutputLayerAreRefused() throws Exception {
    Path file = dir.resolve("classes.zip");
    Classifier clf = Classifier.builder().layers(4, "8:tanh", 3).build();
    clf.metadata()
        .putAll(
            Map.of(
                "kind", "classifier",
                "input_columns", "[\"a\",\"b\",\"c\",\"d\"]",
                "target_columns", "[\"y\"]",
                "classes", "[\"cat\",\"dog\"]"));
    clf.save(file);

    Result r = CliProcess.jar(dir, "predict", "--model", "classes.zip", "--data", "x.csv");

    assertRefused(
        r,
        "--model file 'classes.zip' lists 2 names in its metadata entry 'classes' but its output"
            + " layer has 3 units: the file is damaged or was edited; train the model again.",
        "");
  }
}
