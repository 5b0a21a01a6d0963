package io.github.javanets.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.models.Dataset;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shuffle buffer: every row once per pass, the same order for the same seed and pass, a new
 * order at each pass, and no row given out before it could be in a buffer of the stated size.
 */
class ShuffleTest {
  private static final int ROWS = 1000;

  @TempDir Path dir;

  private Path rows() throws IOException {
    Path path = dir.resolve("rows.csv");
    try (BufferedWriter out = Files.newBufferedWriter(path)) {
      out.write("i\n");
      for (int i = 0; i < ROWS; i++) {
        out.write(i + "\n");
      }
    }
    return path;
  }

  private static List<Integer> order(CsvBatchSource source) {
    List<Integer> order = new ArrayList<>();
    for (Dataset batch : CsvBatchSourceTest.pass(source)) {
      for (float v : batch.inputs().toFloatVector()) {
        order.add((int) v);
      }
    }
    return order;
  }

  private static CsvBatchSource source(Path path, int buffer, long seed) {
    return CsvBatchSource.builder(path).batchSize(7).shuffle(buffer, seed).build();
  }

  @Test
  void everyRowComesOncePerPassInAnOrderFixedBySeedAndPass() throws IOException {
    Path path = rows();
    CsvBatchSource a = source(path, 100, 42);
    CsvBatchSource b = source(path, 100, 42);

    List<Integer> first = order(a);
    List<Integer> second = order(a);

    assertThat(first)
        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, ROWS).boxed().toList());
    assertThat(first).isNotEqualTo(IntStream.range(0, ROWS).boxed().toList());
    assertThat(second).isNotEqualTo(first);
    assertThat(order(b)).isEqualTo(first);
    assertThat(order(b)).isEqualTo(second);
    assertThat(order(source(path, 100, 43))).isNotEqualTo(first);
  }

  @Test
  void theOrderIsTheDocumentedDraw() throws IOException {
    int size = 50;
    long seed = 3;
    List<Integer> expected = new ArrayList<>();
    Random random = new Random(HoldOut.mix(seed));
    List<Integer> buffer = new ArrayList<>();
    int next = 0;
    while (expected.size() < ROWS) {
      while (buffer.size() < size && next < ROWS) {
        buffer.add(next++);
      }
      int j = random.nextInt(buffer.size());
      expected.add(buffer.get(j));
      int last = buffer.remove(buffer.size() - 1);
      if (j < buffer.size()) {
        buffer.set(j, last);
      }
    }

    assertThat(order(source(rows(), size, seed))).isEqualTo(expected);
  }

  @Test
  void noRowIsGivenOutBeforeABufferOfTheStatedSizeCouldHoldIt() throws IOException {
    int size = 64;
    List<Integer> order = order(source(rows(), size, 1));

    for (int t = 0; t < order.size(); t++) {
      assertThat(order.get(t)).as("position %d", t).isLessThan(size + t);
    }
    // And the buffer does mix: some row moves back by more than half the buffer.
    assertThat(IntStream.range(0, ROWS).anyMatch(t -> order.get(t) < t - size / 2)).isTrue();
  }

  @Test
  void theBufferHoldsAtMostItsSize() {
    int[] next = {0};
    ShuffleBuffer buffer =
        new ShuffleBuffer(
            () -> next[0] < ROWS ? new Example(1, new float[] {next[0]++}, null, null, null) : null,
            16,
            new Random(1));
    int most = 0;
    int given = 0;
    while (buffer.next() != null) {
      most = Math.max(most, buffer.held());
      given++;
    }
    assertThat(given).isEqualTo(ROWS);
    assertThat(most).isLessThanOrEqualTo(16);
  }

  @Test
  void sizeZeroOrOneKeepsTheFilesOrder() throws IOException {
    Path path = rows();
    List<Integer> inOrder = IntStream.range(0, ROWS).boxed().toList();

    assertThat(order(source(path, 0, 5))).isEqualTo(inOrder);
    assertThat(order(source(path, 1, 5))).isEqualTo(inOrder);
  }

  @Test
  void examplesKeptInMemoryGiveTheSameBatchesAsTheFileAtEveryPass() throws IOException {
    Path path = rows();
    CsvBatchSource file = source(path, 100, 9);
    CsvBatchSource memory =
        CsvBatchSource.builder(path).batchSize(7).shuffle(100, 9).inMemory(true).build();

    for (int pass = 0; pass < 3; pass++) {
      assertThat(order(memory)).as("pass %d", pass).isEqualTo(order(file));
    }
    // The later passes no longer read the file.
    Files.delete(path);
    assertThat(order(memory)).containsExactlyInAnyOrderElementsOf(order(source(rows(), 100, 9)));
  }
}
