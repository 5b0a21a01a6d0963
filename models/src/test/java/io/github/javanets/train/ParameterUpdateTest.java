package io.github.javanets.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * The fused Adam and SGD steps against a float64 loop written here and against DL4J's own updaters:
 * same parameters after 40 steps, with and without gradient clipping, for gradients that are views
 * (copied first) and for a parameter that must take DL4J's path.
 */
class ParameterUpdateTest {
  private static final int STEPS = 40;

  /** Random gradients, one array per step, for a (7, 5) weight and a (5) bias. */
  private static Map<String, INDArray>[] gradients(DataType type, long seed) {
    Random r = new Random(seed);
    @SuppressWarnings("unchecked")
    Map<String, INDArray>[] steps = new Map[STEPS];
    for (int s = 0; s < STEPS; s++) {
      Map<String, INDArray> g = new LinkedHashMap<>();
      g.put("w", random(r, type, 7, 5).muli(s % 7 == 3 ? 50 : 1));
      g.put("b", random(r, type, 5));
      steps[s] = g;
    }
    return steps;
  }

  private static INDArray random(Random r, DataType type, long... shape) {
    INDArray a = Nd4j.create(DataType.DOUBLE, shape);
    for (long i = 0; i < a.length(); i++) {
      a.putScalar(i, r.nextGaussian());
    }
    return a.castTo(type);
  }

  private static Map<String, INDArray> parameters(DataType type) {
    Random r = new Random(5);
    Map<String, INDArray> p = new LinkedHashMap<>();
    p.put("w", random(r, type, 7, 5));
    p.put("b", random(r, type, 5));
    return p;
  }

  /** Float64 Adam as DL4J documents it, written out. */
  private static double[][] adamReference(
      Map<String, INDArray>[] grads, double lr, double b1, double b2, double eps, double maxNorm) {
    Map<String, INDArray> start = parameters(DataType.DOUBLE);
    double[][] p = {start.get("w").data().asDouble(), start.get("b").data().asDouble()};
    double[][] m = {new double[35], new double[5]};
    double[][] v = {new double[35], new double[5]};
    for (int t = 0; t < STEPS; t++) {
      double[][] g = {
        grads[t].get("w").castTo(DataType.DOUBLE).data().asDouble(),
        grads[t].get("b").castTo(DataType.DOUBLE).data().asDouble()
      };
      double scale = clip(g, maxNorm);
      double a = lr * Math.sqrt(1 - Math.pow(b2, t + 1)) / (1 - Math.pow(b1, t + 1));
      for (int k = 0; k < 2; k++) {
        for (int i = 0; i < p[k].length; i++) {
          double gi = g[k][i] * scale;
          m[k][i] = b1 * m[k][i] + (1 - b1) * gi;
          v[k][i] = b2 * v[k][i] + (1 - b2) * gi * gi;
          p[k][i] -= a * m[k][i] / (Math.sqrt(v[k][i]) + eps);
        }
      }
    }
    return p;
  }

  private static double clip(double[][] g, double maxNorm) {
    if (maxNorm <= 0) {
      return 1;
    }
    double s = 0;
    for (double[] a : g) {
      for (double x : a) {
        s += x * x;
      }
    }
    return Math.sqrt(s) > maxNorm ? maxNorm / Math.sqrt(s) : 1;
  }

  private static Map<String, INDArray> run(
      IUpdater config,
      DataType type,
      Map<String, INDArray>[] grads,
      double maxNorm,
      boolean views) {
    Map<String, INDArray> p = parameters(type);
    ParameterUpdate update = new ParameterUpdate(p, config);
    for (int t = 0; t < STEPS; t++) {
      Map<String, INDArray> g = new LinkedHashMap<>();
      for (Map.Entry<String, INDArray> e : grads[t].entrySet()) {
        // A view: every other row of a bigger array holds the gradient.
        g.put(e.getKey(), views ? asView(e.getValue()) : e.getValue().dup());
      }
      update.apply(g, maxNorm, t, 0);
    }
    return p;
  }

  private static INDArray asView(INDArray g) {
    INDArray wide = Nd4j.zeros(g.dataType(), 2, g.length());
    wide.getRow(1).assign(g.reshape(g.length()));
    INDArray view = wide.getRow(1).reshape(g.shape());
    return view;
  }

  @ParameterizedTest
  @CsvSource({
    "DOUBLE, 0, false, 1e-12",
    "DOUBLE, 3, false, 1e-12",
    "DOUBLE, 0, true, 1e-12",
    "FLOAT, 0, false, 2e-5",
    "FLOAT, 3, true, 2e-5"
  })
  void fusedAdamMatchesAFloat64Loop(DataType type, double maxNorm, boolean views, double tol) {
    Map<String, INDArray>[] grads = gradients(type, 17);
    double[][] expected = adamReference(grads, 0.01, 0.8, 0.99, 1e-6, maxNorm);
    Map<String, INDArray> p = run(new Adam(0.01, 0.8, 0.99, 1e-6), type, grads, maxNorm, views);
    assertClose(p.get("w"), expected[0], tol);
    assertClose(p.get("b"), expected[1], tol);
  }

  @Test
  void adamAndSgdOnHostArraysTakeTheFusedStep() {
    assertThat(new ParameterUpdate(parameters(DataType.FLOAT), new Adam(0.01)).steps())
        .allMatch(s -> s instanceof ParameterUpdate.FusedAdam)
        .hasSize(2);
    assertThat(new ParameterUpdate(parameters(DataType.DOUBLE), new Sgd(0.01)).steps())
        .allMatch(s -> s instanceof ParameterUpdate.FusedSgd);
    assertThat(new ParameterUpdate(parameters(DataType.DOUBLE), new Nesterovs(0.01)).steps())
        .allMatch(s -> s instanceof ParameterUpdate.Delegated);
  }

  @ParameterizedTest
  @CsvSource({"DOUBLE, 1e-12", "FLOAT, 2e-5"})
  void fusedAdamMatchesDl4jsUpdater(DataType type, double tol) {
    Map<String, INDArray>[] grads = gradients(type, 23);
    Adam config = new Adam(1e-3);
    Map<String, INDArray> fused = run(config, type, grads, 0, false);
    Map<String, INDArray> dl4j = parameters(type);
    for (Map.Entry<String, INDArray> e : dl4j.entrySet()) {
      INDArray param = e.getValue();
      INDArray state = Nd4j.zeros(type, 1, config.stateSize(param.length()));
      GradientUpdater<?> u = config.instantiate(state, true);
      for (int t = 0; t < STEPS; t++) {
        INDArray g = grads[t].get(e.getKey()).dup().reshape(1, param.length());
        u.applyUpdater(g, t, 0);
        param.subi(g.reshape(param.shape()));
      }
      assertClose(fused.get(e.getKey()), param.castTo(DataType.DOUBLE).data().asDouble(), tol);
    }
  }

  @ParameterizedTest
  @CsvSource({"DOUBLE, 0, 1e-13", "DOUBLE, 2, 1e-13", "FLOAT, 2, 1e-5"})
  void fusedSgdSubtractsTheScaledGradient(DataType type, double maxNorm, double tol) {
    Map<String, INDArray>[] grads = gradients(type, 29);
    Map<String, INDArray> start = parameters(DataType.DOUBLE);
    double[][] p = {start.get("w").data().asDouble(), start.get("b").data().asDouble()};
    for (int t = 0; t < STEPS; t++) {
      double[][] g = {
        grads[t].get("w").castTo(DataType.DOUBLE).data().asDouble(),
        grads[t].get("b").castTo(DataType.DOUBLE).data().asDouble()
      };
      double scale = clip(g, maxNorm);
      for (int k = 0; k < 2; k++) {
        for (int i = 0; i < p[k].length; i++) {
          p[k][i] -= 0.05 * scale * g[k][i];
        }
      }
    }
    Map<String, INDArray> fused = run(new Sgd(0.05), type, grads, maxNorm, false);
    assertClose(fused.get("w"), p[0], tol);
    assertClose(fused.get("b"), p[1], tol);
  }

  @Test
  void otherUpdatersAndViewsTakeDl4jsPath() {
    Map<String, INDArray> p = parameters(DataType.DOUBLE);
    Map<String, INDArray> viewParams = new LinkedHashMap<>();
    viewParams.put("w", asView(p.get("w")));
    assertThat(ParameterUpdate.fusable(p.get("w"))).isTrue();
    assertThat(ParameterUpdate.fusable(viewParams.get("w"))).isFalse();
    assertThat(ParameterUpdate.fusable(p.get("w").transpose())).isFalse();
    assertThat(ParameterUpdate.fusable(Nd4j.zeros(DataType.INT32, 3))).isFalse();

    // Nesterov momentum through DL4J, on a view parameter: the same as DL4J's updater by hand.
    Map<String, INDArray>[] grads = gradients(DataType.DOUBLE, 31);
    Nesterovs config = new Nesterovs(0.01, 0.9);
    ParameterUpdate update = new ParameterUpdate(viewParams, config);
    INDArray expected = p.get("w").dup();
    GradientUpdater<?> u =
        config.instantiate(Nd4j.zeros(DataType.DOUBLE, 1, config.stateSize(35)), true);
    for (int t = 0; t < STEPS; t++) {
      update.apply(Map.of("w", grads[t].get("w")), 0, t, 0);
      INDArray g = grads[t].get("w").dup().reshape(1, 35);
      u.applyUpdater(g, t, 0);
      expected.subi(g.reshape(7, 5));
    }
    assertThat(viewParams.get("w").equals(expected)).isTrue();
  }

  private static void assertClose(INDArray actual, double[] expected, double tol) {
    double[] a = actual.castTo(DataType.DOUBLE).data().asDouble();
    assertThat(a).hasSameSizeAs(expected);
    for (int i = 0; i < a.length; i++) {
      assertThat(a[i])
          .as("element %d", i)
          .isCloseTo(
              expected[i], org.assertj.core.data.Offset.offset(tol * (1 + Math.abs(expected[i]))));
    }
  }
}
