package io.github.javanets.benchmarks;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.util.Modules;
import io.github.javanets.csv.CsvBatchSource;
import io.github.javanets.models.BatchIterator;
import io.github.javanets.models.BatchSource;
import io.github.javanets.models.Dataset;
import io.github.javanets.models.Layer;
import io.github.javanets.models.Regressor;
import io.github.javanets.models.TrainOptions;
import io.github.javanets.train.EpochMonitors;
import io.github.javanets.train.JavanetsModule;
import io.github.javanets.train.TrainingListener;
import io.github.javanets.train.TrainingRun;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * A CSV file of at least 1 GB trained for a few epochs: resident memory ({@code VmRSS} from {@code
 * /proc/self/status}) and the heap in use after a full collection, after each epoch. The file (50
 * inputs of small whole numbers and a target, about 200 bytes a row) is generated into a temporary
 * directory and deleted after; a regressor 50-16(tanh)-1, batch 256, shuffle buffer 10,000 rows.
 * Run it with a heap far smaller than the file ({@code -Xmx256m} in {@code benchmarks/run}). Prints
 * one Markdown line per epoch. {@code LargeFileCheck [epochs] [megabytes]}.
 */
public final class LargeFileCheck {
  private static final int INPUTS = 50;

  private LargeFileCheck() {}

  /** Writes, trains, reports, deletes. */
  public static void main(String[] args) throws IOException {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    long megabytes = args.length > 1 ? Long.parseLong(args[1]) : 1024;
    Path dir = Files.createTempDirectory("javanets-large-file");
    Path file = dir.resolve("large.csv");
    try {
      long start = System.nanoTime();
      long rows = write(file, megabytes << 20);
      System.err.printf(
          Locale.ROOT,
          "wrote %d rows, %d MB in %.0f s; max heap %d MB%n",
          rows,
          Files.size(file) >> 20,
          (System.nanoTime() - start) / 1e9,
          Runtime.getRuntime().maxMemory() >> 20);
      long size = Files.size(file) >> 20;
      long maxHeap = Runtime.getRuntime().maxMemory() >> 20;
      long[] last = {System.nanoTime()};
      TrainingListener memory =
          new TrainingListener() {
            @Override
            public void onEpoch(TrainingRun run, EpochMonitors epoch) {
              double seconds = (System.nanoTime() - last[0]) / 1e9;
              long heap = heapAfterGc() >> 20;
              long rss = rss() >> 10;
              System.out.printf(
                  Locale.ROOT,
                  "| %d | %d MB, %d rows | %d MB | %.0f | %d MB | %d MB | %.4f |%n",
                  epoch.index(),
                  size,
                  rows,
                  maxHeap,
                  seconds,
                  heap,
                  rss,
                  epoch.train().get("loss"));
              System.out.flush();
              last[0] = System.nanoTime();
            }
          };
      Injector injector =
          Guice.createInjector(
              Modules.override(new JavanetsModule())
                  .with(
                      b ->
                          Multibinder.newSetBinder(b, TrainingListener.class)
                              .addBinding()
                              .toInstance(memory)));
      Regressor net =
          Regressor.builder()
              .layers(INPUTS, Layer.of(16, "tanh"), 1)
              .seed(Mlp.SEED)
              .injector(injector)
              .build();
      CsvBatchSource train =
          CsvBatchSource.builder(file)
              .targetColumns("y")
              .batchSize(256)
              .shuffle(10_000, Mlp.SEED)
              .build();
      Dataset valid;
      try (BatchIterator pass = train.open()) {
        valid = pass.next();
      }
      last[0] = System.nanoTime();
      net.train(
          train,
          BatchSource.of(valid, 256),
          TrainOptions.builder()
              .maxUpdates(epochs)
              .learningRate(1e-3)
              .validateEvery(1_000_000)
              .patience(1_000_000)
              .build());
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }

  private static long write(Path path, long bytes) throws IOException {
    Random random = new Random(1);
    long rows = 0;
    try (BufferedWriter out = Files.newBufferedWriter(path)) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < INPUTS; c++) {
        line.append('x').append(c).append(',');
      }
      out.write(line.append("y\n").toString());
      long written = line.length();
      while (written < bytes) {
        line.setLength(0);
        int sum = 0;
        for (int c = 0; c < INPUTS; c++) {
          int v = random.nextInt(256);
          sum += c % 2 == 0 ? v : -v;
          line.append(v).append(',');
        }
        line.append(sum / 256.0).append('\n');
        out.write(line.toString());
        written += line.length();
        rows++;
      }
    }
    return rows;
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Resident memory in kB, or -1. */
  private static long rss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
