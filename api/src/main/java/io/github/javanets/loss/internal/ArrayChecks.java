package io.github.javanets.loss.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.javanets.loss.Loss;
import io.github.javanets.loss.TargetKind;
import java.util.Arrays;
import java.util.Objects;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Checks of the arrays a loss reads, with messages that name the array, the offending shape or
 * value and what is accepted. Models use them to validate datasets; {@link Loss#checkArrays} uses
 * {@link #checkTarget} before a loss is evaluated on arrays. Internal to javanets: outside use is
 * unsupported.
 */
@API(status = INTERNAL, since = "0.1")
public final class ArrayChecks {
  private ArrayChecks() {}

  /**
   * {@code array} as a plain array: itself when it is already one (order 'c', element {@code i} at
   * index {@code i} of a buffer of its own length, from offset 0), else a fresh 'c'-order copy.
   * Views (a column range, say) and 'f'-order arrays are copied: ND4J 1.0.0-M2.1 slices views of
   * views wrongly (a row range of a column range can lose its buffer), and native ops then fail or
   * read the wrong memory. Empty arrays are returned as they are.
   *
   * @param arrayName the array's name for the message; not null
   * @param array the array; not null
   * @return {@code array} or a copy; never null
   * @throws IllegalArgumentException if {@code array} has no data buffer, naming it
   */
  public static INDArray contiguous(String arrayName, INDArray array) {
    Objects.requireNonNull(array, arrayName);
    if (array.isEmpty()) {
      return array;
    }
    if (array.data() == null) {
      throw Errors.noDataBuffer(arrayName, array.shape());
    }
    boolean plain =
        array.ordering() == 'c'
            && array.offset() == 0
            && array.elementWiseStride() == 1
            && array.data().length() == array.length();
    return plain ? array : array.dup('c');
  }

  /**
   * Checks that every weight is finite and &gt;= 0.
   *
   * @param arrayName the array's name for the message, such as {@code "weights"}; not null
   * @param weights the weights; not null
   * @throws IllegalArgumentException naming the array, the first bad value and its index
   */
  public static void checkWeights(String arrayName, INDArray weights) {
    if (allFinite(weights, true)) {
      return;
    }
    double[] w = flat(weights);
    for (int i = 0; i < w.length; i++) {
      if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
        throw Errors.badWeight(arrayName, w[i], index(weights.shape(), i));
      }
    }
  }

  /**
   * Checks that every value is finite (no NaN or infinity).
   *
   * @param arrayName the array's name for the message; not null
   * @param array the array; not null (arrays of integer types pass)
   * @throws IllegalArgumentException naming the array, the first bad value and its index
   */
  public static void checkFinite(String arrayName, INDArray array) {
    if (!array.dataType().isFPType()) {
      return;
    }
    if (allFinite(array, false)) {
      return;
    }
    double[] v = flat(array);
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        throw Errors.notFinite(arrayName, v[i], index(array.shape(), i));
      }
    }
  }

  /**
   * Whether {@code array} is the whole of its buffer, so that the buffer's values (read with {@code
   * asNioFloat} or {@code asNioDouble}, indexed by int) are its values, in some order: not empty,
   * no offset, as long as the buffer, at most {@code Integer.MAX_VALUE} values.
   *
   * @param array the array; not null
   */
  public static boolean wholeBuffer(INDArray array) {
    long n = array.length();
    org.nd4j.linalg.api.buffer.DataBuffer data = n == 0 ? null : array.data();
    return data != null
        && array.offset() == 0
        && data.offset() == 0
        && data.length() == n
        && n <= Integer.MAX_VALUE;
  }

  /**
   * Whether {@code array} is the whole of its buffer ({@link #wholeBuffer}) in 'c' order: its
   * buffer's values are its values in 'c' order.
   *
   * @param array the array; not null
   */
  public static boolean wholeBufferInCOrder(INDArray array) {
    if (!wholeBuffer(array)) {
      return false;
    }
    long[] shape = array.shape();
    long[] stride = array.stride();
    long expected = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      if (shape[i] != 1 && stride[i] != expected) {
        return false;
      }
      expected *= shape[i];
    }
    return true;
  }

  /**
   * True if every value of {@code array} is known finite (and &gt;= 0 if {@code nonNegative}) from
   * one read of its buffer, without a copy: when the array is the whole of a FLOAT or DOUBLE buffer
   * (in whatever order). False when a value is not, or the array is a part of its buffer: then the
   * caller looks element by element, which also finds the index to name.
   */
  private static boolean allFinite(INDArray array, boolean nonNegative) {
    long n = array.length();
    if (n == 0) {
      return true;
    }
    if (!wholeBuffer(array)) {
      return false;
    }
    org.nd4j.linalg.api.buffer.DataBuffer data = array.data();
    float floor = nonNegative ? 0f : Float.NEGATIVE_INFINITY;
    switch (array.dataType()) {
      case FLOAT -> {
        java.nio.FloatBuffer b = data.asNioFloat();
        for (int i = 0; i < n; i++) {
          float v = b.get(i);
          if (!(v >= floor) || !Float.isFinite(v)) {
            return false;
          }
        }
        return true;
      }
      case DOUBLE -> {
        java.nio.DoubleBuffer b = data.asNioDouble();
        for (int i = 0; i < n; i++) {
          double v = b.get(i);
          if (!(v >= floor) || !Double.isFinite(v)) {
            return false;
          }
        }
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /**
   * Checks that every label is a whole number in {@code [0, classes)}.
   *
   * @param arrayName the array's name for the message; not null
   * @param labels the labels; not null
   * @param classes the number of classes, k
   * @throws IllegalArgumentException naming the array, the first bad label, its index and k
   */
  public static void checkLabels(String arrayName, INDArray labels, long classes) {
    double[] v = flat(labels);
    for (int i = 0; i < v.length; i++) {
      if (!(v[i] >= 0 && v[i] < classes) || v[i] != Math.rint(v[i])) {
        throw Errors.badLabel(arrayName, v[i], index(labels.shape(), i), classes);
      }
    }
  }

  /**
   * Checks that an array has the expected shape.
   *
   * @throws IllegalArgumentException naming the array, its shape, the expected shape and why
   */
  public static void checkShape(String arrayName, INDArray array, long[] expected, String why) {
    if (!Arrays.equals(array.shape(), expected)) {
      throw Errors.wrongShape(arrayName, array.shape(), expected, why);
    }
  }

  /**
   * Checks the target and weights a loss is evaluated on against the shape of the main output it
   * reads, as its {@link TargetKind} requires: values shaped like the output, class labels shaped
   * like it without its last axis (and each in range), samples with its trailing shape, and weights
   * shaped like the target (or the output, for a loss without target), finite and &gt;= 0. What
   * {@link Loss#checkArrays} does.
   *
   * @param loss the loss; not null
   * @param outputName the main output's name, for the messages; not null
   * @param outputShape the main output's shape; not null
   * @param target the target; null only when the loss needs none
   * @param weights the weights, or null when unweighted
   * @throws IllegalArgumentException naming the array, its shape or bad value, and what is accepted
   */
  public static void checkTarget(
      Loss loss, String outputName, long[] outputShape, INDArray target, INDArray weights) {
    Objects.requireNonNull(outputShape, "outputShape");
    TargetKind kind = loss.targetKind();
    if (kind != TargetKind.NONE && target == null) {
      throw Errors.targetMissing(loss.name());
    }
    boolean ofTarget = kind != TargetKind.NONE && target != null;
    switch (kind) {
      case VALUES:
        if (!Arrays.equals(target.shape(), outputShape)) {
          throw Errors.targetNotShapedLikeOutput(
              loss.name(), outputName, outputShape, target.shape());
        }
        break;
      case LABELS:
        {
          if (outputShape.length < 2) {
            throw Errors.noClassAxis(loss.name(), outputName, outputShape);
          }
          long[] labelShape = Arrays.copyOf(outputShape, outputShape.length - 1);
          if (!Arrays.equals(target.shape(), labelShape)) {
            throw Errors.labelsNotShapedForOutput(
                loss.name(), outputName, outputShape, target.shape(), labelShape);
          }
          checkLabels("target", target, outputShape[outputShape.length - 1]);
          break;
        }
      case SAMPLES:
        {
          long[] trailing = Arrays.copyOfRange(outputShape, 1, outputShape.length);
          if (target.rank() != outputShape.length
              || !Arrays.equals(Arrays.copyOfRange(target.shape(), 1, target.rank()), trailing)) {
            throw Errors.samplesNotShapedForOutput(
                loss.name(), outputName, outputShape, target.shape());
          }
          break;
        }
      case NONE:
        break;
      default:
        throw new AssertionError(kind);
    }
    if (weights != null) {
      long[] weightShape = ofTarget ? target.shape() : outputShape;
      if (!Arrays.equals(weights.shape(), weightShape)) {
        throw Errors.weightsNotShapedForLoss(loss.name(), weights.shape(), weightShape, ofTarget);
      }
      checkWeights("weights", weights);
    }
  }

  /**
   * The values of {@code array} in 'c' order, as doubles.
   *
   * @param array the array; not null
   * @return a new array of its values; never null
   */
  public static double[] flat(INDArray array) {
    return Nd4j.toFlattened('c', array)
        .castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)
        .toDoubleVector();
  }

  /**
   * The index along each axis of the element at {@code flat} in 'c' order, for messages that name
   * an element.
   *
   * @param shape the array's shape; not null
   * @param flat the element's position in 'c' order
   * @return a new array of indices; never null
   */
  public static long[] index(long[] shape, long flat) {
    long[] idx = new long[shape.length];
    for (int d = shape.length - 1; d >= 0; d--) {
      idx[d] = flat % shape[d];
      flat /= shape[d];
    }
    return idx;
  }
}
