package io.github.javanets.loss.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossRegistry;
import io.github.javanets.testkit.LossContractTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@code gll} beyond the contract: its two outputs, hand-computed values and its checks. */
class GaussianLogLikelihoodTest {
  private static final LossRegistry REGISTRY = LossRegistry.discover();
  private static final double HALF_LOG_2_PI = 0.5 * Math.log(2 * Math.PI);

  @BeforeAll
  static void useDouble() {
    LossContractTest.useDouble();
  }

  @Test
  void aStandardNormalGivesTheTextbookLogLikelihood() {
    Loss gll = REGISTRY.create("gll(covar_eps=1e-300)");
    INDArray mean = Nd4j.zeros(1, 2);
    INDArray covar = Nd4j.ones(1, 2);
    INDArray t = Nd4j.createFromArray(new double[][] {{1.0, -2.0}});
    // Each element: 0.5 log(2 pi) + 0.5 t^2; the row sums them.
    double expected = 2 * HALF_LOG_2_PI + 0.5 * (1 + 4);
    assertThat(gll.value(Map.of("mean", mean, "covar", covar), t, null))
        .isCloseTo(expected, within(1e-12));
  }

  @Test
  void theSignOfTheCovarianceDoesNotMatter() {
    Loss gll = REGISTRY.create("gll");
    INDArray mean = Nd4j.createFromArray(new double[][] {{0.1, 0.2}, {0.3, -0.4}});
    INDArray covar = Nd4j.createFromArray(new double[][] {{0.5, 2.0}, {1.0, 0.25}});
    INDArray t = Nd4j.createFromArray(new double[][] {{0.0, 1.0}, {1.0, 0.0}});
    double positive = gll.value(Map.of("mean", mean, "covar", covar), t, null);
    double negative = gll.value(Map.of("mean", mean, "covar", covar.neg()), t, null);
    assertThat(negative).isEqualTo(positive);
  }

  @Test
  void readsTheOutputsItsParametersName() {
    Loss gll = REGISTRY.create("gll(mean=dec, covar='dec:pre')");
    assertThat(gll.outputNames("ignored")).containsExactly("dec:out", "dec:pre");
    INDArray mean = Nd4j.createFromArray(new double[][] {{0.1, 0.2}});
    INDArray covar = Nd4j.createFromArray(new double[][] {{0.5, 2.0}});
    INDArray t = Nd4j.createFromArray(new double[][] {{0.0, 1.0}});
    double renamed = gll.value(Map.of("dec", mean, "dec:pre", covar), t, null);
    double plain = REGISTRY.create("gll").value(Map.of("mean", mean, "covar", covar), t, null);
    assertThat(renamed).isEqualTo(plain);
  }

  @Test
  void aMissingOutputIsNamedWithTheOnesGiven() {
    Loss gll = REGISTRY.create("gll");
    INDArray a = Nd4j.zeros(2, 3);
    assertThatThrownBy(() -> gll.value(Map.of("mean", a), a, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Loss 'gll' reads output 'covar:out', which is not among the given outputs: mean:out.");
  }

  @Test
  void aCovarianceNotShapedLikeTheTargetIsRejected() {
    Loss gll = REGISTRY.create("gll");
    Map<String, INDArray> outputs = Map.of("mean", Nd4j.zeros(2, 3), "covar", Nd4j.ones(2, 1));
    assertThatThrownBy(() -> gll.value(outputs, Nd4j.zeros(2, 3), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Loss 'gll' reads output 'covar:out' of shape [2, 1] but the target has shape [2, 3];"
                + " mean and covar must have the target's shape.");
  }

  @Test
  void declaresBothOutputsItReads() {
    assertThat(REGISTRY.describe("gll").outputParameters()).isEqualTo(List.of("mean", "covar"));
  }
}
