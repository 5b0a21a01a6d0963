package io.github.javanets.dl4j;

import io.github.javanets.models.Dataset;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's arrays as a javanets {@link Dataset} takes them: rank-3 arrays from DL4J's {@code (batch,
 * size, time)} to {@code (batch, time, size)}, one-hot labels to class indices where asked, and
 * label masks to weights shaped like what they weigh.
 */
final class Dl4jArrays {
  private Dl4jArrays() {}

  /** Features or labels in javanets' layout: rank 3 permuted to {@code (batch, time, size)}. */
  static INDArray layout(INDArray a) {
    return a.rank() == 3 ? a.permute(0, 2, 1) : a;
  }

  /**
   * Labels as javanets takes them: class indices (INT64) of one-hot labels along DL4J's class axis
   * (1) when {@code indices}, else the labels in javanets' layout.
   */
  static INDArray labels(INDArray labels, boolean indices) {
    return indices ? labels.argMax(1).castTo(DataType.INT64) : layout(labels);
  }

  /**
   * A DL4J label mask ({@code (batch, time)}, {@code (batch, 1)} or the labels' own shape) as the
   * weights of {@code weighed}, in {@code type}: repeated along the last axis where it has one axis
   * fewer than {@code weighed}, or reshaped where its last axis is 1 and {@code weighed} has none.
   *
   * @throws IllegalArgumentException if it fits none of these
   */
  static INDArray weights(INDArray mask, INDArray weighed, String name, DataType type) {
    INDArray m = mask.rank() == 3 ? layout(mask) : mask;
    long[] target = weighed.shape();
    if (java.util.Arrays.equals(m.shape(), target)) {
      return m.castTo(type);
    }
    int rank = target.length;
    if (m.rank() == rank && m.size(rank - 1) == 1 && prefix(m.shape(), target, rank - 1)) {
      return m.castTo(type).repeat(rank - 1, target[rank - 1]);
    }
    if (m.rank() == rank - 1 && prefix(m.shape(), target, rank - 1)) {
      return m.castTo(type).reshape(append(m.shape(), 1)).repeat(rank - 1, target[rank - 1]);
    }
    if (m.rank() == rank + 1 && m.size(rank) == 1 && prefix(target, m.shape(), rank)) {
      return m.castTo(type).reshape(target);
    }
    throw Errors.maskDoesNotFit(name, mask.shape(), target);
  }

  private static boolean prefix(long[] a, long[] b, int n) {
    for (int i = 0; i < n; i++) {
      if (a[i] != b[i]) {
        return false;
      }
    }
    return true;
  }

  private static long[] append(long[] shape, long last) {
    long[] s = java.util.Arrays.copyOf(shape, shape.length + 1);
    s[shape.length] = last;
    return s;
  }

  /** Adds {@code labels} as {@code name} and its mask as {@code name}'s weights to a builder. */
  static void addLabels(
      Dataset.Builder b, String name, INDArray labels, INDArray mask, boolean indices, DataType t) {
    INDArray target = labels(labels, indices);
    b.array(name, target);
    if (mask != null) {
      b.array(Dataset.weightsOf(name), weights(mask, target, name, t));
    }
  }
}
