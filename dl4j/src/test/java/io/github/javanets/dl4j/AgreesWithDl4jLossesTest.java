package io.github.javanets.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.javanets.conventions.SameBits;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMAE;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The adapter's {@code mse} and {@code mae} against DL4J's {@code LossMSE} and {@code LossMAE}, in
 * DOUBLE, to 1e-10: scores, per-example scores and gradients, with activations that do and do not
 * change the output.
 */
class AgreesWithDl4jLossesTest {
  private static final double TOLERANCE = 1e-10;
  private static final int ROWS = 6;
  private static final int OUTPUTS = 4;

  static Stream<IActivation> activations() {
    return Stream.of(new ActivationIdentity(), new ActivationTanH(), new ActivationSigmoid());
  }

  static Stream<Arguments> cases() {
    return activations()
        .flatMap(
            act ->
                Stream.of(
                    Arguments.of("mse", new LossMSE(), act),
                    Arguments.of("mae", new LossMAE(), act)));
  }

  private static INDArray preOutput() {
    return TestArrays.uniform(1, ROWS, OUTPUTS, -2, 2);
  }

  private static INDArray labels() {
    return TestArrays.uniform(2, ROWS, OUTPUTS, -1, 1);
  }

  @ParameterizedTest(name = "{0} with {2}")
  @MethodSource("cases")
  void scoresEqualDl4jsAveragedAndSummed(String spec, ILossFunction dl4j, IActivation act) {
    LossFunctionAdapter adapter = new LossFunctionAdapter(spec);
    for (boolean average : new boolean[] {true, false}) {
      double expected = dl4j.computeScore(labels(), preOutput(), act, null, average);
      assertThat(adapter.computeScore(labels(), preOutput(), act, null, average))
          .as("average=%s", average)
          .isCloseTo(expected, within(TOLERANCE));
    }
  }

  @ParameterizedTest(name = "{0} with {2}")
  @MethodSource("cases")
  void gradientsEqualDl4js(String spec, ILossFunction dl4j, IActivation act) {
    INDArray expected = dl4j.computeGradient(labels(), preOutput(), act, null);
    INDArray actual =
        new LossFunctionAdapter(spec).computeGradient(labels(), preOutput(), act, null);
    assertThat(actual.shape()).isEqualTo(expected.shape());
    assertThat(actual.sub(expected).amaxNumber().doubleValue()).isLessThan(TOLERANCE);
  }

  @ParameterizedTest(name = "{0} with {2}")
  @MethodSource("cases")
  void gradientAndScoreTogetherEqualDl4js(String spec, ILossFunction dl4j, IActivation act) {
    var expected = dl4j.computeGradientAndScore(labels(), preOutput(), act, null, true);
    var actual =
        new LossFunctionAdapter(spec)
            .computeGradientAndScore(labels(), preOutput(), act, null, true);
    assertThat(actual.getFirst()).isCloseTo(expected.getFirst(), within(TOLERANCE));
    assertThat(actual.getSecond().sub(expected.getSecond()).amaxNumber().doubleValue())
        .isLessThan(TOLERANCE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("activations")
  void perExampleMseScoresEqualDl4js(IActivation act) {
    INDArray expected = new LossMSE().computeScoreArray(labels(), preOutput(), act, null);
    INDArray actual =
        new LossFunctionAdapter("mse").computeScoreArray(labels(), preOutput(), act, null);
    assertThat(actual.shape()).isEqualTo(new long[] {ROWS, 1});
    assertThat(actual.sub(expected).amaxNumber().doubleValue()).isLessThan(TOLERANCE);
  }

  /**
   * DL4J's {@code LossMAE.computeScoreArray} divides the per-example sums by {@code size(1)} of the
   * already summed {@code [N, 1]} array, that is by 1, so its scores are {@code nOut} times too
   * large (its {@code computeScore} is right). The adapter gives the mean absolute error of each
   * row.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("activations")
  void perExampleMaeScoresAreTheRowMeansWhereDl4jsAreNOutTimesTooLarge(IActivation act) {
    INDArray output = act.getActivation(preOutput(), true);
    INDArray correct = Transforms.abs(output.sub(labels())).mean(1).reshape(ROWS, 1);
    INDArray actual =
        new LossFunctionAdapter("mae").computeScoreArray(labels(), preOutput(), act, null);
    assertThat(actual.sub(correct).amaxNumber().doubleValue()).isLessThan(TOLERANCE);

    INDArray buggy = new LossMAE().computeScoreArray(labels(), preOutput(), act, null);
    assertThat(buggy.div(OUTPUTS).sub(correct).amaxNumber().doubleValue()).isLessThan(TOLERANCE);
  }

  @ParameterizedTest(name = "{0} with {2}")
  @MethodSource("cases")
  void perExampleMasksAgreeWithDl4js(String spec, ILossFunction dl4j, IActivation act) {
    INDArray mask = TestArrays.column(1, 0, 1, 1, 0, 1);
    for (boolean average : new boolean[] {true, false}) {
      double expected = dl4j.computeScore(labels(), preOutput(), act, mask, average);
      assertThat(
              new LossFunctionAdapter(spec).computeScore(labels(), preOutput(), act, mask, average))
          .isCloseTo(expected, within(TOLERANCE));
    }
    INDArray expected = dl4j.computeGradient(labels(), preOutput(), act, mask);
    INDArray actual =
        new LossFunctionAdapter(spec).computeGradient(labels(), preOutput(), act, mask);
    assertThat(actual.sub(expected).amaxNumber().doubleValue()).isLessThan(TOLERANCE);
  }

  @ParameterizedTest(name = "{0} with {2}")
  @MethodSource("cases")
  void preOutputIsNotModified(String spec, ILossFunction dl4j, IActivation act) {
    INDArray preOutput = preOutput();
    LossFunctionAdapter adapter = new LossFunctionAdapter(spec);
    adapter.computeGradientAndScore(labels(), preOutput, act, null, true);
    adapter.computeScoreArray(labels(), preOutput, act, null);
    SameBits.assertSameBits("preOutput", preOutput, preOutput());
  }
}
