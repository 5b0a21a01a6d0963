package io.github.javanets.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GradientCheckTest {
  /** {@code sum(x^3)}, whose gradient is {@code 3 x^2}. */
  private static final ToDoubleFunction<Map<String, INDArray>> CUBES =
      at -> at.get("x").mul(at.get("x")).mul(at.get("x")).sumNumber().doubleValue();

  private static final INDArray X = Nd4j.createFromArray(new double[][] {{0.5, -1.0}, {2.0, 0.1}});

  @BeforeAll
  static void useDouble() {
    LossContractTest.useDouble();
  }

  @Test
  void aCorrectGradientAgrees() {
    INDArray g = X.mul(X).mul(3);
    assertThat(GradientCheck.compare(CUBES, Map.of("x", X), Map.of("x", g))).isEmpty();
    assertThat(GradientCheck.centralDifference(CUBES, Map.of("x", X), "x", 2, GradientCheck.STEP))
        .isCloseTo(12.0, within(1e-8));
  }

  @Test
  void aWrongElementIsReportedWithItsIndex() {
    INDArray g = X.mul(X).mul(3);
    g.putScalar(new long[] {1, 0}, 12.0 * (1 + 1e-4));
    List<String> problems = GradientCheck.compare(CUBES, Map.of("x", X), Map.of("x", g));
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0)).startsWith("d/d x[1, 0]: autodiff 12.0012");
  }

  @Test
  void aZeroGradientIsNotCorrectByItself() {
    List<String> problems =
        GradientCheck.compare(CUBES, Map.of("x", X), Map.of("x", Nd4j.zerosLike(X)));
    assertThat(problems).hasSize(4);
  }

  @Test
  void aMissingOrMisshapedGradientIsReported() {
    assertThat(GradientCheck.compare(CUBES, Map.of("x", X), Map.of()))
        .containsExactly("gradient of 'x' has shape none, expected [2, 2]");
    assertThat(GradientCheck.compare(CUBES, Map.of("x", X), Map.of("x", Nd4j.zeros(4))))
        .containsExactly("gradient of 'x' has shape [4], expected [2, 2]");
  }

  @Test
  void theToleranceIsAbsolutePlusRelative() {
    assertThat(GradientCheck.agree(1.0 + 0.9e-5, 1.0)).isTrue();
    assertThat(GradientCheck.agree(1.0 + 1.2e-5, 1.0)).isFalse();
    assertThat(GradientCheck.agree(0.9e-7, 0.0)).isTrue();
    assertThat(GradientCheck.agree(1.1e-7, 0.0)).isFalse();
    assertThat(GradientCheck.agree(Double.NaN, 0.0)).isFalse();
  }
}
