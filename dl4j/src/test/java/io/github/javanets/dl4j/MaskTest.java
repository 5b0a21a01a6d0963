package io.github.javanets.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's 0/1 masks as weights, in DOUBLE to 1e-10: a masked-out row contributes nothing to score or
 * gradient, a per-output mask weighs the elements of its row, and the mean still divides by every
 * row of the minibatch, as DL4J's own losses do.
 */
class MaskTest {
  private static final double TOLERANCE = 1e-10;
  private static final int[] KEPT = {0, 2, 3, 5};
  private static final INDArray MASK = TestArrays.column(1, 0, 1, 1, 0, 1);

  private static INDArray preOutput() {
    return TestArrays.uniform(21, 6, 3, -2, 2);
  }

  private static INDArray labelsFor(String spec) {
    return spec.equals("xe")
        ? TestArrays.oneHot(3, 2, 0, 1, 1, 0, 2)
        : TestArrays.uniform(22, 6, 3, -1, 1);
  }

  private static IActivation activationFor(String spec) {
    return spec.equals("xe") ? new ActivationSoftmax() : new ActivationTanH();
  }

  @ParameterizedTest
  @ValueSource(strings = {"xe", "pinball(tau=0.9)", "mae"})
  void maskedRowsAddNothingToTheScoreAndGetZeroGradient(String spec) {
    LossFunctionAdapter adapter = new LossFunctionAdapter(spec);
    IActivation act = activationFor(spec);
    INDArray labels = labelsFor(spec);
    var masked = adapter.computeGradientAndScore(labels, preOutput(), act, MASK, false);
    INDArray keptLabels = labels.getRows(KEPT);
    INDArray keptPre = preOutput().getRows(KEPT);
    var kept = adapter.computeGradientAndScore(keptLabels, keptPre, act, null, false);

    assertThat(masked.getFirst()).isCloseTo(kept.getFirst(), within(TOLERANCE));
    assertThat(adapter.computeScore(labels, preOutput(), act, MASK, true))
        .isCloseTo(kept.getFirst() / 6, within(TOLERANCE));
    INDArray gradient = masked.getSecond();
    assertThat(gradient.getRow(1).amaxNumber().doubleValue()).isZero();
    assertThat(gradient.getRow(4).amaxNumber().doubleValue()).isZero();
    assertThat(gradient.getRows(KEPT).sub(kept.getSecond()).amaxNumber().doubleValue())
        .isLessThan(TOLERANCE);
  }

  @Test
  void aPerOutputMaskWeighsTheElementsOfEachRow() {
    INDArray labels = labelsFor("mse");
    INDArray mask = Nd4j.createFromArray(new double[][] {{1, 1, 1}, {1, 0, 1}, {0, 0, 0}});
    INDArray pre = preOutput().getRows(0, 1, 2);
    INDArray target = labels.getRows(0, 1, 2);
    INDArray squared = pre.sub(target).muli(pre.sub(target));
    double row0 = squared.getRow(0).sumNumber().doubleValue() / 3;
    double row1 = (squared.getDouble(1, 0) + squared.getDouble(1, 2)) / 2;

    LossFunctionAdapter adapter = new LossFunctionAdapter("mse");
    IActivation identity = new ActivationIdentity();
    INDArray scores = adapter.computeScoreArray(target, pre, identity, mask);
    assertThat(scores.getDouble(0, 0)).isCloseTo(row0, within(TOLERANCE));
    assertThat(scores.getDouble(1, 0)).isCloseTo(row1, within(TOLERANCE));
    assertThat(scores.getDouble(2, 0)).isZero();
    assertThat(adapter.computeScore(target, pre, identity, mask, true))
        .isCloseTo((row0 + row1) / 3, within(TOLERANCE));
    INDArray gradient = adapter.computeGradient(target, pre, identity, mask);
    assertThat(gradient.getDouble(1, 1)).isZero();
    assertThat(gradient.getDouble(1, 0))
        .isCloseTo(2 * (pre.getDouble(1, 0) - target.getDouble(1, 0)) / 2, within(TOLERANCE));
  }

  @Test
  void aLossDeclaredWeightedTakesTheMaskAsItsWeights() {
    IActivation tanh = new ActivationTanH();
    INDArray labels = labelsFor("mse");
    var weighted =
        new LossFunctionAdapter("mse(weighted=true)")
            .computeGradientAndScore(labels, preOutput(), tanh, MASK, true);
    var plain =
        new LossFunctionAdapter("mse")
            .computeGradientAndScore(labels, preOutput(), tanh, MASK, true);
    assertThat(weighted.getFirst()).isCloseTo(plain.getFirst(), within(TOLERANCE));
    assertThat(weighted.getSecond().sub(plain.getSecond()).amaxNumber().doubleValue())
        .isLessThan(TOLERANCE);
  }

  @Test
  void anAllZeroMaskGivesZeroScoreAndGradientNotNaN() {
    LossFunctionAdapter adapter = new LossFunctionAdapter("xe");
    INDArray none = Nd4j.zeros(TestArrays.DOUBLE, 6, 1);
    IActivation softmax = new ActivationSoftmax();
    var result = adapter.computeGradientAndScore(labelsFor("xe"), preOutput(), softmax, none, true);
    assertThat(result.getFirst()).isZero();
    assertThat(result.getSecond().amaxNumber().doubleValue()).isZero();
    assertThat(adapter.computeScoreArray(labelsFor("xe"), preOutput(), softmax, none).sumNumber())
        .isEqualTo(0.0);
  }

  @Test
  void aMaskOfRankOneIsPerExample() {
    LossFunctionAdapter adapter = new LossFunctionAdapter("pinball(tau=0.9)");
    IActivation tanh = new ActivationTanH();
    INDArray labels = labelsFor("mse");
    double column = adapter.computeScore(labels, preOutput(), tanh, MASK, false);
    double vector = adapter.computeScore(labels, preOutput(), tanh, MASK.reshape(6), false);
    assertThat(vector).isEqualTo(column);
  }

  @Test
  void maskedRowsOfAClassifierMayHoldPaddingLabels() {
    LossFunctionAdapter adapter = new LossFunctionAdapter("xe");
    INDArray padded = labelsFor("xe");
    padded.getRow(1).assign(0);
    padded.getRow(4).assign(0.5);
    IActivation softmax = new ActivationSoftmax();
    assertThat(adapter.computeScore(padded, preOutput(), softmax, MASK, false))
        .isCloseTo(
            adapter.computeScore(labelsFor("xe"), preOutput(), softmax, MASK, false),
            within(TOLERANCE));
  }

  @Test
  void aClassifiersPerOutputMaskThatIsConstantAlongRowsIsPerExample() {
    LossFunctionAdapter adapter = new LossFunctionAdapter("xe");
    INDArray perOutput = Nd4j.ones(TestArrays.DOUBLE, 6, 3).muliColumnVector(MASK);
    IActivation softmax = new ActivationSoftmax();
    assertThat(adapter.computeScore(labelsFor("xe"), preOutput(), softmax, perOutput, false))
        .isCloseTo(
            adapter.computeScore(labelsFor("xe"), preOutput(), softmax, MASK, false),
            within(TOLERANCE));
  }
}
