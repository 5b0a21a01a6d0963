package io.github.javanets.testkit;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Random;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Random DOUBLE arrays for {@link LossFixture}s, reproducible from a {@link Random}. Every method
 * takes the generator first and the shape last.
 */
@API(status = STABLE, since = "0.1")
public final class RandomArrays {
  private RandomArrays() {}

  /**
   * Values drawn uniformly from {@code [low, high)}.
   *
   * @param random the generator; not null
   * @param low the smallest value
   * @param high the bound of the values, {@code > low}
   * @param shape the shape
   * @return a new DOUBLE array; never null
   */
  public static INDArray uniform(Random random, double low, double high, long... shape) {
    double[] v = new double[length(shape)];
    for (int i = 0; i < v.length; i++) {
      v[i] = low + (high - low) * random.nextDouble();
    }
    return Nd4j.create(v, shape, DataType.DOUBLE);
  }

  /**
   * Values whose absolute value is drawn uniformly from {@code [low, high)}, with a random sign.
   *
   * @param random the generator; not null
   * @param low the smallest absolute value, {@code >= 0}
   * @param high the bound of the absolute values, {@code > low}
   * @param shape the shape
   * @return a new DOUBLE array; never null
   */
  public static INDArray signed(Random random, double low, double high, long... shape) {
    INDArray a = uniform(random, low, high, shape);
    for (long i = 0; i < a.length(); i++) {
      if (random.nextBoolean()) {
        a.putScalar(i, -a.getDouble(i));
      }
    }
    return a;
  }

  /**
   * Probability distributions along the last axis: the softmax of logits drawn from {@code [-1,
   * 1)}, so every probability is well inside {@code (0, 1)}.
   *
   * @param random the generator; not null
   * @param shape the shape, the classes along the last axis
   * @return a new DOUBLE array whose rows sum to 1; never null
   */
  public static INDArray distributions(Random random, long... shape) {
    double[] v = Float64Array.of(uniform(random, -1, 1, shape)).toArray();
    int k = (int) shape[shape.length - 1];
    for (int row = 0; row < v.length; row += k) {
      double sum = 0;
      for (int j = row; j < row + k; j++) {
        v[j] = Math.exp(v[j]);
        sum += v[j];
      }
      for (int j = row; j < row + k; j++) {
        v[j] /= sum;
      }
    }
    return Nd4j.create(v, shape, DataType.DOUBLE);
  }

  /**
   * Integer class labels drawn uniformly from {@code [0, classes)}.
   *
   * @param random the generator; not null
   * @param classes the number of classes, {@code >= 1}
   * @param shape the shape of the labels (the output's shape without its class axis)
   * @return a new INT64 array; never null
   */
  public static INDArray labels(Random random, int classes, long... shape) {
    double[] v = new double[length(shape)];
    for (int i = 0; i < v.length; i++) {
      v[i] = random.nextInt(classes);
    }
    return Nd4j.create(v, shape, DataType.DOUBLE).castTo(DataType.INT64);
  }

  /**
   * Positive weights drawn uniformly from {@code [0.5, 2)}.
   *
   * @param random the generator; not null
   * @param shape the shape (the target's)
   * @return a new DOUBLE array; never null
   */
  public static INDArray weights(Random random, long... shape) {
    return uniform(random, 0.5, 2.0, shape);
  }

  /** The number of elements of a shape. */
  static int length(long[] shape) {
    long n = 1;
    for (long s : shape) {
      n *= s;
    }
    return Math.toIntExact(n);
  }
}
