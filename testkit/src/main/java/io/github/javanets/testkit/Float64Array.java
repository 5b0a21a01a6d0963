package io.github.javanets.testkit;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Arrays;
import java.util.Objects;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An immutable n-dimensional array of doubles in row-major (c) order, for writing float64 reference
 * implementations of losses as plain Java loops, independent of ND4J arithmetic.
 *
 * <p>Index with {@link #get(int...)} or, for loops over rows, with {@link #flat(int)}: for an array
 * of shape {@code (..., k)} the elements of row {@code r} (all axes but the last flattened) are
 * {@code flat(r * k)} to {@code flat(r * k + k - 1)}.
 */
@API(status = STABLE, since = "0.1")
public final class Float64Array {
  private final int[] shape;
  private final double[] data;

  private Float64Array(int[] shape, double[] data) {
    this.shape = shape;
    this.data = data;
  }

  /**
   * Copies an ND4J array of any numeric type.
   *
   * @param array the array; not null
   * @return its values as doubles; never null
   */
  public static Float64Array of(INDArray array) {
    Objects.requireNonNull(array, "array");
    double[] values = Nd4j.toFlattened('c', array).castTo(DataType.DOUBLE).toDoubleVector();
    return new Float64Array(toInt(array.shape()), values);
  }

  /**
   * Wraps a copy of {@code data} with a shape.
   *
   * @param data the values in row-major order; not null
   * @param shape the shape, whose product is {@code data.length}
   * @return the array; never null
   * @throws IllegalArgumentException if the sizes disagree
   */
  public static Float64Array of(double[] data, int... shape) {
    long n = 1;
    for (int s : shape) {
      n *= s;
    }
    if (n != data.length) {
      throw new IllegalArgumentException(
          "Shape " + Arrays.toString(shape) + " needs " + n + " values, got " + data.length + ".");
    }
    return new Float64Array(shape.clone(), data.clone());
  }

  /** The shape; a copy, never null. */
  public int[] shape() {
    return shape.clone();
  }

  /** The number of axes. */
  public int rank() {
    return shape.length;
  }

  /** The size of one axis; negative axes count from the end ({@code -1} is the last). */
  public int size(int axis) {
    return shape[axis < 0 ? shape.length + axis : axis];
  }

  /** The number of elements. */
  public int length() {
    return data.length;
  }

  /** The size of the last axis (1 for a rank-0 array). */
  public int lastAxisSize() {
    return shape.length == 0 ? 1 : shape[shape.length - 1];
  }

  /** The number of rows: the product of every axis but the last. */
  public int rowCount() {
    return data.length / Math.max(1, lastAxisSize());
  }

  /**
   * The element at a flat, row-major position.
   *
   * @param i in {@code [0, length())}
   * @return the value
   */
  public double flat(int i) {
    return data[i];
  }

  /**
   * The element at an index with one entry per axis.
   *
   * @param index the index; its length is {@link #rank()}
   * @return the value
   * @throws IllegalArgumentException if the index has the wrong length or is out of range
   */
  public double get(int... index) {
    if (index.length != shape.length) {
      throw new IllegalArgumentException(
          "Index " + Arrays.toString(index) + " for shape " + Arrays.toString(shape) + ".");
    }
    int flat = 0;
    for (int d = 0; d < shape.length; d++) {
      if (index[d] < 0 || index[d] >= shape[d]) {
        throw new IllegalArgumentException(
            "Index "
                + Arrays.toString(index)
                + " is outside shape "
                + Arrays.toString(shape)
                + ".");
      }
      flat = flat * shape[d] + index[d];
    }
    return data[flat];
  }

  /** Every value in row-major order; a copy, never null. */
  public double[] toArray() {
    return data.clone();
  }

  /**
   * Converts back to ND4J.
   *
   * @param type the data type of the result; not null
   * @return a new array of this shape; never null
   */
  public INDArray toINDArray(DataType type) {
    long[] s = Arrays.stream(shape).mapToLong(v -> v).toArray();
    return Nd4j.create(data.clone(), s, DataType.DOUBLE).castTo(type);
  }

  /**
   * The array with its first axis reordered: row {@code i} of the result is row {@code order[i]} of
   * this array.
   *
   * @param order a permutation of {@code [0, size(0))}; not null
   * @return the reordered array; never null
   */
  public Float64Array permuteFirstAxis(int[] order) {
    if (order.length != shape[0]) {
      throw new IllegalArgumentException(
          "Permutation of " + order.length + " rows for shape " + Arrays.toString(shape) + ".");
    }
    int block = data.length / shape[0];
    double[] out = new double[data.length];
    for (int i = 0; i < order.length; i++) {
      System.arraycopy(data, order[i] * block, out, i * block, block);
    }
    return new Float64Array(shape.clone(), out);
  }

  private static int[] toInt(long[] shape) {
    int[] s = new int[shape.length];
    for (int i = 0; i < shape.length; i++) {
      s[i] = Math.toIntExact(shape[i]);
    }
    return s;
  }

  @Override
  public String toString() {
    return "Float64Array" + Arrays.toString(shape) + Arrays.toString(data);
  }
}
