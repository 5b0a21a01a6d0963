package io.github.javanets.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.javanets.attacks.CliProcess.Result;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV files that attack {@code javanets train}: a million columns, a byte order mark, Latin-1
 * bytes, empty labels, NaN, a line with no end, and paths that are not files. Each run ends
 * promptly (the process time limit is the hang guard) with a trained model or exit code 2 and one
 * line naming the file, the line and what to do; running out of memory is exit code 3 with advice.
 */
class HostileCsvIT {
  @TempDir Path dir;

  private Result train(String... args) throws Exception {
    List<String> all =
        new java.util.ArrayList<>(List.of("train", "--epochs", "1", "--valid-fraction", "0"));
    all.addAll(Arrays.asList(args));
    return CliProcess.jar(dir, all.toArray(new String[0]));
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private Path write(String name, String text) throws IOException {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertUserError(Result r, String message) {
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.stderr().lines().filter(l -> l.startsWith("javanets:")))
        .as(r.toString())
        .containsExactly("javanets: " + message);
  }

  @Test
  void aMillionColumnsTrainAModel() throws Exception {
    int n = 1_000_000;
    try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("wide.csv"))) {
      for (int i = 0; i < n; i++) {
        out.write("c" + i + ",");
      }
      out.write("y\n");
      for (int r = 0; r < 4; r++) {
        for (int i = 0; i < n; i++) {
          out.write((i + r) % 7 + ",");
        }
        out.write(r % 2 == 0 ? "a\n" : "b\n");
      }
    }

    Result r = train("--data", "wide.csv");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stdout())
        .contains("Data: wide.csv, 4 rows, also used for validation.")
        .contains("Model: Classifier 1000000,16:tanh,2;");
    assertThat(dir.resolve("javanets-model.zip")).isNotEmptyFile();
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheFirstColumnsName() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = "x,y\n1,a\n2,b\n3,a\n4,b\n".getBytes(StandardCharsets.UTF_8);
    byte[] all = Arrays.copyOf(bom, bom.length + text.length);
    System.arraycopy(text, 0, all, bom.length, text.length);
    write("bom.csv", all);

    Result r = train("--data", "bom.csv", "--input-column", "x", "--target-column", "y");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stdout()).contains("Model: Classifier 1,16:tanh,2;");
  }

  @Test
  void aLatin1ByteNamesTheFileTheLineAndTheByte() throws Exception {
    write("latin1.csv", "x,y\n1,a\n2,b\n3,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

    assertUserError(
        train("--data", "latin1.csv"),
        "latin1.csv line 4: not valid UTF-8 (byte 0xE9); save the file as UTF-8.");
  }

  @Test
  void anEmptyLabelIsAnErrorNotAClass() throws Exception {
    write("labels.csv", "x,y\n1,a\n2,b\n3,\n4,b\n");

    assertUserError(
        train("--data", "labels.csv"),
        "labels.csv line 4, column 'y': empty cell; every row needs its class label.");
  }

  @Test
  void nanAndEmptyInputCellsAreErrors() throws Exception {
    write("nan.csv", "x,y\n1,a\nNaN,b\n3,a\n");
    write("gap.csv", "x,z,y\n1,2,a\n2,,b\n");

    assertUserError(
        train("--data", "nan.csv"),
        "nan.csv line 3, column 'x': 'NaN' is not a number; missing values are not supported, so"
            + " fill it in or drop the row.");
    assertUserError(
        train("--data", "gap.csv"),
        "gap.csv line 3, column 'z': empty cell; every row needs a number here.");
  }

  @Test
  void aLineWithNoEndIsAnErrorNotAHugeCell() throws Exception {
    try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("huge.csv"))) {
      out.write("x,y\n");
      char[] ones = new char[1 << 20];
      Arrays.fill(ones, '1');
      for (int i = 0; i < 40; i++) {
        out.write(ones);
      }
    }

    assertUserError(
        train("--data", "huge.csv"),
        "huge.csv line 2: longer than 33,554,432 characters; a line holds one row of cells, so"
            + " check that the file is a CSV file with line breaks.");
  }

  @Test
  void aDirectoryADeviceAndAFifoAreRefusedWithoutBlocking() throws Exception {
    Files.createDirectory(dir.resolve("folder"));

    assertUserError(
        train("--data", "folder"), "--data file 'folder' is a directory, not a CSV file.");
    assertUserError(
        train("--data", "/dev/zero"),
        "--data file '/dev/zero' is not a regular file (a device, FIFO or socket); give a CSV"
            + " file.");
    Path fifo = dir.resolve("fifo");
    boolean made = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor() == 0;
    assumeTrue(made, "mkfifo is not available");
    assertUserError(
        train("--data", "fifo"),
        "--data file 'fifo' is not a regular file (a device, FIFO or socket); give a CSV file.");
  }

  @Test
  void runningOutOfMemoryIsOneLineWithAdvice() throws Exception {
    Result r = CliProcess.jar(dir, List.of("-Xmx256m"), "train", "--layers", "4,30000000:tanh,3");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.stderr().lines().filter(l -> l.startsWith("javanets:")))
        .as(r.toString())
        .singleElement()
        .asString()
        .startsWith("javanets: out of memory (")
        .endsWith(
            "or make the job smaller: a smaller --batch-size, fewer units in --layers, fewer"
                + " columns or rows in the data.");
    assertThat(r.stderr()).doesNotContain("\tat ");
  }
}
