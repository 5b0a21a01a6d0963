package io.github.javanets.spark;

import java.io.Serializable;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An array as Spark ships it: its shape and its values in a Java array of its data type ({@code
 * float[]} for FLOAT, {@code double[]} for DOUBLE, {@code long[]} for integer labels), 'c' order.
 * Immutable once made; the values are not copied out again.
 */
final class NamedArray implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long[] shape;
  private final float[] floats;
  private final double[] doubles;
  private final long[] longs;

  private NamedArray(long[] shape, float[] floats, double[] doubles, long[] longs) {
    this.shape = shape;
    this.floats = floats;
    this.doubles = doubles;
    this.longs = longs;
  }

  /** The values of {@code a}, copied: FLOAT and DOUBLE as they are, any integer type as longs. */
  static NamedArray of(INDArray a) {
    long[] shape = a.shape();
    INDArray c = a.dup('c').reshape(new long[] {a.length()});
    DataType t = c.dataType();
    if (t == DataType.FLOAT) {
      return new NamedArray(shape, c.toFloatVector(), null, null);
    }
    if (t.isFPType()) {
      return new NamedArray(shape, null, c.castTo(DataType.DOUBLE).toDoubleVector(), null);
    }
    return new NamedArray(shape, null, null, c.castTo(DataType.INT64).toLongVector());
  }

  static NamedArray ofFloats(long[] shape, float[] values) {
    return new NamedArray(shape.clone(), values, null, null);
  }

  static NamedArray ofDoubles(long[] shape, double[] values) {
    return new NamedArray(shape.clone(), null, values, null);
  }

  static NamedArray ofLongs(long[] shape, long[] values) {
    return new NamedArray(shape.clone(), null, null, values);
  }

  /** A fresh ND4J array of these values. */
  INDArray toArray() {
    if (floats != null) {
      return Nd4j.create(floats, shape, 'c');
    }
    if (doubles != null) {
      return Nd4j.create(doubles, shape, 'c');
    }
    return Nd4j.createFromArray(longs).reshape(shape);
  }

  /** The values as doubles, 'c' order. */
  double[] toDoubles() {
    if (doubles != null) {
      return doubles;
    }
    double[] out = new double[floats != null ? floats.length : longs.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = floats != null ? floats[i] : longs[i];
    }
    return out;
  }

  long[] shape() {
    return shape.clone();
  }

  /** The bytes the values take. */
  long bytes() {
    if (floats != null) {
      return 4L * floats.length;
    }
    return 8L * (doubles != null ? doubles.length : longs.length);
  }

  @Override
  public String toString() {
    return "array" + Arrays.toString(shape);
  }
}
