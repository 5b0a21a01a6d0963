package io.github.javanets.benchmarks;

import io.github.javanets.models.Dataset;
import io.github.javanets.models.Model;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The cost of a second loss, measured by alternation: a regressor with {@code mse} and one with
 * {@code mse + mae} (benchmark 1's network) train one epoch each in turn, {@code rounds} times; the
 * first two rounds warm up. Prints one Markdown line per batch size with both medians and their
 * ratio, which is steadier than two JMH runs minutes apart on a shared machine: {@code
 * SecondLossCheck [rounds]}.
 */
public final class SecondLossCheck {
  private SecondLossCheck() {}

  /** Runs the check at batch 32 and 128. */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
    Mlp mlp = new Mlp();
    for (int batch : new int[] {32, 128}) {
      String[] kinds = {"regressor_mse", "regressor_mse_mae"};
      Model[] models = new Model[2];
      Dataset[] train = new Dataset[2];
      Dataset[] valid = new Dataset[2];
      List<List<Double>> times = List.of(new ArrayList<>(), new ArrayList<>());
      for (int k = 0; k < 2; k++) {
        models[k] = Mlp.javanets(kinds[k]);
        train[k] = mlp.dataset(kinds[k]);
        valid[k] = mlp.validation(kinds[k], batch);
      }
      for (int round = 0; round < rounds; round++) {
        for (int k = 0; k < 2; k++) {
          long start = System.nanoTime();
          models[k].train(train[k], valid[k], Mlp.options(batch, 1));
          if (round >= 2) {
            times.get(k).add((System.nanoTime() - start) / 1e6);
          }
        }
      }
      double one = median(times.get(0));
      double two = median(times.get(1));
      System.out.printf("| %d | %.1f | %.1f | %+.0f%% |%n", batch, one, two, 100 * (two / one - 1));
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
