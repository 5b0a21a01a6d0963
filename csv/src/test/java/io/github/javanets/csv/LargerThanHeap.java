package io.github.javanets.csv;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.util.Modules;
import io.github.javanets.models.BatchSource;
import io.github.javanets.models.Dataset;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Trains a small regressor on a CSV file for some epochs and prints, after each epoch, the heap in
 * use after a full collection and the resident memory ({@code VmRSS}): run in a JVM whose heap is
 * smaller than the file, by {@link LargerThanHeapTest} and the benchmarks. Lines: {@code max-heap
 * <bytes>}, then {@code epoch <n> heap <bytes> rss <kB>}, then {@code done}.
 */
public final class LargerThanHeap {
  /** The input columns of the files {@link #write} makes. */
  public static final int INPUTS = 50;

  private LargerThanHeap() {}

  /**
   * Writes a CSV file of at least {@code bytes} bytes: columns {@code x0..x49,y}, small whole
   * numbers and y their scaled sum, so that a model learns it.
   *
   * @return the number of rows
   */
  public static long write(Path path, long bytes) throws IOException {
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

  /** {@code args}: the file and the number of epochs. */
  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    int epochs = Integer.parseInt(args[1]);
    System.out.println("max-heap " + Runtime.getRuntime().maxMemory());
    TrainingListener memory =
        new TrainingListener() {
          @Override
          public void onEpoch(TrainingRun run, EpochMonitors epoch) {
            System.out.println(
                "epoch " + epoch.index() + " heap " + heapAfterGc() + " rss " + rss());
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
        Regressor.builder().layers(INPUTS, "16:tanh", 1).seed(1).injector(injector).build();
    CsvBatchSource train =
        CsvBatchSource.builder(file).targetColumns("y").batchSize(256).shuffle(1000, 7).build();
    Dataset small = firstRows(train, 512);
    net.train(
        train,
        BatchSource.of(small, 256),
        TrainOptions.builder().maxUpdates(epochs).learningRate(1e-3).patience(1000).build());
    System.out.println("done");
  }

  private static Dataset firstRows(CsvBatchSource source, int rows) {
    List<Dataset> batches = new ArrayList<>();
    try (var pass = source.open()) {
      long n = 0;
      while (n < rows && pass.hasNext()) {
        Dataset d = pass.next();
        batches.add(d);
        n += d.rows();
      }
    }
    return batches.get(0);
  }

  /** The heap in use after a full collection, in bytes. */
  public static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** This process's resident memory, in kB, from {@code /proc/self/status}; -1 if unknown. */
  public static long rss() {
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
