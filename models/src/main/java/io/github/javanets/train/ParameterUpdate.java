package io.github.javanets.train;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * The parameter update of one training run: one {@link Step} per parameter, with its state
 * allocated once per run.
 *
 * <p>Adam and plain SGD on FLOAT or DOUBLE parameters in host memory (the CPU backend) take a fused
 * step: one pass over each parameter reads the gradient, updates Adam's moments and subtracts the
 * update from the parameter, where DL4J's updater takes four (copy the gradient, the {@code
 * adam_updater} op, which ran at ~6 ns per element here, and a subtraction). The formula is DL4J's
 * {@code AdamUpdater} (bias correction folded into the step size, {@code epsilon} added to {@code
 * sqrt(v)}), computed in the parameter's data type; results agree with DL4J's updater to float
 * rounding, not bit for bit. Every other updater (and any parameter or gradient that is a view, or
 * on a device) goes through DL4J's {@code GradientUpdater} on a gradient buffer allocated once.
 */
final class ParameterUpdate {
  private final List<String> names = new ArrayList<>();
  private final List<Step> steps = new ArrayList<>();

  ParameterUpdate(Map<String, INDArray> params, IUpdater config) {
    boolean host = Nd4j.getEnvironment().isCPU();
    for (Map.Entry<String, INDArray> p : params.entrySet()) {
      INDArray param = p.getValue();
      names.add(p.getKey());
      if (host && fusable(param) && config.getClass() == Adam.class) {
        steps.add(new FusedAdam(param, (Adam) config));
      } else if (host && fusable(param) && config.getClass() == Sgd.class) {
        steps.add(new FusedSgd(param, (Sgd) config));
      } else {
        steps.add(new Delegated(param, config));
      }
    }
  }

  /** The steps, one per parameter in order (for tests). */
  List<Step> steps() {
    return List.copyOf(steps);
  }

  /** Whether a step may read and write the array's buffer directly, element i at index i. */
  static boolean fusable(INDArray a) {
    return (a.dataType() == DataType.FLOAT || a.dataType() == DataType.DOUBLE)
        && !a.isView()
        && a.ordering() == 'c'
        && a.elementWiseStride() == 1
        && a.data().length() == a.length();
  }

  /**
   * Applies one step.
   *
   * @param gradients gradient by parameter name; a parameter without one is left as it is
   * @param maxGradientNorm rescale the gradients whose global L2 norm exceeds this; 0 for no limit
   * @param iteration the step's index in the run
   * @param epoch the epoch
   */
  void apply(Map<String, INDArray> gradients, double maxGradientNorm, int iteration, int epoch) {
    double scale = scale(gradients, maxGradientNorm);
    for (int i = 0; i < names.size(); i++) {
      INDArray g = gradients.get(names.get(i));
      if (g != null) {
        steps.get(i).apply(g, scale, iteration, epoch);
      }
    }
  }

  private static double scale(Map<String, INDArray> gradients, double maxNorm) {
    if (maxNorm <= 0) {
      return 1.0;
    }
    double squares = 0;
    for (INDArray g : gradients.values()) {
      double n = g.norm2Number().doubleValue();
      squares += n * n;
    }
    double norm = Math.sqrt(squares);
    return norm > maxNorm ? maxNorm / norm : 1.0;
  }

  /** One parameter's update. */
  abstract static class Step {
    final INDArray param;
    private INDArray buffer;

    Step(INDArray param) {
      this.param = param;
    }

    /**
     * Applies the gradient {@code g * scale}.
     *
     * @param g the gradient, the parameter's shape
     * @param scale the clipping factor, 1 for none
     * @param iteration the step's index in the run
     * @param epoch the epoch
     */
    abstract void apply(INDArray g, double scale, int iteration, int epoch);

    /** The gradient as a c-ordered array of its own: itself, or copied into a reused buffer. */
    final INDArray dense(INDArray g) {
      if (fusable(g) && g.dataType() == param.dataType()) {
        return g;
      }
      if (buffer == null) {
        buffer = Nd4j.createUninitialized(param.dataType(), param.shape(), 'c');
      }
      return buffer.assign(g);
    }
  }

  /**
   * Adam in one pass: {@code m = b1 m + (1 - b1) g}, {@code v = b2 v + (1 - b2) g^2}, {@code p -= a
   * m / (sqrt(v) + eps)} with {@code a = lr sqrt(1 - b2^t) / (1 - b1^t)}, {@code t} the step's
   * index plus one.
   */
  static final class FusedAdam extends Step {
    /** Elements per block: four blocks of FLOAT fit in 32 KB. */
    private static final int BLOCK = 2048;

    private final Adam config;
    private final INDArray m;
    private final INDArray v;
    // One block of the parameter, the gradient and the moments on the Java heap: the loop over
    // plain arrays compiles to vector instructions, the loop over the native buffers (element by
    // element through FloatBuffer) did not, and took about twice as long on a 784x256 weight even
    // with the bulk copies in and out. Same operations per element: the same results, bit for bit.
    private final float[][] blockF;
    private final double[][] blockD;

    FusedAdam(INDArray param, Adam config) {
      super(param);
      this.config = config;
      this.m = Nd4j.zeros(param.dataType(), param.length());
      this.v = Nd4j.zeros(param.dataType(), param.length());
      int b = (int) Math.min(BLOCK, param.length());
      boolean single = param.dataType() == DataType.FLOAT;
      this.blockF = single ? new float[4][b] : null;
      this.blockD = single ? null : new double[4][b];
    }

    @Override
    void apply(INDArray gradient, double scale, int iteration, int epoch) {
      INDArray g = dense(gradient);
      double b1 = config.getBeta1();
      double b2 = config.getBeta2();
      double lr = config.getLearningRate(iteration, epoch);
      double a =
          lr * Math.sqrt(1 - Math.pow(b2, iteration + 1)) / (1 - Math.pow(b1, iteration + 1));
      if (!Double.isFinite(a) || a == 0) {
        a = config.getEpsilon();
      }
      int n = (int) param.length();
      if (param.dataType() == DataType.FLOAT) {
        FloatBuffer p = param.data().asNioFloat();
        FloatBuffer gb = g.data().asNioFloat();
        FloatBuffer mb = m.data().asNioFloat();
        FloatBuffer vb = v.data().asNioFloat();
        float[] pf = blockF[0];
        float[] gf = blockF[1];
        float[] mf = blockF[2];
        float[] vf = blockF[3];
        for (int from = 0; from < n; from += BLOCK) {
          int len = Math.min(BLOCK, n - from);
          p.get(from, pf, 0, len);
          gb.get(from, gf, 0, len);
          mb.get(from, mf, 0, len);
          vb.get(from, vf, 0, len);
          adam(
              pf,
              gf,
              mf,
              vf,
              len,
              (float) scale,
              (float) b1,
              (float) b2,
              (float) a,
              (float) config.getEpsilon());
          p.put(from, pf, 0, len);
          mb.put(from, mf, 0, len);
          vb.put(from, vf, 0, len);
        }
      } else {
        DoubleBuffer p = param.data().asNioDouble();
        DoubleBuffer gb = g.data().asNioDouble();
        DoubleBuffer mb = m.data().asNioDouble();
        DoubleBuffer vb = v.data().asNioDouble();
        double[] pd = blockD[0];
        double[] gd = blockD[1];
        double[] md = blockD[2];
        double[] vd = blockD[3];
        for (int from = 0; from < n; from += BLOCK) {
          int len = Math.min(BLOCK, n - from);
          p.get(from, pd, 0, len);
          gb.get(from, gd, 0, len);
          mb.get(from, md, 0, len);
          vb.get(from, vd, 0, len);
          adam(pd, gd, md, vd, len, scale, b1, b2, a, config.getEpsilon());
          p.put(from, pd, 0, len);
          mb.put(from, md, 0, len);
          vb.put(from, vd, 0, len);
        }
      }
    }

    private static void adam(
        float[] p,
        float[] g,
        float[] m,
        float[] v,
        int n,
        float scale,
        float b1,
        float b2,
        float a,
        float eps) {
      float c1 = 1 - b1;
      float c2 = 1 - b2;
      for (int i = 0; i < n; i++) {
        float gi = g[i] * scale;
        float mi = b1 * m[i] + gi * c1;
        float vi = b2 * v[i] + gi * gi * c2;
        m[i] = mi;
        v[i] = vi;
        p[i] = p[i] - mi * a / ((float) Math.sqrt(vi) + eps);
      }
    }

    private static void adam(
        double[] p,
        double[] g,
        double[] m,
        double[] v,
        int n,
        double scale,
        double b1,
        double b2,
        double a,
        double eps) {
      double c1 = 1 - b1;
      double c2 = 1 - b2;
      for (int i = 0; i < n; i++) {
        double gi = g[i] * scale;
        double mi = b1 * m[i] + gi * c1;
        double vi = b2 * v[i] + gi * gi * c2;
        m[i] = mi;
        v[i] = vi;
        p[i] = p[i] - mi * a / (Math.sqrt(vi) + eps);
      }
    }
  }

  /** Plain SGD in one pass: {@code p -= lr g}. */
  static final class FusedSgd extends Step {
    private final Sgd config;

    FusedSgd(INDArray param, Sgd config) {
      super(param);
      this.config = config;
    }

    @Override
    void apply(INDArray gradient, double scale, int iteration, int epoch) {
      INDArray g = dense(gradient);
      double rate = config.getLearningRate(iteration, epoch) * scale;
      int n = (int) param.length();
      if (param.dataType() == DataType.FLOAT) {
        FloatBuffer p = param.data().asNioFloat();
        FloatBuffer d = g.data().asNioFloat();
        float r = (float) rate;
        for (int i = 0; i < n; i++) {
          p.put(i, p.get(i) - r * d.get(i));
        }
      } else {
        DoubleBuffer p = param.data().asNioDouble();
        DoubleBuffer d = g.data().asNioDouble();
        for (int i = 0; i < n; i++) {
          p.put(i, p.get(i) - rate * d.get(i));
        }
      }
    }
  }

  /**
   * DL4J's {@code GradientUpdater}: the gradient is copied into a buffer allocated once, scaled
   * when clipped, turned into the update in place and subtracted from the parameter.
   */
  static final class Delegated extends Step {
    private final GradientUpdater<?> updater;
    private final INDArray shaped;
    private final INDArray flat;

    Delegated(INDArray param, IUpdater config) {
      super(param);
      long size = config.stateSize(param.length());
      INDArray state = size == 0 ? null : Nd4j.zeros(param.dataType(), 1, size);
      this.updater = config.instantiate(state, true);
      this.shaped = Nd4j.createUninitialized(param.dataType(), param.shape(), 'c');
      this.flat = shaped.reshape('c', 1, param.length());
    }

    @Override
    void apply(INDArray g, double scale, int iteration, int epoch) {
      shaped.assign(g);
      if (scale != 1.0) {
        flat.muli(scale);
      }
      updater.applyUpdater(flat, iteration, epoch);
      param.subi(shaped);
    }
  }
}
