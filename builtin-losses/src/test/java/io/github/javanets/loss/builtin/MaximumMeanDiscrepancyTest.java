package io.github.javanets.loss.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossRegistry;
import io.github.javanets.testkit.Float64Array;
import io.github.javanets.testkit.Float64Inputs;
import io.github.javanets.testkit.GradientCheck;
import io.github.javanets.testkit.LossContractTest;
import io.github.javanets.testkit.LossInputs;
import io.github.javanets.testkit.RandomArrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** {@code mmd} beyond the contract: sets of different sizes, time steps and its own checks. */
class MaximumMeanDiscrepancyTest {
  private static final LossRegistry REGISTRY = LossRegistry.discover();
  private static final String[] SPECS = {
    "mmd", "mmd(estimator=unbiased)", "mmd(kernel=imq, bandwidth=0.5, estimator=unbiased)"
  };

  @BeforeAll
  static void useDouble() {
    LossContractTest.useDouble();
  }

  private static double reference(Loss loss, INDArray output, INDArray target) {
    Float64Inputs in =
        new Float64Inputs(Map.of("out", Float64Array.of(output)), Float64Array.of(target), null);
    return new MmdReference(loss).value(in);
  }

  @Test
  void setsOfDifferentSizesMatchTheReference() {
    Random random = new Random(11);
    for (String spec : SPECS) {
      Loss mmd = REGISTRY.create(spec);
      for (long[][] shapes : new long[][][] {{{3, 2}, {5, 2}}, {{2, 3, 2}, {4, 3, 2}}}) {
        INDArray o = RandomArrays.uniform(random, -1, 1, shapes[0]);
        INDArray t = RandomArrays.uniform(random, -0.5, 1.5, shapes[1]);
        assertThat(mmd.value(o, t, null))
            .as("%s of %s and %s rows", mmd, shapes[0][0], shapes[1][0])
            .isCloseTo(reference(mmd, o, t), within(1e-9));
        assertThat(GradientCheck.mismatches(mmd, LossInputs.of(o, t, Nd4j.ones(shapes[1])), false))
            .as("gradient of %s with %s and %s rows", mmd, shapes[0][0], shapes[1][0])
            .isEmpty();
      }
    }
  }

  @Test
  void sequencesGiveTheMeanOverTimeStepsOfEachStepsValue() {
    Random random = new Random(12);
    INDArray o = RandomArrays.uniform(random, -1, 1, 3, 4, 2);
    INDArray t = RandomArrays.uniform(random, -0.5, 1.5, 3, 4, 2);
    INDArray w = RandomArrays.weights(random, 3, 4, 2);
    for (String spec : SPECS) {
      Loss mmd = REGISTRY.create(spec);
      for (boolean weighted : new boolean[] {false, true}) {
        double sum = 0;
        for (int s = 0; s < 4; s++) {
          sum += mmd.value(step(o, s), step(t, s), weighted ? step(w, s) : null);
        }
        assertThat(mmd.value(o, t, weighted ? w : null))
            .as("%s%s", mmd, weighted ? " weighted" : "")
            .isCloseTo(sum / 4, within(1e-12));
      }
    }
  }

  @Test
  void aTimeStepWithoutWeightIsLeftOutOfTheMeanOverSteps() {
    Random random = new Random(14);
    INDArray o = RandomArrays.uniform(random, -1, 1, 3, 4, 2);
    INDArray t = RandomArrays.uniform(random, -0.5, 1.5, 3, 4, 2);
    INDArray w = RandomArrays.weights(random, 3, 4, 2);
    w.get(NDArrayIndex.all(), NDArrayIndex.point(1), NDArrayIndex.all()).assign(0);
    w.get(NDArrayIndex.all(), NDArrayIndex.point(3), NDArrayIndex.all()).assign(0);
    for (String spec : SPECS) {
      Loss mmd = REGISTRY.create(spec);
      double steps0and2 =
          mmd.value(step(o, 0), step(t, 0), step(w, 0))
              + mmd.value(step(o, 2), step(t, 2), step(w, 2));
      assertThat(mmd.value(o, t, w)).as("%s", mmd).isCloseTo(steps0and2 / 2, within(1e-12));
      assertThat(mmd.value(o, t, w))
          .as("%s against the float64 reference", mmd)
          .isCloseTo(
              new MmdReference(mmd)
                  .value(
                      new Float64Inputs(
                          Map.of("out", Float64Array.of(o)),
                          Float64Array.of(t),
                          Float64Array.of(w))),
              within(1e-9));
      assertThat(GradientCheck.mismatches(mmd, LossInputs.of(o, t, w), true))
          .as("gradient of %s", mmd)
          .isEmpty();
    }
  }

  @Test
  void sequencesWithoutAnyWeightGiveZeroAndAZeroGradient() {
    Random random = new Random(15);
    INDArray o = RandomArrays.uniform(random, -1, 1, 3, 4, 2);
    INDArray t = RandomArrays.uniform(random, -0.5, 1.5, 3, 4, 2);
    INDArray w = Nd4j.zeros(o.dataType(), 3, 4, 2);
    for (String spec : SPECS) {
      Loss mmd = REGISTRY.create(spec);
      assertThat(mmd.value(o, t, w)).as("%s", mmd).isEqualTo(0.0);
      assertThat(mmd.gradient(o, t, w).amaxNumber().doubleValue()).as("%s", mmd).isEqualTo(0.0);
    }
  }

  private static INDArray step(INDArray a, int s) {
    return a.get(NDArrayIndex.all(), NDArrayIndex.point(s), NDArrayIndex.all()).dup('c');
  }

  @Test
  void identicalSetsHaveABiasedDiscrepancyOfZero() {
    INDArray x = RandomArrays.uniform(new Random(13), -1, 1, 4, 3);
    assertThat(REGISTRY.create("mmd").value(x, x.dup(), null)).isCloseTo(0.0, within(1e-12));
    assertThat(REGISTRY.create("mmd(kernel=imq)").value(x, x.dup(), null))
        .isCloseTo(0.0, within(1e-12));
  }

  @Test
  void theUnbiasedEstimatorNeedsTwoRowsOnEachSide() {
    Loss mmd = REGISTRY.create("mmd(estimator=unbiased)");
    assertThatThrownBy(() -> mmd.value(Nd4j.zeros(1, 3), Nd4j.zeros(4, 3), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Loss 'mmd' with estimator=unbiased needs at least 2 rows in the output and in the"
                + " target; got 1 and 4.");
    assertThatThrownBy(() -> mmd.value(Nd4j.zeros(4, 3), Nd4j.zeros(1, 3), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Loss 'mmd' with estimator=unbiased needs at least 2 rows in the output and in the"
                + " target; got 4 and 1.");
    assertThat(REGISTRY.create("mmd").value(Nd4j.zeros(1, 3), Nd4j.ones(1, 3), null))
        .as("the biased estimator with one row on each side")
        .isCloseTo(2 - 2 * Math.exp(-3), within(1e-12));
  }

  @Test
  void weightsNeedAsManyOutputRowsAsTargetRows() {
    Loss mmd = REGISTRY.create("mmd");
    assertThatThrownBy(() -> mmd.value(Nd4j.zeros(4, 3), Nd4j.zeros(5, 3), Nd4j.ones(5, 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Weighted loss 'mmd' gives output row i and target row i the same weight, so both need"
                + " the weights' 5 rows; the output has 4.");
  }

  @Test
  void samplesOfAnotherWidthOrRankAreRejected() {
    Loss mmd = REGISTRY.create("mmd");
    assertThatThrownBy(() -> mmd.value(Nd4j.zeros(4, 3), Nd4j.zeros(4, 2), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Array 'target' has shape [4, 2] but loss 'mmd' reading output 'out:out' of shape"
                + " [4, 3] needs samples of shape [any, 3].");
    assertThatThrownBy(() -> mmd.value(Nd4j.zeros(2, 2, 2, 2), Nd4j.zeros(3, 2, 2, 2), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Loss 'mmd' compares rows of 2-D (N, D) or 3-D (B, T, D) arrays; the output has shape"
                + " [2, 2, 2, 2].");
  }

  @Test
  void aStepWithOneWeightedRowIsFiniteForTheUnbiasedEstimator() {
    Loss mmd = REGISTRY.create("mmd(estimator=unbiased)");
    Random random = new Random(14);
    INDArray o = RandomArrays.uniform(random, -1, 1, 3, 2);
    INDArray t = RandomArrays.uniform(random, -1, 1, 3, 2);
    INDArray w = Nd4j.createFromArray(new double[][] {{0, 0}, {1, 1}, {0, 0}});
    double value = mmd.value(o, t, w);
    assertThat(value).isFinite();
    assertThat(value).isCloseTo(reference(mmd, o, t, w), within(1e-12));
  }

  private static double reference(Loss loss, INDArray output, INDArray target, INDArray w) {
    Float64Inputs in =
        new Float64Inputs(
            Map.of("out", Float64Array.of(output)), Float64Array.of(target), Float64Array.of(w));
    return new MmdReference(loss).value(in);
  }
}
