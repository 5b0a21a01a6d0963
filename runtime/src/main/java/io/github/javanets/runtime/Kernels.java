package io.github.javanets.runtime;

import io.github.javanets.loss.internal.ArrayChecks;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.ops.ScalarOp;

/**
 * Java versions of the small exact ops of a training step, for {@link GraphRunner}: on the arrays
 * of a minibatch (such as 128 x 10 or 128 x 256), libnd4j spends 20 to 200 microseconds per call
 * before and after its loop, more than the loop takes; the same arithmetic in Java over the arrays'
 * buffers takes a few. Only ops whose every result is one exact IEEE operation or a selection are
 * here (a sum, a mean, {@code exp} or {@code log} would round differently): add, subtract and
 * multiply (same shapes, a row broadcast over rows, a column over columns), negation, {@code relu},
 * its gradient, the maximum along the last axis and its gradient. Each gives libnd4j's result bit
 * for bit, for NaN, infinities, signed zeros and ties too ({@code KernelsTest} runs both on such
 * values); where libnd4j's result depends on the order of its loop (a maximum over a row with a
 * NaN, a zero maximum, a tied maximum's gradient), the kernel declines. FLOAT only, on contiguous
 * arrays that are the whole of their buffers; whatever a kernel declines, the runner gives to
 * libnd4j as before.
 *
 * <p>Only arrays of up to {@value #MAX_VALUES} values are taken. Kernels are stateless; they
 * compute in scratch arrays of the calling thread (three of at most {@value #MAX_VALUES} floats per
 * thread), so any thread may run them.
 */
final class Kernels {
  /**
   * The longest row the maximum kernels take: the width checked against libnd4j (whose loops over
   * longer rows may be split and merged in another order, which matters for NaN and ties).
   */
  static final int MAX_ROW = 64;

  private Kernels() {}

  /**
   * The most values of an array a kernel takes: the arrays of a minibatch, where libnd4j's cost per
   * call is most of an op's time. Larger arrays are left to libnd4j, whose loop then dominates and
   * runs on several threads when the process allows them.
   */
  static final int MAX_VALUES = 1 << 16;

  /** Each thread's scratch arrays (a runner runs on one thread at a time): three of MAX_VALUES. */
  private static final ThreadLocal<float[][]> SCRATCH =
      ThreadLocal.withInitial(() -> new float[3][]);

  /** One op in Java. */
  abstract static class Kernel {

    /**
     * Runs the op into {@code out} if the arrays are ones this kernel takes.
     *
     * @return false (nothing written) if they are not: the caller runs libnd4j's op
     */
    final boolean run(INDArray[] in, INDArray[] out) {
      if (out.length != 1 || !plain(out[0]) || out[0].length() > MAX_VALUES) {
        return false;
      }
      for (INDArray a : in) {
        if (!plain(a) || a.length() > MAX_VALUES) {
          return false;
        }
      }
      return compute(in, out[0]);
    }

    abstract boolean compute(INDArray[] in, INDArray out);

    /** The values of {@code a} in the thread's scratch array {@code slot} (0 or 1). */
    final float[] read(INDArray a, int slot) {
      int n = (int) a.length();
      float[] s = scratch(slot, n);
      a.data().asNioFloat().get(0, s, 0, n);
      return s;
    }

    /** The thread's scratch array for the output, of at least {@code n} values. */
    final float[] buffer(int n) {
      return scratch(2, n);
    }

    private static float[] scratch(int slot, int n) {
      float[][] all = SCRATCH.get();
      float[] s = all[slot];
      if (s == null || s.length < n) {
        s = new float[Math.max(n, 1024)];
        all[slot] = s;
      }
      return s;
    }

    static void write(float[] values, INDArray out) {
      out.data().asNioFloat().put(0, values, 0, (int) out.length());
    }
  }

  /**
   * Whether {@code a} is FLOAT, in 'c' order, not empty, and the whole of its buffer (so the
   * buffer's values are its values, in order).
   */
  static boolean plain(INDArray a) {
    return a != null
        && a.dataType() == DataType.FLOAT
        && a.ordering() == 'c'
        && ArrayChecks.wholeBufferInCOrder(a);
  }

  /**
   * The kernel for {@code op}, or null: decided once, when the runner is compiled.
   *
   * @param op the op
   * @param inputs the number of inputs the runner gives it
   */
  static Kernel of(DifferentialFunction op, int inputs) {
    switch (op.opName()) {
      case "add":
        return op instanceof DynamicCustomOp && inputs == 2 ? new Binary('+') : null;
      case "subtract":
        return op instanceof DynamicCustomOp && inputs == 2 ? new Binary('-') : null;
      case "multiply":
        return op instanceof DynamicCustomOp && inputs == 2 ? new Binary('*') : null;
      case "neg":
        return inputs == 1 && !(op instanceof DynamicCustomOp) ? new Negate() : null;
      case "relu":
        return op instanceof ScalarOp && inputs == 1 ? Relu.of((ScalarOp) op) : null;
      case "thresholdedrelu_bp":
        return op instanceof DynamicCustomOp && inputs == 2 ? ReluGradient.of(op) : null;
      case "reduce_max":
        return op instanceof ReduceOp && inputs == 1 && lastAxis((ReduceOp) op)
            ? new RowMax(((ReduceOp) op).isKeepDims())
            : null;
      case "reduce_max_bp":
        return op instanceof DynamicCustomOp && inputs == 2 && lastAxisBp((DynamicCustomOp) op)
            ? new RowMaxGradient()
            : null;
      default:
        return null;
    }
  }

  private static boolean lastAxis(ReduceOp op) {
    long[] d = op.dimensions() == null ? null : op.dimensions().toLongVector();
    return d != null && d.length == 1 && d[0] == 1;
  }

  private static boolean lastAxisBp(DynamicCustomOp op) {
    long[] i = op.iArgs();
    return i != null && i.length == 1 && i[0] == 1;
  }

  /** {@code x op y}: same shapes, {@code y} a row of {@code x}'s last axis, or a column. */
  private static final class Binary extends Kernel {
    private final char op;

    Binary(char op) {
      this.op = op;
    }

    @Override
    boolean compute(INDArray[] in, INDArray out) {
      INDArray x = in[0];
      INDArray y = in[1];
      long[] xs = x.shape();
      long[] ys = y.shape();
      if (!java.util.Arrays.equals(out.shape(), xs)) {
        return false;
      }
      int n = (int) x.length();
      float[] a = read(x, 0);
      float[] b = read(y, 1);
      float[] z = buffer(n);
      if (java.util.Arrays.equals(xs, ys)) {
        switch (op) {
          case '+' -> {
            for (int i = 0; i < n; i++) {
              z[i] = a[i] + b[i];
            }
          }
          case '-' -> {
            for (int i = 0; i < n; i++) {
              z[i] = a[i] - b[i];
            }
          }
          default -> {
            for (int i = 0; i < n; i++) {
              z[i] = a[i] * b[i];
            }
          }
        }
      } else if (xs.length == 2 && isRow(ys, xs[1])) {
        int cols = (int) xs[1];
        for (int r = 0, i = 0; i < n; r++) {
          for (int c = 0; c < cols; c++, i++) {
            z[i] = apply(a[i], b[c]);
          }
        }
      } else if (xs.length == 2 && ys.length == 2 && ys[0] == xs[0] && ys[1] == 1) {
        int cols = (int) xs[1];
        for (int r = 0, i = 0; i < n; r++) {
          float v = b[r];
          for (int c = 0; c < cols; c++, i++) {
            z[i] = apply(a[i], v);
          }
        }
      } else {
        return false;
      }
      write(z, out);
      return true;
    }

    private float apply(float a, float b) {
      return op == '+' ? a + b : op == '-' ? a - b : a * b;
    }

    private static boolean isRow(long[] ys, long width) {
      return (ys.length == 1 && ys[0] == width) || (ys.length == 2 && ys[0] == 1 && ys[1] == width);
    }
  }

  /** {@code -x}. */
  private static final class Negate extends Kernel {
    @Override
    boolean compute(INDArray[] in, INDArray out) {
      if (out.length() != in[0].length()) {
        return false;
      }
      int n = (int) out.length();
      float[] a = read(in[0], 0);
      float[] z = buffer(n);
      for (int i = 0; i < n; i++) {
        z[i] = -a[i];
      }
      write(z, out);
      return true;
    }
  }

  /** libnd4j's scalar {@code relu}: {@code x < cutoff ? 0 : x}. */
  private static final class Relu extends Kernel {
    private final float cutoff;

    private Relu(float cutoff) {
      this.cutoff = cutoff;
    }

    static Relu of(ScalarOp op) {
      INDArray s = op.scalar();
      return s == null || s.length() != 1 ? null : new Relu(s.getFloat(0));
    }

    @Override
    boolean compute(INDArray[] in, INDArray out) {
      if (out.length() != in[0].length()) {
        return false;
      }
      int n = (int) out.length();
      float[] a = read(in[0], 0);
      float[] z = buffer(n);
      float t = cutoff;
      for (int i = 0; i < n; i++) {
        float v = a[i];
        z[i] = v < t ? 0f : v;
      }
      write(z, out);
      return true;
    }
  }

  /** libnd4j's {@code thresholdedrelu_bp}: the gradient {@code g} where {@code x > t}, else 0. */
  private static final class ReluGradient extends Kernel {
    private final float threshold;

    private ReluGradient(float threshold) {
      this.threshold = threshold;
    }

    static ReluGradient of(DifferentialFunction op) {
      double[] t = ((DynamicCustomOp) op).tArgs();
      return new ReluGradient(t == null || t.length == 0 ? 0f : (float) t[0]);
    }

    @Override
    boolean compute(INDArray[] in, INDArray out) {
      if (in[1].length() != in[0].length() || out.length() != in[0].length()) {
        return false;
      }
      int n = (int) out.length();
      float[] x = read(in[0], 0);
      float[] g = read(in[1], 1);
      float[] z = buffer(n);
      float t = threshold;
      for (int i = 0; i < n; i++) {
        z[i] = x[i] > t ? g[i] : 0f;
      }
      write(z, out);
      return true;
    }
  }

  /** The maximum of each row of a matrix; rows with a NaN or a zero maximum are left to libnd4j. */
  private static final class RowMax extends Kernel {
    private final boolean keepDims;

    RowMax(boolean keepDims) {
      this.keepDims = keepDims;
    }

    @Override
    boolean compute(INDArray[] in, INDArray out) {
      INDArray x = in[0];
      if (x.rank() != 2 || out.length() != x.size(0) || x.size(1) == 0 || x.size(1) > MAX_ROW) {
        return false;
      }
      int rows = (int) x.size(0);
      int cols = (int) x.size(1);
      float[] a = read(x, 0);
      float[] z = buffer(rows);
      for (int r = 0; r < rows; r++) {
        float m = rowMax(a, r * cols, cols);
        if (m != m) {
          return false;
        }
        z[r] = m;
      }
      write(z, out);
      return true;
    }
  }

  /**
   * The maximum of a row, or NaN where libnd4j's could differ from it: libnd4j splits longer rows
   * over several accumulators merged in an order of its own, so the one result every order gives is
   * all this takes. A row with a NaN (libnd4j may skip it or keep it) or whose maximum is a zero
   * (of which sign, -0 or +0, depends on the order) gives NaN: the caller leaves the op to libnd4j.
   */
  static float rowMax(float[] a, int from, int cols) {
    float m = Float.NEGATIVE_INFINITY;
    for (int c = 0; c < cols; c++) {
      float v = a[from + c];
      if (v != v) {
        return Float.NaN;
      }
      m = Math.max(m, v);
    }
    return m == 0 ? Float.NaN : m;
  }

  /**
   * Where a row's maximum is, or -1 where libnd4j's gradient could go elsewhere: a row with a NaN,
   * or whose maximum is there more than once (libnd4j gives the whole gradient to one of the tied
   * places, which one depending on its order).
   */
  static int onlyMax(float[] a, int from, int cols) {
    int best = -1;
    float m = Float.NEGATIVE_INFINITY;
    boolean tied = false;
    for (int c = 0; c < cols; c++) {
      float v = a[from + c];
      if (v != v) {
        return -1;
      }
      if (best < 0 || v > m) {
        m = v;
        best = c;
        tied = false;
      } else if (v == m) {
        tied = true;
      }
    }
    return tied ? -1 : best;
  }

  /**
   * The gradient of {@link RowMax}: each row's incoming value at its maximum, 0 elsewhere; rows
   * with a NaN or a tied maximum are left to libnd4j.
   */
  private static final class RowMaxGradient extends Kernel {
    @Override
    boolean compute(INDArray[] in, INDArray out) {
      INDArray x = in[0];
      INDArray g = in[1];
      if (x.rank() != 2
          || x.size(1) == 0
          || x.size(1) > MAX_ROW
          || !java.util.Arrays.equals(out.shape(), x.shape())
          || g.length() != x.size(0)) {
        return false;
      }
      int rows = (int) x.size(0);
      int cols = (int) x.size(1);
      float[] a = read(x, 0);
      float[] e = read(g, 1);
      float[] z = buffer(rows * cols);
      java.util.Arrays.fill(z, 0, rows * cols, 0f);
      for (int r = 0; r < rows; r++) {
        int at = onlyMax(a, r * cols, cols);
        if (at < 0) {
          return false;
        }
        z[r * cols + at] = e[r];
      }
      write(z, out);
      return true;
    }
  }
}
