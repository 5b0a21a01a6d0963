package io.github.javanets.benchmarks;

import io.github.javanets.models.Classifier;
import io.github.javanets.models.Dataset;
import io.github.javanets.models.Layer;
import io.github.javanets.models.Model;
import io.github.javanets.models.Threads;
import io.github.javanets.models.TrainOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One thread against ND4J's default thread count, by alternation in one process: each round trains
 * a fresh model once with {@code Threads.set(1)} and once with {@code
 * Threads.set(Threads.defaultCount())}, the first round warming up. Two workloads:
 *
 * <ul>
 *   <li>{@code iris}: what {@code javanets train} does by default: a classifier 4-16(tanh)-3,
 *       {@code xe}, Adam 0.01, batch 16, 100 epochs of 120 rows, validating 30 rows every epoch;
 *   <li>{@code mlp}: benchmark 1's regressor 784-256(relu)-10, batch 128, one epoch of 8192 rows.
 * </ul>
 *
 * <p>Prints one Markdown line per workload: the default count, both medians (ms per training run)
 * and default / one thread. Run it with {@code OMP_NUM_THREADS} unset, or ND4J's default is that
 * variable's value: {@code ThreadsCheck [rounds]}.
 */
public final class ThreadsCheck {
  private ThreadsCheck() {}

  /** Runs both workloads. */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
    int defaults = Threads.defaultCount();
    Nd4j.getRandom().setSeed(Mlp.SEED);
    Random random = new Random(Mlp.SEED);
    INDArray x = Nd4j.rand(DataType.FLOAT, 150, 4);
    long[] classes = new long[150];
    for (int i = 0; i < classes.length; i++) {
      classes[i] = random.nextInt(3);
    }
    Dataset iris = Dataset.of(x, Nd4j.createFromArray(classes));
    Dataset irisTrain = iris.rows(0, 120);
    Dataset irisValid = iris.rows(120, 150);
    TrainOptions irisOptions =
        TrainOptions.builder()
            .algorithm("adam")
            .learningRate(0.01)
            .batchSize(16)
            .maxUpdates(100)
            .validateEvery(1)
            .patience(1_000_000)
            .seed(Mlp.SEED)
            .build();
    Mlp mlp = new Mlp();
    Dataset mlpTrain = mlp.dataset("regressor_mse");
    Dataset mlpValid = mlp.validation("regressor_mse", 128);

    List<List<Double>> iTimes = List.of(new ArrayList<>(), new ArrayList<>());
    List<List<Double>> mTimes = List.of(new ArrayList<>(), new ArrayList<>());
    int[] counts = {1, defaults};
    for (int round = 0; round < rounds; round++) {
      for (int k = 0; k < 2; k++) {
        Threads.set(counts[k]);
        Model small =
            Classifier.builder().layers(4, Layer.of(16, "tanh"), 3).loss("xe").seed(13).build();
        double ms = time(() -> small.train(irisTrain, irisValid, irisOptions));
        Model large = Mlp.javanets("regressor_mse");
        double mlpMs = time(() -> large.train(mlpTrain, mlpValid, Mlp.options(128, 1)));
        if (round > 0) {
          iTimes.get(k).add(ms);
          mTimes.get(k).add(mlpMs);
        }
        System.err.printf(
            "round %d, %d thread(s): iris %.0f ms, mlp %.0f ms%n", round, counts[k], ms, mlpMs);
      }
    }
    line("iris 4-16-3, batch 16, 100 epochs", defaults, iTimes);
    line("mlp 784-256-10, batch 128, 1 epoch", defaults, mTimes);
  }

  private static double time(Runnable run) {
    long start = System.nanoTime();
    run.run();
    return (System.nanoTime() - start) / 1e6;
  }

  private static void line(String name, int defaults, List<List<Double>> times) {
    double one = median(times.get(0));
    double many = median(times.get(1));
    System.out.printf("| %s | %d | %.0f | %.0f | %.2fx |%n", name, defaults, one, many, many / one);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
