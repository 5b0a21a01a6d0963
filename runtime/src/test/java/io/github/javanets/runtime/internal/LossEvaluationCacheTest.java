package io.github.javanets.runtime.internal;

import static io.github.javanets.conventions.SameBits.assertSameBits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossContext;
import io.github.javanets.loss.spi.EvaluationCache;
import io.github.javanets.runtime.GraphExecutor;
import io.github.javanets.runtime.TestLosses.Counted;
import io.github.javanets.runtime.TestLosses.SquaredError;
import io.github.javanets.runtime.TestLosses.TopScore;
import io.github.javanets.runtime.TestLosses.Tunable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A loss on plain arrays keeps the graph it built for a set of shapes and runs it again: every
 * later call must still compute its own arrays' value and gradient, checked against float64 loops.
 */
class LossEvaluationCacheTest {
  private static final double EPS = 1e-12;

  private static INDArray random(long seed, long... shape) {
    Nd4j.getRandom().setSeed(seed);
    return Nd4j.rand(DataType.DOUBLE, shape).subi(0.5).muli(4);
  }

  private static double mse(INDArray o, INDArray t) {
    double[] a = o.dup('c').reshape(o.length()).toDoubleVector();
    double[] b = t.dup('c').reshape(t.length()).toDoubleVector();
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return s / a.length;
  }

  private static double[] mseGradient(INDArray o, INDArray t) {
    double[] a = o.dup('c').reshape(o.length()).toDoubleVector();
    double[] b = t.dup('c').reshape(t.length()).toDoubleVector();
    double[] g = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      g[i] = 2 * (a[i] - b[i]) / a.length;
    }
    return g;
  }

  private static double[] flat(INDArray a) {
    return a.dup('c').reshape(a.length()).toDoubleVector();
  }

  /** Returns the per-element error instead of a scalar. */
  public static class Elementwise extends Loss {
    @Override
    public org.nd4j.autodiff.samediff.SDVariable compute(LossContext ctx) {
      return ctx.output().sub(ctx.target());
    }
  }

  @Test
  void aValueThatIsNotAScalarIsAnErrorNamingTheLossAndTheShape() {
    Loss loss = new Elementwise();

    assertThatThrownBy(() -> loss.value(random(1, 4, 3), random(2, 4, 3), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Loss 'elementwise' ("
                + Elementwise.class.getName()
                + ") computed a value of shape [4, 3]; compute must return a scalar, such as"
                + " reduce(ctx, err) of the per-element error err.");
  }

  /** Returns null from compute. */
  public static class Nothing extends Loss {
    @Override
    public org.nd4j.autodiff.samediff.SDVariable compute(LossContext ctx) {
      return null;
    }
  }

  @Test
  void aComputeThatReturnsNullIsAnErrorNamingTheLossAndItsClass() {
    Loss loss = new Nothing();

    assertThatThrownBy(() -> loss.value(random(1, 4, 3), random(2, 4, 3), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Loss 'nothing' ("
                + Nothing.class.getName()
                + ") returned null from compute; compute must return a scalar, such as"
                + " reduce(ctx, err) of the per-element error err.");
  }

  @Test
  void callsWithTheSameShapesReuseOneGraphAndComputeTheirOwnArrays() {
    Counted loss = new Counted();
    for (int i = 0; i < 5; i++) {
      INDArray o = random(10 + i, 4, 3);
      INDArray t = random(20 + i, 4, 3);

      assertThat(loss.value(o, t, null)).isCloseTo(mse(o, t), within(EPS));
      assertThat(flat(loss.gradient(o, t, null))).containsExactly(mseGradient(o, t), within(EPS));
    }
    assertThat(loss.builds()).isEqualTo(1);
  }

  @Test
  void aGradientIsTheCallersOwnAndNotOverwrittenByTheNextCall() {
    Loss loss = new SquaredError();
    INDArray o1 = random(1, 4, 3);
    INDArray t1 = random(2, 4, 3);
    INDArray first = loss.gradient(o1, t1, null);

    INDArray second = loss.gradient(random(3, 4, 3), random(4, 4, 3), null);

    assertThat(second).isNotSameAs(first);
    assertThat(flat(first)).containsExactly(mseGradient(o1, t1), within(EPS));
  }

  @Test
  void otherShapesGetTheirOwnGraphAndTheLastTwoAreKept() {
    Counted loss = new Counted();
    long[][] shapes = {{4, 3}, {2, 3}, {4, 3}, {5, 2, 3}, {2, 3}, {5, 2, 3}, {4, 3}};
    // A graph is built unless one of the last two shapes used comes back.
    int[] builds = {1, 2, 2, 3, 4, 4, 5};
    for (int i = 0; i < shapes.length; i++) {
      INDArray o = random(30 + i, shapes[i]);
      INDArray t = random(40 + i, shapes[i]);

      assertThat(loss.value(o, t, null)).isCloseTo(mse(o, t), within(EPS));
      assertThat(loss.gradient(o, t, null).shape()).containsExactly(shapes[i]);
      assertThat(loss.builds()).as("graphs built after call " + i).isEqualTo(builds[i]);
    }
  }

  @Test
  void theCacheItIsGivenKeepsTheLastTwoGraphs() {
    ArrayLossEvaluator evaluator = new ArrayLossEvaluator();
    EvaluationCache cache = new EvaluationCache();
    Loss loss = new SquaredError();
    long[][] shapes = {{4, 3}, {2, 3}, {5, 2, 3}};
    for (int i = 0; i < shapes.length; i++) {
      INDArray o = random(50 + i, shapes[i]);
      INDArray t = random(60 + i, shapes[i]);

      assertThat(evaluator.value(loss, cache, Map.of("out", o), t, null))
          .isCloseTo(mse(o, t), within(EPS));
      assertThat(cache.size()).isEqualTo(Math.min(i + 1, EvaluationCache.KEPT));
    }
  }

  @Test
  void weightsAndDataTypesArePartOfTheGraphsKey() {
    Counted loss = new Counted();
    INDArray o = random(5, 4, 3);
    INDArray t = random(6, 4, 3);
    double plain = loss.value(o, t, null);

    double weighted = loss.value(o, t, Nd4j.ones(DataType.DOUBLE, 4, 3).muli(2));
    double inFloat = loss.value(o.castTo(DataType.FLOAT), t, null);

    assertThat(weighted).isCloseTo(plain, within(EPS));
    assertThat(inFloat).isCloseTo(plain, within(1e-5));
    assertThat(loss.builds()).isEqualTo(3);
  }

  @Test
  void configuringALossAfterAnEvaluationUsesTheNewParameters() {
    Loss loss = new Tunable();
    INDArray o = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}});
    assertThat(loss.value(o, o, null)).isCloseTo(0.5 * 2.5, within(EPS));

    loss.configure(Map.of("alpha", 2.0));

    assertThat(loss.value(o, o, null)).isCloseTo(2.0 * 2.5, within(EPS));
  }

  @Test
  void valueAndAccuracyOfOneLossAreDifferentGraphs() {
    TopScore loss = new TopScore();
    INDArray o = Nd4j.createFromArray(new double[][] {{0.1, 0.9}, {0.8, 0.2}, {0.3, 0.7}});
    INDArray labels = Nd4j.createFromArray(1L, 1L, 1L);

    assertThat(loss.value(o, labels, null)).isCloseTo(-(0.9 + 0.8 + 0.7) / 3, within(EPS));
    assertThat(loss.accuracy(o, labels, null)).isCloseTo(2.0 / 3, within(EPS));
    assertThat(loss.value(o, labels, null)).isCloseTo(-(0.9 + 0.8 + 0.7) / 3, within(EPS));
  }

  @Test
  void withTheRunnerSwitchedOffTheSameGraphRunsThroughTheSessionWithTheSameNumbers() {
    INDArray o = random(7, 4, 3);
    INDArray t = random(8, 4, 3);
    INDArray w = random(9, 4, 3).addi(2);
    Counted loss = new Counted();
    loss.configure(Map.of("weighted", true));
    double valueOn = loss.value(o, t, w);
    INDArray gradientOn = loss.gradient(o, t, w);
    System.setProperty(GraphExecutor.PROPERTY, "false");
    try {
      assertThat(loss.value(o, t, w)).isEqualTo(valueOn);
      INDArray first = loss.gradient(o, t, w);
      assertSameBits("gradient through the session", first, gradientOn);

      INDArray second = loss.gradient(random(10, 4, 3), t, w);

      assertThat(second).isNotEqualTo(gradientOn);
      assertSameBits("first gradient, kept", first, gradientOn);
    } finally {
      System.clearProperty(GraphExecutor.PROPERTY);
    }
    assertThat(loss.builds()).isEqualTo(1);
  }

  @Test
  void arraysComputedInsideAWorkspaceOutliveIt() {
    Loss loss = new SquaredError();
    INDArray o = random(11, 4, 3);
    INDArray t = random(12, 4, 3);
    INDArray g;
    double v;
    WorkspaceConfiguration conf = WorkspaceConfiguration.builder().initialSize(1 << 20).build();
    try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(conf, "test")) {
      v = loss.value(o, t, null);
      g = loss.gradient(o, t, null);
    }

    assertThat(g.isAttached()).isFalse();
    assertThat(v).isCloseTo(mse(o, t), within(EPS));
    assertThat(flat(g)).containsExactly(mseGradient(o, t), within(EPS));
    INDArray o2 = random(13, 4, 3);
    assertThat(loss.value(o2, t, null)).isCloseTo(mse(o2, t), within(EPS));
  }

  @Test
  void callsFromSeveralThreadsEachGetTheirOwnResults() throws Exception {
    Loss loss = new SquaredError();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        long seed = 100 + i;
        results.add(
            pool.submit(
                () -> {
                  INDArray o = random(seed, 8, 5);
                  INDArray t = random(seed + 1000, 8, 5);
                  double v = loss.value(o, t, null);
                  double[] g = flat(loss.gradient(o, t, null));
                  double[] expected = mseGradient(o, t);
                  boolean same = Math.abs(v - mse(o, t)) < EPS;
                  for (int k = 0; k < g.length; k++) {
                    same &= Math.abs(g[k] - expected[k]) < EPS;
                  }
                  return same;
                }));
      }
      for (Future<Boolean> r : results) {
        assertThat(r.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
