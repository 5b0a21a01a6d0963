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
 * product and output order ('c' as the graph allocates, 'f'), the milliseconds per epoch of 8192
 * rows and the GFLOP/s; {@link #epochMillis} is the floor, the faster order of each product.
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
      total += Math.min(time(ps[i], batch, 'c', reps), time(ps[i], batch, 'f', reps));
    }
    return total;
  }

  private static double time(Product p, int batch, char order, int reps) {
    Nd4j.getRandom().setSeed(13);
    INDArray a = Nd4j.rand(DataType.FLOAT, p.a());
    INDArray b = Nd4j.rand(DataType.FLOAT, p.b());
    INDArray c = Nd4j.createUninitialized(DataType.FLOAT, new long[] {p.m(), p.n()}, order);
    DynamicCustomOp op =
        DynamicCustomOp.builder("matmul")
            .addInputs(a, b)
            .addOutputs(c)
            .addIntegerArguments(p.ta() ? 1 : 0, p.tb() ? 1 : 0, 0)
            .build();
    int steps = Mlp.ROWS / batch;
    double best = Double.MAX_VALUE;
    for (int r = 0; r <= reps; r++) {
      long start = System.nanoTime();
      for (int s = 0; s < steps; s++) {
        Nd4j.exec(op);
      }
      double ms = (System.nanoTime() - start) / 1e6;
      if (r > 0) {
        best = Math.min(best, ms);
      }
    }
    return best;
  }

  /** Prints each product's time per epoch and speed in both output orders. */
  public static void main(String[] args) {
    int batch = args.length > 0 ? Integer.parseInt(args[0]) : 128;
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    double[] sum = new double[2];
    System.out.println("| product | c out (ms/epoch) | f out (ms/epoch) | GFLOP/s (best) |");
    System.out.println("|---|---|---|---|");
    for (Product p : products(batch)) {
      double c = time(p, batch, 'c', reps);
      double f = time(p, batch, 'f', reps);
      double flop = 2.0 * p.m() * p.n() * p.k() * (Mlp.ROWS / batch);
      System.out.printf(
          "| %s | %.1f | %.1f | %.1f |%n", p.name(), c, f, flop / Math.min(c, f) / 1e6);
      if (!p.name().contains("not needed")) {
        sum[0] += c;
        sum[1] += f;
      }
    }
    System.out.printf("| five needed, batch %d | %.1f | %.1f | |%n", batch, sum[0], sum[1]);
  }
}
