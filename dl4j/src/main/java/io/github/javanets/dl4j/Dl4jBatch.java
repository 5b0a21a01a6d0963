package io.github.javanets.dl4j;

import io.github.javanets.loss.Loss;
import io.github.javanets.loss.TargetKind;
import io.github.javanets.loss.internal.ArrayChecks;
import java.util.Arrays;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A DL4J minibatch as a loss reads it: the activated output, the target (one-hot labels turned into
 * class ids for a loss on labels) and DL4J's 0/1 mask turned into the loss's weights.
 *
 * <p>Two weightings come out of the mask. {@link #mask} is the mask itself, per element ({@code [n,
 * k]}) or, for a loss on labels, per row ({@code [n]}); all ones when DL4J gives none. {@link
 * #shares} divides each row of it by the row's total, so that the loss's weighted mean over the
 * batch is the mean, over the rows that are not masked out, of each row's own weighted value. (Rows
 * masked out entirely have share 0.)
 */
final class Dl4jBatch {
  final INDArray output;
  final INDArray target;
  final INDArray mask;
  final INDArray shares;
  final long examples;
  final long present;
  final boolean masksSomething;

  private Dl4jBatch(
      INDArray output, INDArray target, INDArray mask, INDArray shares, long present) {
    this.output = output;
    this.target = target;
    this.mask = mask;
    this.shares = shares;
    this.examples = output.size(0);
    this.present = present;
    this.masksSomething = present < examples || mask.minNumber().doubleValue() == 0.0;
  }

  /**
   * Reads a minibatch.
   *
   * @param loss the loss; not null
   * @param givenLabels DL4J's labels, shaped like {@code givenPreOutput}; null only for a loss
   *     without target
   * @param givenPreOutput the layer's pre-activation, {@code [n, k]}; not null, not modified
   * @param activationFn the layer's activation; not null
   * @param givenMask null, a per-example {@code [n, 1]} (or {@code [n]}) or per-output {@code [n,
   *     k]} mask of 0s and 1s
   * @throws IllegalArgumentException for arrays of the wrong shape or type, a mask that is not 0/1,
   *     or labels that are not one-hot for a loss on labels, naming the loss and the offending
   *     value
   */
  static Dl4jBatch of(
      Loss loss,
      INDArray givenLabels,
      INDArray givenPreOutput,
      IActivation activationFn,
      INDArray givenMask) {
    checkArrays(loss, givenLabels, givenPreOutput);
    // DL4J hands over views of its minibatches; native ops must read plain copies of them.
    INDArray labels = plain("labels", givenLabels);
    INDArray preOutput = plain("preOutput", givenPreOutput);
    INDArray mask = plain("mask", givenMask);
    DataType type = preOutput.dataType();
    long n = preOutput.size(0);
    long k = preOutput.size(1);
    INDArray output = activationFn.getActivation(preOutput.dup(), true);
    INDArray elements = mask == null ? null : elementMask(loss, mask, n, k, type);
    if (loss.targetKind() == TargetKind.LABELS) {
      INDArray rows = elements == null ? Nd4j.ones(type, n) : rowMask(loss, elements);
      INDArray ids = classIds(loss, labels, rows);
      long present = elements == null ? n : countPositive(rows);
      return new Dl4jBatch(output, ids, rows, rows, present);
    }
    INDArray target = loss.targetKind() == TargetKind.NONE ? null : labels.castTo(type);
    if (elements == null) {
      INDArray shares = Nd4j.valueArrayOf(new long[] {n, k}, 1.0 / k, type);
      return new Dl4jBatch(output, target, Nd4j.ones(type, n, k), shares, n);
    }
    INDArray totals = elements.sum(true, 1);
    INDArray safe = totals.add(totals.eq(0.0).castTo(type));
    INDArray shares = elements.divColumnVector(safe);
    return new Dl4jBatch(output, target, elements, shares, countPositive(totals));
  }

  private static INDArray plain(String name, INDArray array) {
    return array == null ? null : ArrayChecks.contiguous(name, array);
  }

  private static void checkArrays(Loss loss, INDArray labels, INDArray preOutput) {
    if (preOutput == null || preOutput.rank() != 2 || !preOutput.dataType().isFPType()) {
      throw new IllegalArgumentException(
          "Loss '"
              + loss.name()
              + "' needs the layer's pre-activation as a floating-point [examples, outputs]"
              + " array, got "
              + (preOutput == null
                  ? "null"
                  : preOutput.dataType() + " of shape " + Arrays.toString(preOutput.shape()))
              + ".");
    }
    if (labels == null && loss.targetKind() == TargetKind.NONE) {
      return;
    }
    if (labels == null || !Arrays.equals(labels.shape(), preOutput.shape())) {
      throw new IllegalArgumentException(
          "Loss '"
              + loss.name()
              + "' needs labels shaped like the layer's output "
              + Arrays.toString(preOutput.shape())
              + ", got "
              + (labels == null ? "null" : Arrays.toString(labels.shape()))
              + ".");
    }
  }

  /** The mask as {@code [n, k]} 0/1 weights. */
  private static INDArray elementMask(Loss loss, INDArray mask, long n, long k, DataType type) {
    long[] shape = mask.shape();
    boolean perExample =
        mask.length() == n && (mask.rank() == 1 || (mask.rank() == 2 && shape[1] == 1));
    boolean perOutput = Arrays.equals(shape, new long[] {n, k});
    if (!perExample && !perOutput) {
      throw new IllegalArgumentException(
          "The mask has shape "
              + Arrays.toString(shape)
              + ", but loss '"
              + loss.name()
              + "' on outputs of shape "
              + Arrays.toString(new long[] {n, k})
              + " needs a per-example mask ["
              + n
              + ", 1] or a per-output mask ["
              + n
              + ", "
              + k
              + "].");
    }
    checkBinary(loss, mask);
    INDArray m = mask.castTo(type);
    return perOutput ? m : Nd4j.ones(type, n, k).muliColumnVector(m.reshape(n, 1));
  }

  private static void checkBinary(Loss loss, INDArray mask) {
    double[] v = ArrayChecks.flat(mask);
    for (int i = 0; i < v.length; i++) {
      if (v[i] != 0.0 && v[i] != 1.0) {
        throw new IllegalArgumentException(
            "DL4J masks must be 0 or 1, but the mask has "
                + v[i]
                + " at index "
                + Arrays.toString(ArrayChecks.index(mask.shape(), i))
                + ". Loss '"
                + loss.name()
                + "' treats a mask as weights that drop (0) or keep (1) an example or output;"
                + " DL4J scales gradients by mask^2 but scores by mask, so other values cannot be"
                + " weights. For real weights use a javanets model with weighted=true.");
      }
    }
  }

  /** One weight per row, for a loss on labels: each row of the mask must be all 0 or all 1. */
  private static INDArray rowMask(Loss loss, INDArray elements) {
    long k = elements.size(1);
    double[] v = ArrayChecks.flat(elements);
    for (int i = 0; i < v.length; i++) {
      if (v[i] != v[i - i % (int) k]) {
        long row = i / k;
        throw new IllegalArgumentException(
            "Loss '"
                + loss.name()
                + "' has one class label per example, so a per-output mask must be the same"
                + " across each row, but row "
                + row
                + " of the mask is "
                + Arrays.toString(Arrays.copyOfRange(v, (int) (row * k), (int) (row * k + k)))
                + ". Use a per-example mask [examples, 1].");
      }
    }
    return elements.getColumn(0).dup();
  }

  /** The class of each row from one-hot labels; rows with weight 0 are not checked. */
  private static INDArray classIds(Loss loss, INDArray labels, INDArray rows) {
    int k = (int) labels.size(1);
    double[] v = ArrayChecks.flat(labels);
    double[] w = ArrayChecks.flat(rows);
    for (int row = 0; row < w.length; row++) {
      if (w[row] != 0.0 && !isOneHot(v, row * k, k)) {
        throw new IllegalArgumentException(
            "Loss '"
                + loss.name()
                + "' reads one class per example from DL4J's one-hot labels (one 1 per row, the"
                + " rest 0), but row "
                + row
                + " of the labels is "
                + Arrays.toString(Arrays.copyOfRange(v, row * k, row * k + k))
                + ".");
      }
    }
    return Nd4j.argMax(labels, 1).castTo(DataType.INT64);
  }

  private static boolean isOneHot(double[] v, int from, int k) {
    int ones = 0;
    for (int j = from; j < from + k; j++) {
      if (v[j] == 1.0) {
        ones++;
      } else if (v[j] != 0.0) {
        return false;
      }
    }
    return ones == 1;
  }

  private static long countPositive(INDArray values) {
    long count = 0;
    for (double x : ArrayChecks.flat(values)) {
      if (x > 0) {
        count++;
      }
    }
    return count;
  }
}
