package io.github.javanets.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The weight rules of docs/losses.md and batch-permutation invariance. */
final class WeightChecks {
  /** Values and gradients that must be equal agree to this, relative to {@code max(1, |v|)}. */
  static final double SAME = 1e-12;

  private WeightChecks() {}

  static void allOnes(LossContractTest t) {
    for (ContractCase c : ContractCase.all(t)) {
      LossInputs ones = c.inputs.withWeights(Nd4j.onesLike(c.inputs.weights()));
      assertClose(c.value(ones, true), c.value(false), c.describe("value with all-ones weights"));
      assertSameGradients(
          gradient(c, ones, true),
          gradient(c, c.inputs, false),
          c.describe("gradient with all-ones weights"));
    }
  }

  static void oneZero(LossContractTest t) {
    for (ContractCase c : ContractCase.all(t)) {
      INDArray w = c.inputs.weights();
      long[] index = GradientCheck.index(w.shape(), w.length() / 2);
      WeightUnit unit = WeightUnit.around(c.loss.targetKind(), w.shape(), index);
      if (unit.coversAll()) {
        continue;
      }
      LossInputs in = c.inputs.withWeights(unit.zeroIn(w));
      LossInputs changed = unit.copyFrom(in, c.otherInputs(t));
      String what = c.describe("weight-0 element " + Arrays.toString(index));
      assertClose(c.value(changed, true), c.value(in, true), "value after changing the " + what);
      Map<String, INDArray> before = gradient(c, in, true);
      Map<String, INDArray> after = gradient(c, changed, true);
      for (String key : before.keySet()) {
        List<long[]> own = unit.entries(in.outputs().get(key).shape());
        for (long[] e : own) {
          for (Map<String, INDArray> g : List.of(before, after)) {
            assertThat(Math.abs(g.get(key).getDouble(e)))
                .as("gradient of %s%s, covered by the %s", key, Arrays.toString(e), what)
                .isZero();
            g.get(key).putScalar(e, 0.0);
          }
        }
      }
      assertSameGradients(after, before, "other gradients after changing the " + what);
    }
  }

  static void allZero(LossContractTest t) {
    for (ContractCase c : ContractCase.all(t)) {
      LossInputs zeros = c.inputs.withWeights(Nd4j.zerosLike(c.inputs.weights()));
      assertThat(c.value(zeros, true)).as(c.describe("value with all-zero weights")).isZero();
      gradient(c, zeros, true)
          .forEach(
              (key, g) ->
                  assertThat(Arrays.stream(Float64Array.of(g).toArray()).map(Math::abs))
                      .as(c.describe("|gradient| of " + key + " with all-zero weights"))
                      .containsOnly(0.0));
    }
  }

  static void permutation(LossContractTest t) {
    for (ContractCase c : ContractCase.all(t)) {
      if (!c.hasSeveralRows()) {
        continue;
      }
      int rows = (int) c.shape[0];
      int[] order = order(rows, new Random(c.seed));
      LossInputs in = c.inputs;
      Map<String, INDArray> outputs = new LinkedHashMap<>();
      in.outputs().forEach((k, v) -> outputs.put(k, permute(v, order)));
      LossInputs permuted =
          in.withOutputs(outputs)
              .withTarget(in.target() == null ? null : permute(in.target(), order))
              .withWeights(permute(in.weights(), order));
      for (boolean weighted : new boolean[] {false, true}) {
        String what = (weighted ? "weighted " : "unweighted ") + "after permuting the rows";
        assertClose(c.value(permuted, weighted), c.value(weighted), c.describe("value " + what));
        Map<String, INDArray> expected = new LinkedHashMap<>();
        gradient(c, in, weighted).forEach((k, g) -> expected.put(k, permute(g, order)));
        assertSameGradients(
            gradient(c, permuted, weighted), expected, c.describe("gradient " + what));
      }
    }
  }

  /** A shuffle of {@code [0, n)} that moves the first row. */
  private static int[] order(int n, Random random) {
    List<Integer> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(i);
    }
    do {
      Collections.shuffle(list, random);
    } while (list.get(0) == 0);
    return list.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Permutes the first axis of an array that has the batch's rows; others are returned as is. */
  private static INDArray permute(INDArray a, int[] order) {
    if (a.rank() == 0 || a.size(0) != order.length) {
      return a;
    }
    return Float64Array.of(a).permuteFirstAxis(order).toINDArray(a.dataType());
  }

  private static Map<String, INDArray> gradient(ContractCase c, LossInputs in, boolean weighted) {
    Map<String, INDArray> g = new LinkedHashMap<>();
    c.loss
        .gradient(in.outputs(), in.target(), in.weightsIf(weighted))
        .forEach((k, v) -> g.put(k, v.dup('c')));
    return g;
  }

  private static void assertClose(double actual, double expected, String what) {
    assertThat(Math.abs(actual - expected))
        .as("|difference| of the %s: %s, expected %s", what, actual, expected)
        .isLessThanOrEqualTo(SAME * Math.max(1, Math.max(Math.abs(actual), Math.abs(expected))));
  }

  private static void assertSameGradients(
      Map<String, INDArray> actual, Map<String, INDArray> expected, String what) {
    assertThat(actual.keySet()).as("outputs of the " + what).isEqualTo(expected.keySet());
    for (String key : expected.keySet()) {
      double[] a = Float64Array.of(actual.get(key)).toArray();
      double[] e = Float64Array.of(expected.get(key)).toArray();
      assertThat(a.length).as("size of the " + what).isEqualTo(e.length);
      for (int i = 0; i < a.length; i++) {
        assertClose(a[i], e[i], what + ", d/d " + key + " element " + i);
      }
    }
  }
}
