package io.github.javanets.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.impl.reduce.bp.MaxBp;
import org.nd4j.linalg.api.ops.impl.reduce.same.Max;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.ThresholdReluBp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Negative;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Each Java kernel gives libnd4j's result for the same op bit for bit, on values that include NaN,
 * infinities, signed zeros, subnormals and ties: both run here on the same arrays.
 */
class KernelsTest {
  private static final float[] SPECIAL = {
    Float.NaN,
    Float.POSITIVE_INFINITY,
    Float.NEGATIVE_INFINITY,
    0f,
    -0f,
    Float.MIN_VALUE,
    -Float.MIN_VALUE,
    1f,
    -1f,
    Float.MAX_VALUE
  };

  /** Random values, about one in four special, with repeats (ties) along rows. */
  private static INDArray values(Random random, long... shape) {
    INDArray a = Nd4j.create(DataType.FLOAT, shape, 'c');
    long n = a.length();
    float[] v = new float[(int) n];
    for (int i = 0; i < n; i++) {
      int k = random.nextInt(8);
      v[i] =
          k == 0
              ? SPECIAL[random.nextInt(SPECIAL.length)]
              : k == 1 && i > 0 ? v[i - 1] : (float) (random.nextGaussian() * 3);
    }
    a.data().asNioFloat().put(0, v);
    return a;
  }

  /** Runs {@code op} through libnd4j (its output given), then the kernel into a fresh array. */
  private static void assertSameAsLibnd4j(
      DifferentialFunction op, INDArray libnd4jOut, INDArray... in) {
    assertThat(sameAsLibnd4jOrDeclined(op, libnd4jOut, in)).as(op.opName()).isTrue();
  }

  /**
   * As {@link #assertSameAsLibnd4j}, but the kernel may decline (then it wrote nothing): returns
   * whether it ran.
   */
  private static boolean sameAsLibnd4jOrDeclined(
      DifferentialFunction op, INDArray libnd4jOut, INDArray... in) {
    if (op instanceof CustomOp) {
      Nd4j.exec((CustomOp) op);
    } else {
      Nd4j.exec((Op) op);
    }
    Kernels.Kernel kernel = Kernels.of(op, in.length);
    assertThat(kernel).as(op.opName()).isNotNull();
    INDArray out = Nd4j.create(DataType.FLOAT, libnd4jOut.shape(), 'c').assign(12345f);
    if (!kernel.run(in, new INDArray[] {out})) {
      assertThat(out.data().asFloat()).as("declined, nothing written").containsOnly(12345f);
      return false;
    }
    float[] expected = libnd4jOut.data().asFloat();
    float[] got = out.data().asFloat();
    for (int i = 0; i < expected.length; i++) {
      assertThat(Float.floatToRawIntBits(got[i]))
          .as(
              "%s element %d: libnd4j %s, kernel %s; input row %s",
              op.opName(),
              i,
              expected[i],
              got[i],
              in[0].rank() == 2 && in[0].size(0) == libnd4jOut.size(0)
                  ? java.util.Arrays.toString(
                      in[0].getRow(i / (libnd4jOut.length() / libnd4jOut.size(0))).toFloatVector())
                  : "")
          .isEqualTo(Float.floatToRawIntBits(expected[i]));
    }
    return true;
  }

  @Test
  void elementWiseOpsMatchLibnd4j() {
    Random random = new Random(3);
    for (int round = 0; round < 20; round++) {
      INDArray x = values(random, 17, 9);
      INDArray y = values(random, 17, 9);
      INDArray row = values(random, 9);
      INDArray column = values(random, 17, 1);
      for (INDArray other : new INDArray[] {y, row, column}) {
        INDArray z1 = Nd4j.create(DataType.FLOAT, 17, 9);
        assertSameAsLibnd4j(
            new AddOp(new INDArray[] {x, other}, new INDArray[] {z1}), z1, x, other);
        INDArray z2 = Nd4j.create(DataType.FLOAT, 17, 9);
        assertSameAsLibnd4j(
            new SubOp(new INDArray[] {x, other}, new INDArray[] {z2}), z2, x, other);
        INDArray z3 = Nd4j.create(DataType.FLOAT, 17, 9);
        assertSameAsLibnd4j(
            new MulOp(new INDArray[] {x, other}, new INDArray[] {z3}), z3, x, other);
      }
      INDArray n = Nd4j.create(DataType.FLOAT, 17, 9);
      assertSameAsLibnd4j(new Negative(x, n), n, x);
      INDArray r = Nd4j.create(DataType.FLOAT, 17, 9);
      assertSameAsLibnd4j(new RectifiedLinear(x, r, 0.0), r, x);
      INDArray g = Nd4j.create(DataType.FLOAT, 17, 9);
      assertSameAsLibnd4j(new ThresholdReluBp(x, y, g, 0.0), g, x, y);
    }
  }

  @Test
  void theRowMaximumAndItsGradientMatchLibnd4jOrAreLeftToIt() {
    Random random = new Random(4);
    int ran = 0;
    int declined = 0;
    for (int round = 0; round < 300; round++) {
      int cols = 1 + random.nextInt(Kernels.MAX_ROW);
      // Every other round without special values or ties: rows the kernels take.
      INDArray x = round % 2 == 0 ? Nd4j.randn(DataType.FLOAT, 13, cols) : values(random, 13, cols);
      INDArray m = Nd4j.create(DataType.FLOAT, 13, 1);
      boolean max = sameAsLibnd4jOrDeclined(new Max(x, m, true, 1), m, x);
      INDArray e = values(random, 13, 1);
      INDArray g = Nd4j.create(DataType.FLOAT, 13, cols);
      boolean gradient = sameAsLibnd4jOrDeclined(new MaxBp(x, e, g, true, 1), g, x, e);
      if (round % 2 == 0) {
        assertThat(max && gradient).as("plain values are taken").isTrue();
      }
      if (!max || !gradient) {
        // Declined only for a row with a NaN, a zero maximum or a tied maximum.
        assertThat(hasOrderDependentRow(x)).isTrue();
        declined++;
      } else {
        ran++;
      }
    }
    assertThat(ran).isGreaterThan(150);
    assertThat(declined).isGreaterThan(50);
  }

  private static boolean hasOrderDependentRow(INDArray x) {
    for (int r = 0; r < x.size(0); r++) {
      float[] row = x.getRow(r).toFloatVector();
      float max = Float.NEGATIVE_INFINITY;
      int count = 0;
      for (float v : row) {
        if (Float.isNaN(v)) {
          return true;
        }
        if (v > max) {
          max = v;
          count = 1;
        } else if (v == max) {
          count++;
        }
      }
      if (max == 0 || count > 1) {
        return true;
      }
    }
    return false;
  }

  @Test
  void arraysAKernelDoesNotTakeAreLeftToLibnd4j() {
    Kernels.Kernel add = Kernels.of(new AddOp(), 2);
    INDArray x = Nd4j.rand(DataType.FLOAT, 4, 3);
    INDArray out = Nd4j.create(DataType.FLOAT, 4, 3);
    // A view, an 'f' array, a DOUBLE array, a shape it does not broadcast.
    assertThat(add.run(new INDArray[] {x.getRow(1), x.getRow(2)}, new INDArray[] {out.getRow(0)}))
        .isFalse();
    assertThat(add.run(new INDArray[] {x.dup('f'), x}, new INDArray[] {out})).isFalse();
    assertThat(
            add.run(
                new INDArray[] {x.castTo(DataType.DOUBLE), x.castTo(DataType.DOUBLE)},
                new INDArray[] {out.castTo(DataType.DOUBLE)}))
        .isFalse();
    assertThat(add.run(new INDArray[] {x, Nd4j.rand(DataType.FLOAT, 2)}, new INDArray[] {out}))
        .isFalse();
    assertThat(out.data().asFloat()).containsOnly(0f);
    // More values than a minibatch's: libnd4j's loop is the cost there (and may use threads).
    INDArray big = Nd4j.rand(DataType.FLOAT, 2, Kernels.MAX_VALUES / 2 + 1);
    INDArray bigOut = Nd4j.create(DataType.FLOAT, big.shape());
    assertThat(add.run(new INDArray[] {big, big}, new INDArray[] {bigOut})).isFalse();
    assertThat(bigOut.maxNumber().floatValue()).isZero();
    INDArray edge = Nd4j.rand(DataType.FLOAT, 2, Kernels.MAX_VALUES / 2);
    INDArray edgeOut = Nd4j.create(DataType.FLOAT, edge.shape());
    assertThat(add.run(new INDArray[] {edge, edge}, new INDArray[] {edgeOut})).isTrue();
    assertThat(edgeOut.getFloat(5)).isEqualTo(edge.getFloat(5) + edge.getFloat(5));
  }
}
