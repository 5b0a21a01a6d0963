package io.github.javanets.spark;

import io.github.javanets.models.BatchSource;
import io.github.javanets.models.Dataset;
import io.github.javanets.models.Model;
import io.github.javanets.models.Regressor;
import io.github.javanets.models.TrainOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Not a test: the overhead per step of exact Spark training against single-process training on the
 * same minibatches, in {@code local[1]} and {@code local[2]}, and the bytes each step moves. Run by
 * {@code benchmarks/run} (or: {@code java -cp spark/target/test-classes:spark/target/classes:<test
 * class path> io.github.javanets.spark.SparkOverheadBench [epochs]}). Prints one line per case.
 */
public final class SparkOverheadBench {
  private SparkOverheadBench() {}

  /** Runs every case; {@code args[0]}: epochs measured (default 3), after one warm-up epoch. */
  public static void main(String... args) {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    System.out.println(
        "| model | batch | partitions | master | one process (ms/step) | Spark (ms/step) |"
            + " overhead (ms/step) | bytes out/in per step |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (int threads : new int[] {1, 2}) {
      JavaSparkContext sc = Fixtures.local(threads);
      try {
        run(sc, "local[" + threads + "]", "4-16(tanh)-3 regressor", 4, 3, 16, 240, epochs);
        run(sc, "local[" + threads + "]", "784-256(relu)-10 regressor", 784, 10, 128, 2048, epochs);
      } finally {
        sc.stop();
      }
    }
  }

  private static void run(
      JavaSparkContext sc,
      String master,
      String name,
      int in,
      int out,
      int batch,
      int rows,
      int epochs) {
    int partitions = 2;
    Random r = new Random(1);
    Dataset data =
        Dataset.of(
            Fixtures.uniform(r, DataType.FLOAT, rows, in),
            Fixtures.uniform(r, DataType.FLOAT, rows, out));
    Supplier<Model> make =
        () -> Regressor.builder().layers(in, in == 4 ? "16:tanh" : "256:relu", out).seed(3).build();
    TrainOptions warm =
        TrainOptions.builder().batchSize(batch).maxUpdates(1).validateEvery(1000).seed(2).build();
    TrainOptions timed =
        TrainOptions.builder()
            .batchSize(batch)
            .maxUpdates(epochs)
            .validateEvery(1000)
            .seed(2)
            .build();
    // The same global minibatches for both: partitions' b-th batches, stacked.
    List<List<Batch>> parts =
        new ArrayList<>(SparkTrainer.distribute(sc, data, partitions, batch).glom().collect());
    List<Dataset> global = Fixtures.global(parts);
    int steps = global.size();

    Model local = make.get();
    local.train(BatchSource.generate(cycle(global), steps), null, warm);
    long t0 = System.nanoTime();
    local.train(BatchSource.generate(cycle(global), steps), null, timed);
    double localMs = (System.nanoTime() - t0) / 1e6 / (steps * (epochs + 2.0 / steps));

    Model onSpark = make.get();
    SparkTrainer trainer = SparkTrainer.exact(sc);
    trainer.train(onSpark, Fixtures.rdd(sc, parts), null, warm);
    long t1 = System.nanoTime();
    trainer.train(onSpark, Fixtures.rdd(sc, parts), null, timed);
    StepStats stats = trainer.lastRun();
    double sparkMs = (System.nanoTime() - t1) / 1e6 / (stats.steps() + stats.evaluations());
    long perStepOut = stats.parameterBytes() / (stats.steps() + stats.evaluations());
    long perStepIn = stats.resultBytes() / (stats.steps() + stats.evaluations());
    System.out.printf(
        "| %s | %d | %d | %s | %.2f | %.2f | %.2f | %d / %d |%n",
        name,
        batch,
        partitions,
        master,
        localMs,
        sparkMs,
        sparkMs - localMs,
        perStepOut,
        perStepIn);
  }

  private static Supplier<Dataset> cycle(List<Dataset> batches) {
    int[] i = {0};
    return () -> batches.get(i[0]++ % batches.size());
  }
}
