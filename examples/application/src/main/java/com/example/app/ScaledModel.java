package com.example.app;

import io.github.javanets.models.Dataset;
import io.github.javanets.models.Regressor;
import io.github.javanets.models.Scaling;
import io.github.javanets.models.TrainOptions;
import io.github.javanets.models.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scaling inputs and targets: house prices (around 300,000) from the floor area (around 120 m^2),
 * the year built (around 1980) and the distance to the centre (around 5 km), learned by a regressor
 * that standardises both, next to one that does not.
 */
public final class ScaledModel {
  private ScaledModel() {}

  /** What the two regressors did. */
  record Outcome(
      double unscaledR2, List<String> unscaledWarnings, double scaledR2, INDArray prices) {}

  /** Trains both ways and prints their R^2 on new data. */
  public static void main(String[] args) throws IOException {
    Outcome o = trainBothWays(7);
    System.out.printf("R^2 unscaled: %.4f, standardised: %.4f%n", o.unscaledR2(), o.scaledR2());
    o.unscaledWarnings().forEach(System.out::println);
  }

  /** Trains on 512 houses made with {@code seed}, and scores on 256 others. */
  static Outcome trainBothWays(long seed) throws IOException {
    Random random = new Random(seed);
    Dataset train = houses(random, 512);
    Dataset test = houses(random, 256);
    TrainOptions options = TrainOptions.builder().learningRate(0.01).maxUpdates(60).build();
    Path file = Files.createTempFile("houses", ".zip");
    // README: scaling (begin)
    Regressor raw = Regressor.builder().layers(3, 16, 1).build();
    TrainingResult unscaled = raw.train(train, options);
    unscaled.warnings(); // [The inputs look unscaled: input column 1 (from 0) has mean 1981 ...]

    Regressor net =
        Regressor.builder()
            .layers(3, 16, 1)
            .scaleInputs(Scaling.STANDARD) // each column to (x - mean) / std
            .scaleTargets(Scaling.STANDARD) // trains on scaled prices
            .build();
    net.train(train, options); // fits the statistics in one pass, then trains
    INDArray prices = net.predict(test.inputs()); // in the targets' units: prices
    double r2 = net.score(test.inputs(), test.target()); // R^2 in the data's units
    net.inputScaler().get().offsets(); // the column means, about [120, 1980, 5]
    net.save(file); // the statistics are saved with the model
    Regressor.load(file).predict(test.inputs()); // the same prices
    // README: scaling (end)
    Files.delete(file);
    return new Outcome(raw.score(test.inputs(), test.target()), unscaled.warnings(), r2, prices);
  }

  private static Dataset houses(Random random, int n) {
    INDArray x = Nd4j.create(n, 3);
    INDArray y = Nd4j.create(n, 1);
    for (int i = 0; i < n; i++) {
      double area = 120 + 40 * random.nextGaussian();
      double year = 1980 + 20 * random.nextGaussian();
      double km = 5 + 2 * random.nextGaussian();
      x.putScalar(i, 0, area);
      x.putScalar(i, 1, year);
      x.putScalar(i, 2, km);
      double price =
          300_000 + 2_000 * (area - 120) + 800 * (year - 1980) - 40_000 * Math.tanh((km - 5) / 2);
      y.putScalar(i, 0, price + 5_000 * random.nextGaussian());
    }
    return Dataset.of(x, y);
  }
}
