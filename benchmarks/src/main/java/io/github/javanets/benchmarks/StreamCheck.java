package io.github.javanets.benchmarks;

import io.github.javanets.csv.CsvBatchSource;
import io.github.javanets.models.BatchSource;
import io.github.javanets.models.Dataset;
import io.github.javanets.models.Model;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One epoch streamed from a CSV file on disk against the same epoch from memory, by alternation in
 * one process: the classifier 784-256(relu)-10 of benchmark 1, {@code xe}, Adam, batch 128, on 8192
 * rows of MNIST-like inputs (784 values in [0, 1] to 3 places, a label 0-9), written to a temporary
 * file (about 18 MB, deleted after). Each round trains one model per side one epoch: on the file's
 * rows parsed into memory ({@code train(Dataset)}, batches in a shuffled order), one epoch on a
 * {@link CsvBatchSource} of the file (its rows read, parsed and batched on the loader thread while
 * the model trains, shuffled through a buffer of {@value #BUFFER} rows), one on the same source
 * with a buffer of the whole file, and one on a source that keeps its parsed rows in memory after
 * its first pass; the first rounds (graphs built and compiled, the loader compiled) warm up. Prints
 * one Markdown line: the medians (ms per epoch) and each against memory. {@code StreamCheck
 * [rounds] [warm-up rounds]}: by default 12 rounds, the first 4 left out (the loader's code reaches
 * the JIT's optimised form over the first few epochs of a file this small; a file of gigabytes
 * would not notice).
 */
public final class StreamCheck {
  private static final int ROWS = Mlp.ROWS;
  private static final int BATCH = 128;

  /**
   * The shuffle buffer of the streamed side, in rows: a small part of the file (1/32), as a buffer
   * is a small part of a file too large for memory, so that the wait for the buffer to fill before
   * the first batch is the small part of an epoch it is for such a file. (A buffer of the whole
   * file, the other column, makes the first batch wait for the file's last row: nothing overlaps.)
   */
  private static final int BUFFER = 256;

  private StreamCheck() {}

  /** Runs the comparison. */
  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
    int warmUp = Math.min(rounds - 1, args.length > 1 ? Integer.parseInt(args[1]) : 4);
    Path dir = Files.createTempDirectory("javanets-stream-check");
    Path file = dir.resolve("mnist-like.csv");
    try {
      write(file);
      Dataset all = read(file);
      Dataset valid = all.rows(0, BATCH);
      CsvBatchSource csv = source(file, BUFFER, false);
      CsvBatchSource whole = source(file, ROWS, false);
      CsvBatchSource kept = source(file, ROWS, true);
      List<Double> memory = new ArrayList<>();
      List<Double> streamed = new ArrayList<>();
      List<Double> wholeBuffer = new ArrayList<>();
      List<Double> inMemory = new ArrayList<>();
      // One model per side, trained one epoch per round: the first round builds and compiles
      // its graphs (and is left out), later rounds time the epoch alone.
      Model a = Mlp.javanets("classifier_xe");
      Model b = Mlp.javanets("classifier_xe");
      Model c = Mlp.javanets("classifier_xe");
      Model d = Mlp.javanets("classifier_xe");
      for (int round = 0; round < rounds; round++) {
        double m = time(() -> a.train(all, valid, Mlp.options(BATCH, 1)));
        double s = time(() -> b.train(csv, BatchSource.of(valid, BATCH), Mlp.options(BATCH, 1)));
        double w = time(() -> c.train(whole, BatchSource.of(valid, BATCH), Mlp.options(BATCH, 1)));
        double k = time(() -> d.train(kept, BatchSource.of(valid, BATCH), Mlp.options(BATCH, 1)));
        if (round >= warmUp) {
          memory.add(m);
          streamed.add(s);
          wholeBuffer.add(w);
          inMemory.add(k);
        }
        System.err.printf(
            Locale.ROOT,
            "round %d: memory %.0f ms, streamed %.0f ms, whole-file buffer %.0f ms, kept %.0f ms%n",
            round,
            m,
            s,
            w,
            k);
      }
      double mm = median(memory);
      double sm = median(streamed);
      double wm = median(wholeBuffer);
      double km = median(inMemory);
      System.out.printf(
          Locale.ROOT,
          "| classifier 784-256-10, batch 128, %d rows (%d MB CSV) | %.0f | %.0f | %.2fx | %.0f |"
              + " %.2fx | %.0f | %.2fx |%n",
          ROWS,
          Files.size(file) >> 20,
          mm,
          sm,
          sm / mm,
          wm,
          wm / mm,
          km,
          km / mm);
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }

  /** The file as a shuffled stream of batches, through a buffer of {@code buffer} rows. */
  private static CsvBatchSource source(Path file, int buffer, boolean inMemory) {
    return CsvBatchSource.builder(file)
        .labelColumn("label", labels())
        .batchSize(BATCH)
        .shuffle(buffer, Mlp.SEED)
        .inMemory(inMemory)
        .build();
  }

  private static List<String> labels() {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < Mlp.OUT; i++) {
      labels.add(Integer.toString(i));
    }
    return labels;
  }

  /** Writes {@code ROWS} rows: 784 inputs in [0, 1] to 3 places, then a label 0-9. */
  static void write(Path file) throws IOException {
    Random random = new Random(Mlp.SEED);
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < Mlp.IN; c++) {
        line.append('p').append(c).append(',');
      }
      out.write(line.append("label\n").toString());
      for (int r = 0; r < ROWS; r++) {
        line.setLength(0);
        for (int c = 0; c < Mlp.IN; c++) {
          int v = random.nextInt(4) == 0 ? random.nextInt(1001) : 0;
          line.append(v == 0 ? "0" : String.format(Locale.ROOT, "%.3f", v / 1000.0)).append(',');
        }
        line.append(random.nextInt(Mlp.OUT)).append('\n');
        out.write(line.toString());
      }
    }
  }

  /** The file's rows parsed into memory, as the in-memory side trains on them. */
  private static Dataset read(Path file) throws IOException {
    float[][] x = new float[ROWS][Mlp.IN];
    long[] y = new long[ROWS];
    List<String> lines = Files.readAllLines(file);
    for (int r = 0; r < ROWS; r++) {
      String[] cells = lines.get(r + 1).split(",");
      for (int c = 0; c < Mlp.IN; c++) {
        x[r][c] = (float) Double.parseDouble(cells[c]);
      }
      y[r] = Long.parseLong(cells[Mlp.IN]);
    }
    return Dataset.of(Nd4j.createFromArray(x), Nd4j.createFromArray(y));
  }

  private static double time(Runnable run) {
    long start = System.nanoTime();
    run.run();
    return (System.nanoTime() - start) / 1e6;
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
