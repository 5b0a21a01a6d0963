package io.github.javanets.models;

import io.github.javanets.loss.internal.ArrayChecks;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Per-column statistics accumulated in one pass over the data, in double: the count, mean and sum
 * of squared deviations of each column, and its minimum and maximum. Each batch's moments are
 * computed in two passes over the batch (its means, then the squared deviations from them) and
 * merged into the total by Chan's formula, so that no sum of squares of raw values (which loses
 * every digit to cancellation for a column of large mean) is ever formed. Not thread-safe.
 */
final class ColumnMoments {
  private final double[] weight;
  private final double[] mean;
  private final double[] m2;
  private final double[] min;
  private final double[] max;

  /** Empty moments of {@code columns} columns. */
  ColumnMoments(int columns) {
    weight = new double[columns];
    mean = new double[columns];
    m2 = new double[columns];
    min = new double[columns];
    max = new double[columns];
    java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
  }

  int columns() {
    return mean.length;
  }

  /**
   * Adds the values of {@code x}, its last dimension the columns, every other index a row.
   *
   * @param x the values, finite (a {@link Dataset}'s arrays are); not null
   * @param weights null to count every value; else with {@code perValue} shaped like {@code x}, to
   *     count each value whose weight is &gt; 0, or without it shaped like {@code x}'s rows
   *     followed by any dimensions (the weights of a target, for an array of inputs), to count each
   *     row that has a weight &gt; 0
   * @param perValue whether each value has its own weight
   */
  void add(INDArray x, INDArray weights, boolean perValue) {
    int columns = columns();
    double[] v = values(x);
    long rows = v.length / columns;
    double[] w = weights == null ? null : values(weights);
    perValue = w != null && perValue && sameShape(x, weights);
    long perRow = w == null || perValue ? 0 : w.length / Math.max(1, rows);
    boolean[] counted = new boolean[(int) rows];
    for (int r = 0; r < rows; r++) {
      counted[r] = perRow == 0 || anyPositive(w, r * perRow, perRow);
    }
    // The batch's own moments in two passes (sums, then squared deviations from the batch mean),
    // merged into the total by Chan's formula.
    ColumnMoments batch = new ColumnMoments(columns);
    double[] n = batch.weight;
    double[] sum = batch.mean;
    double[] lo = batch.min;
    double[] hi = batch.max;
    for (int r = 0; r < rows; r++) {
      if (!counted[r]) {
        continue;
      }
      for (int c = 0, i = r * columns; c < columns; c++, i++) {
        if (!perValue || w[i] > 0) {
          double value = v[i];
          n[c] += 1;
          sum[c] += value;
          lo[c] = Math.min(lo[c], value);
          hi[c] = Math.max(hi[c], value);
        }
      }
    }
    for (int c = 0; c < columns; c++) {
      sum[c] = n[c] == 0 ? 0 : sum[c] / n[c];
    }
    double[] mean = sum;
    double[] m2 = batch.m2;
    for (int r = 0; r < rows; r++) {
      if (!counted[r]) {
        continue;
      }
      for (int c = 0, i = r * columns; c < columns; c++, i++) {
        if (!perValue || w[i] > 0) {
          double d = v[i] - mean[c];
          m2[c] += d * d;
        }
      }
    }
    merge(batch);
  }

  /** The values of {@code x} in 'c' order, as doubles. */
  private static double[] values(INDArray x) {
    if (x.dataType() == DataType.FLOAT && ArrayChecks.wholeBufferInCOrder(x)) {
      // Read straight from the buffer: one bulk copy, no cast op.
      float[] f = new float[(int) x.length()];
      x.data().asNioFloat().get(0, f);
      double[] d = new double[f.length];
      for (int i = 0; i < f.length; i++) {
        d[i] = f[i];
      }
      return d;
    }
    return x.castTo(DataType.DOUBLE).dup('c').data().asDouble();
  }

  private static boolean sameShape(INDArray a, INDArray b) {
    return java.util.Arrays.equals(a.shape(), b.shape());
  }

  private static boolean anyPositive(double[] w, long from, long count) {
    for (long i = from; i < from + count; i++) {
      if (w[(int) i] > 0) {
        return true;
      }
    }
    return false;
  }

  /** Chan's merge of {@code other} into these moments. */
  void merge(ColumnMoments other) {
    for (int c = 0; c < columns(); c++) {
      double wb = other.weight[c];
      if (wb == 0) {
        continue;
      }
      double wa = weight[c];
      double total = wa + wb;
      double delta = other.mean[c] - mean[c];
      mean[c] += delta * (wb / total);
      m2[c] += other.m2[c] + delta * delta * (wa * wb / total);
      weight[c] = total;
      min[c] = Math.min(min[c], other.min[c]);
      max[c] = Math.max(max[c], other.max[c]);
    }
  }

  /** The counted values of column {@code c}. */
  double count(int c) {
    return weight[c];
  }

  /** The mean of column {@code c}; 0 without values. */
  double mean(int c) {
    return mean[c];
  }

  /** The population standard deviation of column {@code c}; 0 without values. */
  double std(int c) {
    return weight[c] == 0 ? 0 : Math.sqrt(Math.max(0, m2[c] / weight[c]));
  }

  /** The smallest value of column {@code c}; +infinity without values. */
  double min(int c) {
    return min[c];
  }

  /** The largest value of column {@code c}; -infinity without values. */
  double max(int c) {
    return max[c];
  }

  /**
   * The scaler these moments fit: each column's mean and standard deviation, or minimum and range.
   * A column without values gets offset 0 and scale 1, a constant one scale 1.
   *
   * @param scaling not {@link Scaling#NONE}
   * @param what names the columns in an error ({@code "input"}, {@code "target"})
   * @throws IllegalArgumentException if a column's spread overflows a double
   */
  Scaler scaler(Scaling scaling, String what) {
    int n = columns();
    double[] offsets = new double[n];
    double[] scales = new double[n];
    for (int c = 0; c < n; c++) {
      if (weight[c] == 0) {
        scales[c] = 1;
        continue;
      }
      offsets[c] = scaling == Scaling.STANDARD ? mean[c] : min[c];
      double scale = scaling == Scaling.STANDARD ? std(c) : max[c] - min[c];
      if (!Double.isFinite(scale)) {
        throw Errors.spreadOverflows(what, c, scale);
      }
      // 0, or so small that dividing by it would overflow: a constant column.
      scales[c] = scale >= Double.MIN_NORMAL ? scale : 1;
    }
    return Scaler.of(scaling, offsets, scales);
  }
}
