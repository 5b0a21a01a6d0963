package com.example.app;

import io.github.javanets.models.Dataset;
import io.github.javanets.models.Regressor;
import io.github.javanets.models.TrainOptions;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The smallest application: a regressor learns {@code y = 2 x1 - x2} with the default {@code mse}
 * loss and an added {@code mae} monitor, and prints its R^2 on new data.
 */
public final class FirstModel {
  private FirstModel() {}

  /** Trains and prints the model's R^2 on new data. */
  public static void main(String[] args) {
    System.out.printf("R^2 on new data: %.4f%n", trainAndScore(7));
  }

  /** Trains a regressor on 256 rows made with {@code seed}, and scores it on 256 others. */
  static double trainAndScore(long seed) {
    Random random = new Random(seed);
    Dataset train = rows(random, 256);
    Dataset test = rows(random, 256);
    Regressor net = Regressor.builder().layers(2, 16, 1).seed(seed).build();
    net.addLoss("mae(weight=0)");
    TrainOptions options =
        TrainOptions.builder().algorithm("adam").learningRate(0.01).maxUpdates(60).build();
    net.train(train, options);
    return net.score(test.inputs(), test.target());
  }

  private static Dataset rows(Random random, int n) {
    INDArray x = Nd4j.create(n, 2);
    INDArray y = Nd4j.create(n, 1);
    for (int i = 0; i < n; i++) {
      double x1 = random.nextGaussian();
      double x2 = random.nextGaussian();
      x.putScalar(i, 0, x1);
      x.putScalar(i, 1, x2);
      y.putScalar(i, 0, 2 * x1 - x2);
    }
    return Dataset.of(x, y);
  }
}
