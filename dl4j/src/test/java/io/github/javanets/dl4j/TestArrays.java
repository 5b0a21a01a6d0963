package io.github.javanets.dl4j;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Reproducible DOUBLE arrays for the tests. */
final class TestArrays {
  static final DataType DOUBLE = DataType.DOUBLE;

  private TestArrays() {}

  /** {@code [rows, cols]} uniform in {@code [lo, hi)}. */
  static INDArray uniform(long seed, int rows, int cols, double lo, double hi) {
    Random random = new Random(seed);
    double[][] v = new double[rows][cols];
    for (double[] row : v) {
      for (int j = 0; j < cols; j++) {
        row[j] = lo + (hi - lo) * random.nextDouble();
      }
    }
    return Nd4j.create(v);
  }

  /** One-hot rows {@code [ids.length, classes]}. */
  static INDArray oneHot(int classes, int... ids) {
    INDArray labels = Nd4j.zeros(DataType.DOUBLE, ids.length, classes);
    for (int i = 0; i < ids.length; i++) {
      labels.putScalar(i, ids[i], 1.0);
    }
    return labels;
  }

  /** A column {@code [values.length, 1]}. */
  static INDArray column(double... values) {
    return Nd4j.createFromArray(values).reshape(values.length, 1);
  }
}
