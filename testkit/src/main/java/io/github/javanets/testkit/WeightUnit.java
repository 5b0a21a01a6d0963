package io.github.javanets.testkit;

import io.github.javanets.loss.TargetKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The weights that make one element of a loss's inputs absent when they are 0, and the entries of
 * the target and outputs that element covers.
 *
 * <p>Usually that is one weight and the entries at its index: the same index in the target and in
 * every output of the weights' shape, and the whole class axis of an output with one more axis (the
 * scores of a labelled row). For {@link TargetKind#SAMPLES} (as {@code mmd}) a row carries the mean
 * of its element weights, so the unit is the whole row.
 */
final class WeightUnit {
  private final long[] weightShape;
  private final List<long[]> indices;

  private WeightUnit(long[] weightShape, List<long[]> indices) {
    this.weightShape = weightShape;
    this.indices = indices;
  }

  /** The unit holding the weight at {@code index}. */
  static WeightUnit around(TargetKind kind, long[] weightShape, long[] index) {
    List<long[]> indices = new ArrayList<>();
    if (kind == TargetKind.SAMPLES && weightShape.length > 1) {
      int last = weightShape.length - 1;
      for (long j = 0; j < weightShape[last]; j++) {
        long[] i = index.clone();
        i[last] = j;
        indices.add(i);
      }
    } else {
      indices.add(index.clone());
    }
    return new WeightUnit(weightShape.clone(), indices);
  }

  /** Whether the unit holds every weight. */
  boolean coversAll() {
    return indices.size() == RandomArrays.length(weightShape);
  }

  /** A copy of {@code weights} with this unit's weights set to 0. */
  INDArray zeroIn(INDArray weights) {
    INDArray w = weights.dup('c');
    for (long[] i : indices) {
      w.putScalar(i, 0.0);
    }
    return w;
  }

  /**
   * The entries of an array of {@code shape} that this unit covers: its own indices for an array of
   * the weights' shape, each with every class for an array with one more axis; none otherwise.
   */
  List<long[]> entries(long[] shape) {
    if (Arrays.equals(shape, weightShape)) {
      return indices;
    }
    int rank = weightShape.length;
    if (shape.length != rank + 1 || !Arrays.equals(Arrays.copyOf(shape, rank), weightShape)) {
      return List.of();
    }
    List<long[]> out = new ArrayList<>();
    for (long[] i : indices) {
      for (long j = 0; j < shape[rank]; j++) {
        long[] e = Arrays.copyOf(i, rank + 1);
        e[rank] = j;
        out.add(e);
      }
    }
    return out;
  }

  /** {@code base} with the target and output entries of this unit taken from {@code donor}. */
  LossInputs copyFrom(LossInputs base, LossInputs donor) {
    Map<String, INDArray> outputs = new LinkedHashMap<>();
    base.outputs().forEach((k, v) -> outputs.put(k, copy(v, donor.outputs().get(k))));
    INDArray target = base.target() == null ? null : copy(base.target(), donor.target());
    return base.withOutputs(outputs).withTarget(target);
  }

  private INDArray copy(INDArray to, INDArray from) {
    INDArray out = to.dup('c');
    for (long[] e : entries(to.shape())) {
      out.putScalar(e, from.getDouble(e));
    }
    return out;
  }
}
