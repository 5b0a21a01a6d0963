package io.github.javanets.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model file is untrusted input: each way of forging or damaging one is refused with an {@link
 * InvalidModelFileException} naming the file and the entry, before the parameters are allocated.
 * The model is {@code Regressor(3, 4, 2)} in FLOAT: {@code hid1.w [3, 4]}, {@code hid1.b [4]},
 * {@code out.w [4, 2]}, {@code out.b [2]}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ModelFileValidationTest {
  /** Where the value count of a rank-2 FLOAT entry lies (after the shape information). */
  private static final int MATRIX_COUNT = 114;

  /** Where the first value of a rank-1 FLOAT entry lies. */
  private static final int VECTOR_VALUES = 113;

  @TempDir Path dir;

  private Path saved(String name) throws IOException {
    Path file = dir.resolve(name);
    new Regressor(3, 4, 2).save(file);
    return file;
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
      Path file, String entry) {
    return assertThatThrownBy(() -> Model.load(file))
        .isInstanceOfSatisfying(
            InvalidModelFileException.class,
            e -> {
              assertThat(e.file()).isEqualTo(file);
              assertThat(e.entry()).isEqualTo(entry);
            });
  }

  private static void patch(Map<String, byte[]> entries, String name, int at, byte[] bytes) {
    byte[] b = entries.get(name).clone();
    System.arraycopy(bytes, 0, b, at, bytes.length);
    entries.put(name, b);
  }

  @Test
  void anEntryDeclaringFewerValuesThanItsShapeIsRefusedBeforeItIsRead() throws IOException {
    Path file = saved("short.jnet");
    ModelZips.editEntries(
        file,
        e -> patch(e, "params/hid1.w", MATRIX_COUNT, ByteBuffer.allocate(8).putLong(2).array()));

    assertRefused(file, "params/hid1.w")
        .hasMessage(
            file
                + " has entry 'params/hid1.w' that declares 2 values where shape [3, 4] holds 12.");
  }

  @Test
  void layersLargerThanTheFileCanHoldAreRefusedBeforeAnythingIsAllocated() throws IOException {
    Path wide = saved("wide.jnet");
    ModelZips.rewriteJson(wide, json -> ((ArrayNode) json.path("layers")).set(1, "20000000"));
    Path huge = saved("huge.jnet");
    ModelZips.rewriteJson(
        huge,
        json -> {
          ((ArrayNode) json.path("layers")).set(0, "65536");
          ((ArrayNode) json.path("layers")).set(1, "32768");
        });

    long before = allocatedBytes();
    assertRefused(wide, "params/hid1.w")
        .message()
        .startsWith(wide + " has entry 'params/hid1.w' of ")
        .endsWith(
            " compressed bytes, which cannot hold the 240000129 bytes its parameter needs: the file"
                + " is damaged or forged.");
    assertRefused(huge, "params/hid1.w")
        .hasMessage(
            huge
                + " has parameter 'hid1.w' of shape [65536, 32768], over the 2147483639 values a"
                + " javanets model file holds per parameter.");
    assertThat(allocatedBytes() - before).isLessThan(16L << 20);
  }

  @Test
  void aZipBombStopsAtTheBytesTheShapeNeeds() throws IOException {
    Path params = saved("bomb.jnet");
    ModelZips.editEntries(
        params,
        e -> {
          byte[] real = e.get("params/out.b");
          e.put("params/out.b", Arrays.copyOf(real, real.length + (32 << 20)));
        });
    Path json = saved("json-bomb.jnet");
    ModelZips.editEntries(
        json,
        e -> {
          byte[] real = e.get("model.json");
          byte[] padded = Arrays.copyOf(real, real.length + (17 << 20));
          Arrays.fill(padded, real.length, padded.length, (byte) ' ');
          e.put("model.json", padded);
        });

    long before = allocatedBytes();
    assertRefused(params, "params/out.b")
        .hasMessage(
            params
                + " has entry 'params/out.b' of 33554553 bytes where shape [2] of FLOAT takes"
                + " 121.");
    assertRefused(json, "model.json")
        .hasMessageStartingWith(json + " has a model.json of over 16777216 bytes (");
    assertThat(allocatedBytes() - before).isLessThan(48L << 20);
  }

  @Test
  void aValueThatIsNotFiniteIsRefused() throws IOException {
    Path file = saved("nan.jnet");
    ModelZips.editEntries(
        file,
        e ->
            patch(
                e,
                "params/out.b",
                VECTOR_VALUES,
                ByteBuffer.allocate(4).putFloat(Float.POSITIVE_INFINITY).array()));

    assertRefused(file, "params/out.b")
        .hasMessage(
            file
                + " has entry 'params/out.b' whose value #0 is Infinity; a saved parameter is"
                + " finite.");
  }

  @Test
  void arraysOfAnotherDataTypeThanTheFileSaysAreRefused() throws IOException {
    Path file = saved("type.jnet");
    ModelZips.rewriteJson(file, json -> json.put("dataType", "DOUBLE"));

    assertRefused(file, "params/hid1.w")
        .hasMessage(
            file
                + " has entry 'params/hid1.w' of 'FLOAT' values where the model's dataType is"
                + " DOUBLE.");
  }

  @Test
  void duplicateAndUnknownEntriesAreRefused() throws IOException {
    Path twice = saved("twice.jnet");
    ModelZips.editEntries(twice, e -> e.put("params/out.X", e.get("params/out.b")));
    byte[] bytes = Files.readAllBytes(twice);
    String text =
        new String(bytes, StandardCharsets.ISO_8859_1).replace("params/out.X", "params/out.b");
    Files.write(twice, text.getBytes(StandardCharsets.ISO_8859_1));
    Path extra = saved("extra.jnet");
    ModelZips.editEntries(extra, e -> e.put("notes.txt", new byte[] {1}));

    assertRefused(twice, "params/out.b")
        .hasMessage(twice + " has two entries named 'params/out.b'; each is unique.");
    assertRefused(extra, "notes.txt")
        .hasMessage(
            extra
                + " has entry 'notes.txt'; a model file holds only model.json and"
                + " params/<parameter> entries.");
  }

  @Test
  void aDamagedEntryFailsItsChecksum() throws IOException {
    Path file = dir.resolve("stored.jnet");
    Map<String, byte[]> entries = ModelZips.read(saved("source.jnet"));
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(e.getValue().length);
        CRC32 crc = new CRC32();
        crc.update(e.getValue());
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    byte[] bytes = Files.readAllBytes(file);
    byte[] outB = entries.get("params/out.b");
    int at = indexOf(bytes, outB) + outB.length - 1;
    bytes[at] ^= 1;
    Files.write(file, bytes);

    assertRefused(file, "params/out.b")
        .hasMessage(
            file + " has entry 'params/out.b' whose checksum does not match: it is damaged.");
  }

  @Test
  void model_jsonFieldsOfTheWrongTypeAreRefusedNotCoerced() throws IOException {
    Path version = saved("version.jnet");
    ModelZips.rewriteJson(version, json -> json.put("version", "1"));
    Path seed = saved("seed.jnet");
    ModelZips.rewriteJson(seed, json -> json.put("seed", "abc"));
    Path metadata = saved("metadata.jnet");
    ModelZips.rewriteJson(metadata, json -> json.putObject("metadata").put("columns", 3));
    Path layers = saved("layers.jnet");
    ModelZips.rewriteJson(layers, json -> ((ArrayNode) json.path("layers")).set(1, "x"));
    Path duplicateKey = saved("keys.jnet");
    ModelZips.editEntries(
        duplicateKey,
        e ->
            e.put(
                "model.json",
                new String(e.get("model.json"), StandardCharsets.UTF_8)
                    .replaceFirst("\\{", "{\"seed\": 1,")
                    .getBytes(StandardCharsets.UTF_8)));

    assertRefused(version, "model.json")
        .hasMessage(version + " has model file version \"1\"; this javanets reads version 1.");
    assertRefused(seed, "model.json")
        .hasMessage(
            seed + " has a model.json whose field 'seed' is \"abc\" where a whole number belongs.");
    assertRefused(metadata, "model.json")
        .hasMessage(
            metadata
                + " has a model.json whose field 'metadata.columns' is 3 where a text belongs.");
    assertRefused(layers, "model.json")
        .hasMessage(
            layers
                + " has layers that do not make a network: Layer spec 'x' must start with a size"
                + " (a whole number > 0), as in '20', '20:tanh' or '32:lstm:tanh'.");
    assertRefused(duplicateKey, "model.json")
        .hasMessageStartingWith(duplicateKey + " has a model.json that is not valid JSON at line ")
        .hasMessageContaining("Duplicate field 'seed'");
  }

  @Test
  void aTruncatedFileADirectoryAndAFifoAreRefused() throws IOException, InterruptedException {
    Path cut = saved("cut.jnet");
    byte[] bytes = Files.readAllBytes(cut);
    Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
    Path folder = Files.createDirectory(dir.resolve("folder.jnet"));

    assertRefused(cut, null)
        .hasMessage(
            cut + " is not a javanets model file (not a zip archive: zip END header not found).");
    assertRefused(folder, null).hasMessage(folder + " is a directory, not a model file.");

    Path fifo = dir.resolve("fifo.jnet");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeThat(mkfifo.waitFor()).as("mkfifo").isZero();
    assertRefused(fifo, null)
        .hasMessage(
            fifo + " is not a regular file (a device, FIFO or socket); a model file is one.");
  }

  /** A {@code Regressor(3, 4, 2)} with fitted STANDARD statistics of its inputs and targets. */
  private Path scaled(String name) throws IOException {
    Path file = dir.resolve(name);
    Regressor m =
        Regressor.builder()
            .layers(3, 4, 2)
            .scaleInputs(Scaling.STANDARD)
            .scaleTargets(Scaling.STANDARD)
            .build();
    m.fitScaling(TestData.regression(1, 20, 3, 2));
    m.save(file);
    return file;
  }

  private Path scaledWith(String name, java.util.function.Consumer<ObjectNode> edit)
      throws IOException {
    Path file = scaled(name);
    ModelZips.rewriteJson(file, edit);
    return file;
  }

  private static ObjectNode inputs(ObjectNode json) {
    return (ObjectNode) json.path("scaling").path("inputs");
  }

  @Test
  void scalingStatisticsAreCheckedAgainstTheLayersAndRefusedWhenNotFiniteOrNotPositive()
      throws IOException {
    Path shortOffsets =
        scaledWith("short.zip", j -> ((ArrayNode) inputs(j).path("offsets")).remove(2));
    assertRefused(shortOffsets, "model.json")
        .hasMessage(
            shortOffsets
                + " has 'scaling.inputs.offsets' of 2 values, but its layers have 3 inputs: one"
                + " value per column belongs there.");
    Path longScales =
        scaledWith(
            "long.zip",
            j -> ((ArrayNode) j.path("scaling").path("targets").path("scales")).add(1.0));
    assertRefused(longScales, "model.json")
        .hasMessage(
            longScales
                + " has 'scaling.targets.scales' of 3 values, but its layers have 2 outputs: one"
                + " value per column belongs there.");
    Path zero = scaledWith("zero.zip", j -> ((ArrayNode) inputs(j).path("scales")).set(1, 0.0));
    assertRefused(zero, "model.json")
        .hasMessage(
            zero
                + " has a model.json whose field 'scaling.inputs.scales[1]' is 0.0 where a finite"
                + " number > 0 belongs.");
    Path negative =
        scaledWith("negative.zip", j -> ((ArrayNode) inputs(j).path("scales")).set(0, -2.0));
    assertRefused(negative, "model.json")
        .hasMessage(
            negative
                + " has a model.json whose field 'scaling.inputs.scales[0]' is -2.0 where a finite"
                + " number > 0 belongs.");
    Path nan = scaledWith("nan.zip", j -> ((ArrayNode) inputs(j).path("offsets")).set(0, "NaN"));
    assertRefused(nan, "model.json")
        .hasMessage(
            nan
                + " has a model.json whose field 'scaling.inputs.offsets[0]' is \"NaN\" where a"
                + " finite number belongs.");
    // A number too large for a double reads as infinity: refused, not used.
    Path huge = scaled("huge.zip");
    ModelZips.editEntries(
        huge,
        e -> {
          String json = new String(e.get("model.json"), StandardCharsets.UTF_8);
          int at = json.indexOf("\"scales\"");
          int first = json.indexOf('[', at) + 1;
          int end = json.indexOf(',', first);
          e.put(
              "model.json",
              (json.substring(0, first) + "1e999" + json.substring(end))
                  .getBytes(StandardCharsets.UTF_8));
        });
    assertRefused(huge, "model.json")
        .message()
        .startsWith(huge + " has a model.json whose field 'scaling.inputs.scales[0]' is ")
        .endsWith(" where a finite number > 0 belongs.");
  }

  @Test
  void scalingFieldsAreRefusedByNameAndKind() throws IOException {
    Path method = scaledWith("method.zip", j -> inputs(j).put("method", "ROBUST"));
    assertRefused(method, "model.json")
        .hasMessage(
            method
                + " has a model.json whose field 'scaling.inputs.method' is \"ROBUST\" where one"
                + " of [MIN_MAX, NONE, STANDARD] belongs.");
    Path unknown =
        scaledWith("unknown.zip", j -> ((ObjectNode) j.path("scaling")).put("weights", 1));
    assertRefused(unknown, "model.json")
        .hasMessage(
            unknown
                + " has a model.json with an unknown field 'scaling.weights'; it may hold [inputs,"
                + " targets].");
    Path half = scaledWith("half.zip", j -> inputs(j).remove("scales"));
    assertRefused(half, "model.json")
        .hasMessage(
            half
                + " has a model.json whose field 'scaling.inputs.scales' is missing where an array"
                + " of numbers, one per column belongs.");
    Path classifier = dir.resolve("classifier.zip");
    new Classifier(3, 4, 2).save(classifier);
    ModelZips.rewriteJson(
        classifier, j -> j.putObject("scaling").putObject("targets").put("method", "STANDARD"));
    assertRefused(classifier, "model.json")
        .hasMessage(
            classifier
                + " scales the targets of a Classifier ('scaling.targets'); only regressors scale"
                + " their targets.");
    // Without statistics (chosen, not fitted yet) a file loads, and fits on its first training.
    Path unfitted =
        scaledWith(
            "unfitted.zip",
            j -> {
              inputs(j).remove("offsets");
              inputs(j).remove("scales");
            });
    Model m = Model.load(unfitted);
    assertThat(m.inputScaling()).isEqualTo(Scaling.STANDARD);
    assertThat(m.inputScaler()).isEmpty();
    assertThat(m.targetScaler()).isPresent();
  }

  @Test
  void aValidFileStillRoundTripsAfterTheChecks() throws IOException {
    Regressor net = new Regressor(3, 4, 2);
    Path file = dir.resolve("ok.jnet");
    net.save(file);

    TestData.assertBitIdentical(Model.load(file).parameters(), net.parameters());
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }

  /** The bytes this thread has allocated on the heap so far. */
  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }
}
