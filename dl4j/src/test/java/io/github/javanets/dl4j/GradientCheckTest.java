package io.github.javanets.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code computeGradient} is the derivative of {@code computeScore(..., average=false)} with
 * respect to the pre-activation: central differences in DOUBLE, step 1e-6, each element to 1e-6
 * relative plus 1e-8 absolute, without masks, with a per-example mask and with a per-output mask.
 */
class GradientCheckTest {
  private static final double STEP = 1e-6;
  private static final double RELATIVE = 1e-6;
  private static final double ABSOLUTE = 1e-8;

  private static final Map<String, INDArray> LABELS =
      Map.of(
          "one-hot", TestArrays.oneHot(4, 0, 3, 1, 2, 3),
          "values", TestArrays.uniform(7, 5, 4, -1, 1));
  private static final Map<String, INDArray> MASKS =
      Map.of(
          "per-example mask", TestArrays.column(1, 1, 0, 1, 0),
          "per-output mask", TestArrays.uniform(8, 5, 4, 0, 1).gt(0.3).castTo(TestArrays.DOUBLE));

  static Stream<Arguments> cases() {
    IActivation softmax = new ActivationSoftmax();
    IActivation identity = new ActivationIdentity();
    IActivation tanh = new ActivationTanH();
    return Stream.of(
        Arguments.of("xe", softmax, "one-hot", "no mask"),
        Arguments.of("xe", softmax, "one-hot", "per-example mask"),
        Arguments.of("focal(gamma=1.5)", softmax, "one-hot", "no mask"),
        Arguments.of("hinge(margin=1)", identity, "one-hot", "per-example mask"),
        Arguments.of("pinball(tau=0.9)", identity, "values", "no mask"),
        Arguments.of("pinball(tau=0.9)", tanh, "values", "per-example mask"),
        Arguments.of("pinball(tau=0.3)", tanh, "values", "per-output mask"),
        Arguments.of("mse", softmax, "values", "per-output mask"),
        Arguments.of("huber(delta=0.5, weight=2)", new ActivationSigmoid(), "values", "no mask"));
  }

  @ParameterizedTest(name = "{0} with {1}, {2} labels, {3}")
  @MethodSource("cases")
  void gradientIsTheDerivativeOfTheSummedScore(
      String spec, IActivation act, String labelKind, String maskKind) {
    LossFunctionAdapter adapter = new LossFunctionAdapter(spec);
    INDArray labels = LABELS.get(labelKind);
    INDArray mask = MASKS.get(maskKind);
    INDArray preOutput = TestArrays.uniform(9, 5, 4, -2, 2);
    INDArray gradient = adapter.computeGradient(labels, preOutput, act, mask);
    for (int i = 0; i < preOutput.rows(); i++) {
      for (int j = 0; j < preOutput.columns(); j++) {
        double x = preOutput.getDouble(i, j);
        preOutput.putScalar(i, j, x + STEP);
        double up = adapter.computeScore(labels, preOutput, act, mask, false);
        preOutput.putScalar(i, j, x - STEP);
        double down = adapter.computeScore(labels, preOutput, act, mask, false);
        preOutput.putScalar(i, j, x);
        double numeric = (up - down) / (2 * STEP);
        double analytic = gradient.getDouble(i, j);
        assertThat(Math.abs(analytic - numeric))
            .as("d score / d preOutput[%d, %d]: %s vs %s", i, j, analytic, numeric)
            .isLessThanOrEqualTo(ABSOLUTE + RELATIVE * Math.abs(numeric));
      }
    }
  }
}
