package io.github.javanets.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.models.Classifier;
import io.github.javanets.models.Dataset;
import io.github.javanets.models.InvalidModelFileException;
import io.github.javanets.models.Model;
import io.github.javanets.models.Scaling;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fuzzes the model-file loader with truncations, bit flips and wrong lengths, at the level of the
 * file and of each entry. Every load either gives a model whose parameters and predictions are
 * finite, or throws {@link InvalidModelFileException}; nothing else, never a crash, and never more
 * than {@link #HEAP_BOUND} bytes allocated on the heap by one load of these ~2 KB files.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ModelFileFuzzTest {
  /** What one load of a file of a few KB may allocate on the heap. */
  static final long HEAP_BOUND = 32L << 20;

  private static final long SEED = 16;
  private static final long[] ODD_LONGS = {0, -1, 1, 3, 1L << 31, Long.MAX_VALUE, Long.MIN_VALUE};

  @TempDir Path dir;
  private byte[] good;
  private final List<String> refused = new ArrayList<>();

  @BeforeEach
  void saveAModel() throws IOException {
    Path file = dir.resolve("good.zip");
    Classifier.builder().layers(4, "8:tanh", 3).loss("xe").loss("hinge").build().save(file);
    good = Files.readAllBytes(file);
  }

  /** Loads {@code bytes} as a model file; asserts what may come of it; says if it loaded. */
  private boolean attempt(String mutation, byte[] bytes) throws IOException {
    Path file = dir.resolve("fuzzed.zip");
    Files.write(file, bytes);
    long before = allocatedBytes();
    Model model;
    try {
      model = Model.load(file);
    } catch (InvalidModelFileException e) {
      assertThat(e.getMessage()).as(mutation).startsWith(file.toString()).doesNotContain("\n");
      refused.add(e.getMessage());
      return false;
    } catch (Throwable e) {
      throw new AssertionError(mutation + " gave " + e, e);
    } finally {
      assertThat(allocatedBytes() - before)
          .as(mutation + ": heap allocated")
          .isLessThan(HEAP_BOUND);
    }
    for (INDArray p : model.parameters().values()) {
      assertThat(p.isInfinite().any() || p.isNaN().any()).as(mutation).isFalse();
    }
    model
        .inputScaler()
        .ifPresent(
            s -> {
              assertThat(s.offsets()).as(mutation).hasSize(4);
              assertThat(Arrays.stream(s.offsets()).allMatch(Double::isFinite))
                  .as(mutation)
                  .isTrue();
              assertThat(Arrays.stream(s.scales()).allMatch(v -> v > 0 && Double.isFinite(v)))
                  .as(mutation)
                  .isTrue();
            });
    if (model instanceof Classifier c && model.layers().get(0).size() == 4) {
      INDArray proba = c.predictProba(Nd4j.rand(5, 4));
      assertThat(proba.isNaN().any()).as(mutation).isFalse();
    }
    return true;
  }

  @Test
  void truncatedFilesAreRefused() throws IOException {
    for (int n = 0; n < good.length; n += 5) {
      assertThat(attempt("file cut at " + n, Arrays.copyOf(good, n))).isFalse();
    }
  }

  @Test
  void bitFlipsAnywhereInTheFileAreRefusedOrHarmless() throws IOException {
    Random random = new Random(SEED);
    for (int i = 0; i < 400; i++) {
      byte[] b = good.clone();
      int at = random.nextInt(b.length);
      b[at] ^= (byte) (1 << random.nextInt(8));
      attempt("bit flip at byte " + at, b);
    }
    assertThat(refused).isNotEmpty();
  }

  @Test
  void wrongLengthsAndCutsInsideEachParameterAreRefused() throws IOException {
    Map<String, byte[]> entries = ModelZip.entries(good);
    for (String name : entries.keySet()) {
      if (!name.startsWith("params/")) {
        continue;
      }
      byte[] entry = entries.get(name);
      int values = entry.length - (name.endsWith(".w") ? 4 * 32 : 4 * 8);
      for (int at = 18; at + 8 <= values; at += 8) {
        for (long odd : ODD_LONGS) {
          byte[] forged = ModelZip.withLong(entry, at, odd);
          if (!Arrays.equals(forged, entry)) {
            attempt(name + ": long at " + at + " = " + odd, with(entries, name, forged));
          }
        }
      }
      for (int n = 0; n < entry.length; n += 3) {
        assertThat(attempt(name + " cut at " + n, with(entries, name, Arrays.copyOf(entry, n))))
            .isFalse();
      }
      byte[] longer = Arrays.copyOf(entry, entry.length + 1);
      assertThat(attempt(name + " with a byte more", with(entries, name, longer))).isFalse();
    }
    // Strides, flags and element-wise stride are not read (the array is made dense), so forging
    // them loads the same model; every forged rank, shape, count or type is refused.
    assertThat(refused).isNotEmpty();
  }

  @Test
  void flippedCharactersInModelJsonAreRefusedOrHarmless() throws IOException {
    Map<String, byte[]> entries = ModelZip.entries(good);
    byte[] json = entries.get("model.json");
    Random random = new Random(SEED);
    for (int i = 0; i < 300; i++) {
      byte[] b = json.clone();
      int at = random.nextInt(b.length);
      b[at] = (byte) "09az:,{}[]\" -.e".charAt(random.nextInt(15));
      attempt(
          "model.json: '" + new String(b, at, 1, StandardCharsets.ISO_8859_1) + "' at " + at,
          with(entries, "model.json", b));
    }
    assertThat(refused).isNotEmpty();
  }

  @Test
  void flippedCharactersInTheSavedScalingAreRefusedOrHarmless() throws IOException {
    Path file = dir.resolve("scaled.zip");
    Classifier scaled =
        Classifier.builder().layers(4, "8:tanh", 3).scaleInputs(Scaling.STANDARD).build();
    scaled.fitScaling(Dataset.of(Nd4j.rand(20, 4).muli(1000), Nd4j.zeros(DataType.INT64, 20)));
    scaled.save(file);
    Map<String, byte[]> entries = ModelZip.entries(Files.readAllBytes(file));
    byte[] json = entries.get("model.json");
    String text = new String(json, StandardCharsets.UTF_8);
    int from = text.indexOf("\"scaling\"");
    int to = text.indexOf("\"metadata\"");
    assertThat(from).isPositive();
    Random random = new Random(SEED);
    int loaded = 0;
    for (int i = 0; i < 300; i++) {
      byte[] b = json.clone();
      int at = from + random.nextInt(to - from);
      b[at] = (byte) "09az:,{}[]\" -.eN".charAt(random.nextInt(16));
      if (attempt(
          "model.json: '" + new String(b, at, 1, StandardCharsets.ISO_8859_1) + "' at " + at,
          with(entries, "model.json", b))) {
        loaded++;
      }
    }
    assertThat(refused).isNotEmpty();
    assertThat(loaded).isPositive();
  }

  private static byte[] with(Map<String, byte[]> entries, String name, byte[] bytes) {
    Map<String, byte[]> copy = new LinkedHashMap<>(entries);
    copy.put(name, bytes);
    return ModelZip.zip(copy);
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }
}
