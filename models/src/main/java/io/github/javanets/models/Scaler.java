package io.github.javanets.models;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.Objects;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fitted {@link Scaling}: one offset and one scale per column, each column {@code c} scaled to
 * {@code (x - offset[c]) / scale[c]}. Every offset is finite and every scale finite and &gt; 0.
 * Immutable and thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class Scaler {
  private final Scaling scaling;
  private final double[] offsets;
  private final double[] scales;

  private Scaler(Scaling scaling, double[] offsets, double[] scales) {
    this.scaling = scaling;
    this.offsets = offsets;
    this.scales = scales;
  }

  /**
   * A scaler with these statistics.
   *
   * @param scaling how they were fitted; not null, not {@link Scaling#NONE}
   * @param offsets each column's offset, finite; not null
   * @param scales each column's scale, finite and &gt; 0, as many as offsets; not null
   * @return the scaler; never null
   * @throws IllegalArgumentException for {@code NONE}, lengths that differ or are 0, or a value out
   *     of range, naming the column
   */
  public static Scaler of(Scaling scaling, double[] offsets, double[] scales) {
    Objects.requireNonNull(scaling, "scaling");
    Objects.requireNonNull(offsets, "offsets");
    Objects.requireNonNull(scales, "scales");
    if (scaling == Scaling.NONE) {
      throw Errors.scalerOfNone();
    }
    if (offsets.length != scales.length || offsets.length == 0) {
      throw Errors.scalerLengths(offsets.length, scales.length);
    }
    for (int c = 0; c < offsets.length; c++) {
      if (!Double.isFinite(offsets[c])) {
        throw Errors.badOffset(c, offsets[c]);
      }
      if (!(scales[c] > 0 && Double.isFinite(scales[c]))) {
        throw Errors.badScale(c, scales[c]);
      }
    }
    return new Scaler(scaling, offsets.clone(), scales.clone());
  }

  /** How the statistics were fitted; never {@link Scaling#NONE}. */
  public Scaling scaling() {
    return scaling;
  }

  /** The number of columns. */
  public int columns() {
    return offsets.length;
  }

  /** A copy of each column's offset (its mean or minimum). */
  public double[] offsets() {
    return offsets.clone();
  }

  /** A copy of each column's scale (its standard deviation or range; 1 for a constant column). */
  public double[] scales() {
    return scales.clone();
  }

  /**
   * Scales {@code x}: every column (the last dimension) to {@code (x - offset) / scale}, computed
   * in double and rounded to {@code type}. {@code x} is not changed.
   *
   * @param x values whose last dimension has {@link #columns()} entries; not null
   * @param type the data type of the result; not null
   * @return a new array shaped like {@code x}; never null
   * @throws IllegalArgumentException if the last dimension is not {@link #columns()} long
   */
  public INDArray transform(INDArray x, DataType type) {
    INDArray d = asDoubleRows(x);
    if (d.length() == 0) {
      return x.castTo(type);
    }
    d.subiRowVector(Nd4j.createFromArray(offsets)).diviRowVector(Nd4j.createFromArray(scales));
    return d.reshape('c', x.shape()).castTo(type);
  }

  /**
   * Turns scaled values back: every column to {@code y * scale + offset}, computed in double and
   * rounded to {@code type}. {@code y} is not changed.
   *
   * @param y scaled values whose last dimension has {@link #columns()} entries; not null
   * @param type the data type of the result; not null
   * @return a new array shaped like {@code y}; never null
   * @throws IllegalArgumentException if the last dimension is not {@link #columns()} long
   */
  public INDArray inverse(INDArray y, DataType type) {
    INDArray d = asDoubleRows(y);
    if (d.length() == 0) {
      return y.castTo(type);
    }
    d.muliRowVector(Nd4j.createFromArray(scales)).addiRowVector(Nd4j.createFromArray(offsets));
    return d.reshape('c', y.shape()).castTo(type);
  }

  /** A fresh double copy of {@code x} as rows of {@link #columns()} values. */
  private INDArray asDoubleRows(INDArray x) {
    Objects.requireNonNull(x, "x");
    if (x.rank() < 1 || x.size(x.rank() - 1) != offsets.length) {
      throw Errors.scalerDoesNotFit(x.shape(), offsets.length);
    }
    INDArray d = x.dataType() == DataType.DOUBLE ? x.dup('c') : x.castTo(DataType.DOUBLE).dup('c');
    return d.reshape('c', x.length() / offsets.length, offsets.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Scaler s
        && scaling == s.scaling
        && Arrays.equals(offsets, s.offsets)
        && Arrays.equals(scales, s.scales);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scaling, Arrays.hashCode(offsets), Arrays.hashCode(scales));
  }

  /** {@code STANDARD(offsets=[...], scales=[...])}. */
  @Override
  public String toString() {
    return scaling
        + "(offsets="
        + Arrays.toString(offsets)
        + ", scales="
        + Arrays.toString(scales)
        + ")";
  }
}
