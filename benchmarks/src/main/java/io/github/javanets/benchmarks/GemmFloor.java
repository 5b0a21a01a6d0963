package io.github.javanets.benchmarks;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The GEMM floor of benchmark 1's training step: the five matrix products a step of the MLP
 * 784-256-10 needs (two forward, the two weight gradients and the gradient of the hidden layer; the
 * gradient of the input is not needed), run by libnd4j's {@code matmul} op with the transposes the
 * training graph uses, into preallocated outputs. {@code GemmFloor [batch] [reps]} prints, for each
 * product and output ('c' as the graph allocates, 'f', or a fresh one per call), the milliseconds
 * per epoch of 8192 rows and the GFLOP/s; {@link #epochMillis} is the floor, the faster
 * preallocated order of each product.
 */
public final class GemmFloor {
  private GemmFloor() {}

  /** One product: names, shapes of its operands as stored, transposes. */
  private record Product(String name, long[] a, long[] b, boolean ta, boolean tb) {
    long m() {
      return ta ? a[1] : a[0];
    }

    long k() {
      return ta ? a[0] : a[1];
    }

    long n() {
      return tb ? b[0] : b[1];
    }
  }

  private static Product[] products(int batch) {
    long n = batch;
    long in = Mlp.IN;
    long h = Mlp.HIDDEN;
    long out = Mlp.OUT;
    return new Product[] {
      new Product("x W1 (forward 1)", new long[] {n, in}, new long[] {in, h}, false, false),
      new Product("h W2 (forward 2)", new long[] {n, h}, new long[] {h, out}, false, false),
      new Product("h^T dz2 (dW2)", new long[] {n, h}, new long[] {n, out}, true, false),
      new Product("dz2 W2^T (dh)", new long[] {n, out}, new long[] {h, out}, false, true),
      new Product("x^T dz1 (dW1)", new long[] {n, in}, new long[] {n, h}, true, false),
      new Product("dz1 W1^T (dx, not needed)", new long[] {n, h}, new long[] {in, h}, false, true)
    };
  }

  /**
   * Milliseconds per epoch (8192 rows) of the five products a step needs, each in its faster output
   * order, best of {@code reps} timed epochs after one warm-up.
   */
  static double epochMillis(int batch, int reps) {
    double total = 0;
    Product[] ps = products(batch);
    for (int i = 0; i < ps.length - 1; i++) {
      double[] t = times(ps[i], batch, reps);
      total += Math.min(t[0], t[1]);
    }
    return total;
  }

  /**
   * The best epoch time of a product into a preallocated 'c' output, a preallocated 'f' output and
   * a fresh output allocated by the op on every call (libnd4j's {@code matmul} given no output, as
   * {@code a.mmul(b)} does), the three alternating epoch by epoch.
   */
  private static double[] times(Product p, int batch, int reps) {
    Nd4j.getRandom().setSeed(13);
    INDArray a = Nd4j.rand(DataType.FLOAT, p.a());
    INDArray b = Nd4j.rand(DataType.FLOAT, p.b());
    long[] shape = {p.m(), p.n()};
    INDArray[] outs = {
      Nd4j.createUninitialized(DataType.FLOAT, shape, 'c'),
      Nd4j.createUninitialized(DataType.FLOAT, shape, 'f'),
      null
    };
    int steps = Mlp.ROWS / batch;
    double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
    for (int r = 0; r <= reps; r++) {
      for (int k = 0; k < outs.length; k++) {
        long start = System.nanoTime();
        for (int s = 0; s < steps; s++) {
          DynamicCustomOp.DynamicCustomOpsBuilder op =
              DynamicCustomOp.builder("matmul")
                  .addInputs(a, b)
                  .addIntegerArguments(p.ta() ? 1 : 0, p.tb() ? 1 : 0, 0);
          if (outs[k] != null) {
            op.addOutputs(outs[k]);
          }
          Nd4j.exec(op.build());
        }
        double ms = (System.nanoTime() - start) / 1e6;
        if (r > 0) {
          best[k] = Math.min(best[k], ms);
        }
      }
    }
    return best;
  }

  /** Prints each product's time per epoch and speed, by output. */
  public static void main(String[] args) {
    int batch = args.length > 0 ? Integer.parseInt(args[0]) : 128;
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    double[] sum = new double[3];
    System.out.println(
        "| product | preallocated c (ms/epoch) | preallocated f | allocated per call |"
            + " GFLOP/s (best) |");
    System.out.println("|---|---|---|---|---|");
    for (Product p : products(batch)) {
      double[] t = times(p, batch, reps);
      double flop = 2.0 * p.m() * p.n() * p.k() * (Mlp.ROWS / batch);
      System.out.printf(
          "| %s | %.1f | %.1f | %.1f | %.1f |%n",
          p.name(), t[0], t[1], t[2], flop / Math.min(t[0], t[1]) / 1e6);
      if (!p.name().contains("not needed")) {
        for (int k = 0; k < 3; k++) {
          sum[k] += t[k];
        }
      }
    }
    System.out.printf(
        "| five needed, batch %d | %.1f | %.1f | %.1f | |%n", batch, sum[0], sum[1], sum[2]);
  }
}
