package io.github.javanets.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.javanets.conventions.SameBits;
import io.github.javanets.train.TrainingProblem;
import io.github.javanets.train.TrainingSettings;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Small synthetic data sets made with {@link java.util.Random} and fixed seeds, and exact
 * comparisons of arrays, shared by the models and training tests.
 */
public final class TestData {
  private TestData() {}

  /**
   * A model's training graph's placeholder values for {@code batch}, as its trainer gets them.
   *
   * @param noise training noise and dropout masks, or null for none
   */
  public static Map<String, INDArray> feed(TrainingProblem graph, Dataset batch, Random noise) {
    return ((ModelGraph) graph).feed(batch, noise);
  }

  /**
   * The training graph of {@code model}'s losses and {@code regularizers} for sequences of {@code
   * steps} steps (-1: any), the one its {@code train} and {@code evaluate} use.
   */
  public static TrainingProblem trainingGraph(
      Model model, Map<Regularizer, Double> regularizers, int steps) {
    return model.graphs().training(model.losses(), regularizers, steps);
  }

  /** The settings a model's trainer gets for {@code options}. */
  public static TrainingSettings settings(TrainOptions options) {
    return TrainingAdapter.settings(options);
  }

  /** A {@code (rows, cols)} DOUBLE matrix of standard normal values. */
  public static INDArray gaussian(long seed, int rows, int cols) {
    Random random = new Random(seed);
    double[] v = new double[rows * cols];
    for (int i = 0; i < v.length; i++) {
      v[i] = random.nextGaussian();
    }
    return Nd4j.create(v, new long[] {rows, cols}, DataType.DOUBLE);
  }

  /** A {@code (rows, cols)} DOUBLE matrix of values uniform in {@code [low, high)}. */
  public static INDArray uniform(long seed, int rows, int cols, double low, double high) {
    Random random = new Random(seed);
    double[] v = new double[rows * cols];
    for (int i = 0; i < v.length; i++) {
      v[i] = low + (high - low) * random.nextDouble();
    }
    return Nd4j.create(v, new long[] {rows, cols}, DataType.DOUBLE);
  }

  /** Inputs {@code (n, in)} and targets {@code x A + 0.5 tanh(x B)}, {@code (n, out)}. */
  public static Dataset regression(long seed, int n, int in, int out) {
    INDArray x = gaussian(seed, n, in);
    INDArray a = gaussian(seed + 1, in, out);
    INDArray b = gaussian(seed + 2, in, out);
    INDArray y =
        x.mmul(a).addi(org.nd4j.linalg.ops.transforms.Transforms.tanh(x.mmul(b)).muli(0.5));
    return Dataset.of(x, y);
  }

  /**
   * {@code n} points in {@code in} dimensions around {@code k} well separated centers, labels
   * {@code (n)} INT64 cycling through the classes.
   */
  public static Dataset blobs(long seed, int n, int in, int k) {
    Random random = new Random(seed);
    double[][] centers = new double[k][in];
    for (int c = 0; c < k; c++) {
      for (int d = 0; d < in; d++) {
        centers[c][d] = 4 * random.nextGaussian();
      }
    }
    double[] x = new double[n * in];
    long[] labels = new long[n];
    for (int i = 0; i < n; i++) {
      int c = i % k;
      labels[i] = c;
      for (int d = 0; d < in; d++) {
        x[i * in + d] = centers[c][d] + 0.5 * random.nextGaussian();
      }
    }
    return Dataset.of(
        Nd4j.create(x, new long[] {n, in}, DataType.DOUBLE), Nd4j.createFromArray(labels));
  }

  /**
   * {@code n} rows in {@code dim} dimensions that lie on a random {@code rank}-dimensional plane.
   */
  public static INDArray lowRank(long seed, int n, int dim, int rank) {
    return gaussian(seed, n, rank).mmul(gaussian(seed + 1, rank, dim));
  }

  /** Every element of {@code a}, row-major, as doubles. */
  public static double[] flat(INDArray a) {
    return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
  }

  /** A 2-D array as rows of doubles. */
  public static double[][] rows(INDArray a) {
    double[][] r = new double[(int) a.size(0)][(int) a.size(1)];
    for (int i = 0; i < r.length; i++) {
      for (int j = 0; j < r[i].length; j++) {
        r[i][j] = a.getDouble(i, j);
      }
    }
    return r;
  }

  /** A dense layer's pre-activation {@code h W + b}, computed in plain double loops. */
  public static double[][] dense(double[][] h, INDArray w, INDArray b) {
    double[][] out = new double[h.length][(int) w.size(1)];
    for (int i = 0; i < h.length; i++) {
      for (int j = 0; j < out[i].length; j++) {
        double s = b.getDouble(j);
        for (int k = 0; k < h[i].length; k++) {
          s += h[i][k] * w.getDouble(k, j);
        }
        out[i][j] = s;
      }
    }
    return out;
  }

  /** Asserts a 2-D array's shape and that each element is within 1e-12 of the expected one. */
  public static void assertClose(INDArray actual, double[][] expected) {
    assertThat(actual.shape()).containsExactly(expected.length, expected[0].length);
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < expected[i].length; j++) {
        assertThat(actual.getDouble(i, j))
            .as("[%d, %d]", i, j)
            .isCloseTo(expected[i][j], within(1e-12));
      }
    }
  }

  /** Asserts that two parameter maps hold the same names, data types, shapes and bits. */
  public static void assertBitIdentical(
      Map<String, INDArray> actual, Map<String, INDArray> expected) {
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    expected.forEach((name, e) -> assertSameBits(name, actual.get(name), e));
  }

  /**
   * Asserts the same data type, shape and raw bits of every element ({@code what} names the array):
   * {@link SameBits#assertSameBits(String, INDArray, INDArray)}.
   */
  public static void assertSameBits(String what, INDArray actual, INDArray expected) {
    SameBits.assertSameBits(what, actual, expected);
  }

  /** Each element's raw bits in its own data type, in c order. */
  public static long[] bits(INDArray array) {
    return SameBits.bits(array);
  }

  /** Whether any parameter differs in any bit. */
  public static boolean differ(Map<String, INDArray> a, Map<String, INDArray> b) {
    for (Map.Entry<String, INDArray> e : a.entrySet()) {
      double[] x = flat(e.getValue());
      double[] y = flat(b.get(e.getKey()));
      for (int i = 0; i < x.length; i++) {
        if (Double.doubleToRawLongBits(x[i]) != Double.doubleToRawLongBits(y[i])) {
          return true;
        }
      }
    }
    return false;
  }

  /** The last epoch's training monitors. */
  public static Map<String, Double> lastTrain(TrainingResult result) {
    return result.history().get(result.history().size() - 1).train();
  }

  /** The first epoch's training monitors. */
  public static Map<String, Double> firstTrain(TrainingResult result) {
    return result.history().get(0).train();
  }
}
