package io.github.javanets.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.github.javanets.attacks.CliProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --save} and {@code --plot} never destroy what they do not own, and a target that
 * cannot be written is reported before training starts (exit 2, one line, nothing written).
 */
class SaveTargetIT {
  @TempDir Path dir;

  @BeforeEach
  void writeData() throws Exception {
    StringBuilder csv = new StringBuilder("a,b,y\n");
    for (int i = 0; i < 20; i++) {
      csv.append(i).append(',').append(i % 3).append(',').append(i % 2).append('\n');
    }
    Files.writeString(dir.resolve("data.csv"), csv);
  }

  private Result train(String... targets) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of("train", "--data", "data.csv", "--epochs", "1", "--valid-fraction", "0"));
    args.addAll(List.of(targets));
    return CliProcess.jar(dir, args.toArray(String[]::new));
  }

  private static void assertRefusedBeforeTraining(Result r, String message) {
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.stderr()).as(r.toString()).isEqualTo("javanets: " + message + "\n");
    assertThat(r.stdout()).as(r.toString()).doesNotContain("Stopped after");
  }

  @Test
  void aFifoIsRefusedBeforeTrainingAndStaysAFifo() throws Exception {
    Path fifo = dir.resolve("fifo.zip");
    assumeThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

    assertRefusedBeforeTraining(
        train("--save", "fifo.zip"),
        "--save 'fifo.zip' is not a regular file (a device, FIFO or socket): javanets creates a"
            + " new file or replaces a regular one; choose another path.");
    assertThat(Files.isRegularFile(fifo)).isFalse();
    assertThat(Files.exists(fifo)).isTrue();
  }

  @Test
  void aSymbolicLinkIsRefusedAndKept() throws Exception {
    Path real = Files.writeString(dir.resolve("precious.txt"), "kept");
    Path link = Files.createSymbolicLink(dir.resolve("link.zip"), real);

    assertRefusedBeforeTraining(
        train("--save", "link.zip"),
        "--save 'link.zip' is a symbolic link (to '"
            + real
            + "'): javanets neither replaces nor follows links; write to the file it points to.");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).isEqualTo("kept");
  }

  @Test
  void aDirectoryTheRootAndAFileUnderAFileAreRefusedBeforeTraining() throws Exception {
    Files.createDirectory(dir.resolve("models"));

    assertRefusedBeforeTraining(
        train("--save", "models"), "--save 'models' is a directory: name a file.");
    assertRefusedBeforeTraining(train("--save", "/"), "--save '/' is a directory: name a file.");
    assertRefusedBeforeTraining(
        train("--plot", "data.csv/plot.png"),
        "--plot 'data.csv/plot.png' cannot be written: '"
            + dir.toRealPath().resolve("data.csv")
            + "' is not a directory.");
  }

  @Test
  void theDataFileAndTheModelAreNeverReplacedByAnOutput() throws Exception {
    String data = Files.readString(dir.resolve("data.csv"));

    assertRefusedBeforeTraining(
        train("--save", "data.csv"),
        "--save 'data.csv' is the --data file: writing it would replace your data; choose another"
            + " path.");
    assertRefusedBeforeTraining(
        train("--save", "m.zip", "--plot", "./m.zip"),
        "--save and --plot both name 'm.zip': the plot would replace the model; give them"
            + " different names.");
    assertThat(Files.readString(dir.resolve("data.csv"))).isEqualTo(data);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("data.csv");
    }
  }

  @Test
  void aGoodTargetIsWrittenWithNoTemporaryFileLeft() throws Exception {
    Result r = train("--save", "out/m.zip", "--plot", "out/p.png");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    try (Stream<Path> files = Files.list(dir.resolve("out"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("m.zip", "p.png");
    }
  }
}
