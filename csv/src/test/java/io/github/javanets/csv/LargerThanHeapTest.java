package io.github.javanets.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several epochs on a CSV file twice as large as the heap, in a JVM started with {@code -Xmx64m}:
 * training completes, and the heap in use after a full collection stays flat from epoch to epoch.
 */
class LargerThanHeapTest {
  private static final String HEAP = "-Xmx64m";
  private static final long FILE_BYTES = 128L << 20;
  private static final int EPOCHS = 3;

  @TempDir Path dir;

  @Test
  void severalEpochsOnAFileLargerThanTheHeapKeepTheHeapFlat() throws Exception {
    Path file = dir.resolve("large.csv");
    LargerThanHeap.write(file, FILE_BYTES);
    Path log = dir.resolve("out.txt");

    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP,
                "-Dorg.bytedeco.javacpp.maxbytes=1g",
                "-Dorg.bytedeco.javacpp.maxphysicalbytes=2g",
                "-Dorg.nd4j.log.initialization=false",
                "-cp",
                System.getProperty("java.class.path"),
                LargerThanHeap.class.getName(),
                file.toString(),
                String.valueOf(EPOCHS))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean ended = p.waitFor(5, TimeUnit.MINUTES);
    if (!ended) {
      p.destroyForcibly();
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);

    assertThat(ended).as("ended: %s", lines).isTrue();
    assertThat(p.exitValue()).as("exit: %s", lines).isZero();
    long maxHeap = value(lines, "max-heap ", 1);
    assertThat(Files.size(file)).isGreaterThan(2 * maxHeap);
    List<Long> heaps = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("epoch ")) {
        heaps.add(Long.parseLong(line.split(" ")[3]));
      }
    }
    assertThat(heaps).as("%s", lines).hasSize(EPOCHS);
    assertThat(lines).contains("done");
    // Flat: every epoch's heap within 8 MiB of the first's, and all well under the limit.
    long first = heaps.get(0);
    assertThat(heaps).allSatisfy(h -> assertThat(Math.abs(h - first)).isLessThan(8L << 20));
    assertThat(heaps).allSatisfy(h -> assertThat(h).isLessThan(maxHeap * 3 / 4));
  }

  private static long value(List<String> lines, String prefix, int field) {
    return lines.stream()
        .filter(l -> l.startsWith(prefix))
        .map(l -> Long.parseLong(l.split(" ")[field]))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no '" + prefix + "' in " + lines));
  }
}
