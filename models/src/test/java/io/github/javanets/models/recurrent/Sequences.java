package io.github.javanets.models.recurrent;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Small sequence data sets with fixed seeds for the recurrent model tests. */
final class Sequences {
  private Sequences() {}

  /** A {@code (b, t, f)} DOUBLE array of values uniform in {@code [-1, 1)}. */
  static INDArray uniform(long seed, int b, int t, int f) {
    Random random = new Random(seed);
    double[] v = new double[b * t * f];
    for (int i = 0; i < v.length; i++) {
      v[i] = 2 * random.nextDouble() - 1;
    }
    return Nd4j.create(v, new long[] {b, t, f}, DataType.DOUBLE);
  }

  /** The delayed copy of {@code x}: {@code y[:, t] = x[:, t - delay]}, 0 for the first steps. */
  static INDArray delayed(INDArray x, int delay) {
    INDArray y = Nd4j.zeros(x.dataType(), x.shape());
    long t = x.size(1);
    y.get(NDArrayIndex.all(), NDArrayIndex.interval(delay, t), NDArrayIndex.all())
        .assign(x.get(NDArrayIndex.all(), NDArrayIndex.interval(0, t - delay), NDArrayIndex.all()));
    return y;
  }

  /** Lengths in {@code [min, t]} for {@code b} sequences, the first always {@code t}. */
  static int[] lengths(long seed, int b, int min, int t) {
    Random random = new Random(seed);
    int[] lengths = new int[b];
    for (int i = 0; i < b; i++) {
      lengths[i] = i == 0 ? t : min + random.nextInt(t - min + 1);
    }
    return lengths;
  }

  /** Weights {@code (b, t, f)} (or {@code (b, t)} when {@code f} is 0): 1 on real steps, else 0. */
  static INDArray mask(int[] lengths, int t, int f) {
    INDArray w =
        f == 0
            ? Nd4j.zeros(DataType.DOUBLE, lengths.length, t)
            : Nd4j.zeros(DataType.DOUBLE, lengths.length, t, f);
    for (int i = 0; i < lengths.length; i++) {
      w.get(NDArrayIndex.point(i), NDArrayIndex.interval(0, lengths[i])).assign(1.0);
    }
    return w;
  }

  /** {@code a} with its padded steps (where {@code mask} is 0) replaced by {@code padding}. */
  static INDArray pad(INDArray a, INDArray mask, INDArray padding) {
    return a.mul(mask).addi(padding.mul(mask.rsub(1.0)));
  }

  /** The first {@code t} steps of {@code a}, a copy. */
  static INDArray steps(INDArray a, int t) {
    return a.get(NDArrayIndex.all(), NDArrayIndex.interval(0, t), NDArrayIndex.all()).dup();
  }
}
