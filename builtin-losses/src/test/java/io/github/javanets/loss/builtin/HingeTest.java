package io.github.javanets.loss.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.javanets.loss.ClassificationLoss;
import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossRegistry;
import io.github.javanets.testkit.LossContractTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@code hinge} beyond the contract: its margin, hand-computed, and its labels. */
class HingeTest {
  private static final LossRegistry REGISTRY = LossRegistry.discover();
  private static final INDArray SCORES = Nd4j.createFromArray(new double[][] {{0.2, 0.5, 0.1}});

  @BeforeAll
  static void useDouble() {
    LossContractTest.useDouble();
  }

  private static double hinge(String spec, INDArray scores, long label) {
    return REGISTRY.create(spec).value(scores, Nd4j.createFromArray(label), null);
  }

  @Test
  void theDefaultMarginIsZero() {
    assertThat(REGISTRY.create("hinge").parameter("margin")).isEqualTo(0.0);
    // The label's score leads: no loss without a margin.
    assertThat(hinge("hinge", SCORES, 1)).isZero();
    // Label 0 trails the best other score, 0.5, by 0.3.
    assertThat(hinge("hinge", SCORES, 0)).isCloseTo(0.3, within(1e-15));
  }

  @Test
  void theMarginIsAddedToEveryOtherScore() {
    // max(0.2 - 0.5 + 1, 0.1 - 0.5 + 1) = 0.7
    assertThat(hinge("hinge(margin=1)", SCORES, 1)).isCloseTo(0.7, within(1e-15));
    // A lead of 0.3 over the runner-up beats a margin of 0.25 ...
    assertThat(hinge("hinge(margin=0.25)", SCORES, 1)).isZero();
    // ... but not one of 0.35: 0.2 - 0.5 + 0.35.
    assertThat(hinge("hinge(margin=0.35)", SCORES, 1)).isCloseTo(0.05, within(1e-15));
    // Label 2: max(0.2 - 0.1 + 1, 0.5 - 0.1 + 1) = 1.4
    assertThat(hinge("hinge(margin=1)", SCORES, 2)).isCloseTo(1.4, within(1e-15));
  }

  @Test
  void aTieWithTheLabelsScoreCostsOnlyTheMargin() {
    INDArray tie = Nd4j.createFromArray(new double[][] {{0.5, 0.5, 0.1}});
    assertThat(hinge("hinge", tie, 0)).isZero();
    assertThat(hinge("hinge(margin=1)", tie, 0)).isCloseTo(1.0, within(1e-15));
  }

  @Test
  void aNegativeMarginIsRejected() {
    assertThatThrownBy(() -> REGISTRY.create("hinge(margin=-0.5)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Parameter 'margin' of loss 'hinge' must be >= 0, got -0.5.");
  }

  @Test
  void labelsOutOfRangeAreRejected() {
    Loss hinge = REGISTRY.create("hinge");
    assertThatThrownBy(() -> hinge.value(SCORES, Nd4j.createFromArray(3L), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Array 'target' has label 3 at index [0]; labels must be whole numbers in [0, 3) for 3"
                + " classes.");
  }

  @Test
  void providesAccuracy() {
    ClassificationLoss hinge = (ClassificationLoss) REGISTRY.create("hinge");
    INDArray scores = Nd4j.createFromArray(new double[][] {{0.2, 0.5, 0.1}, {3, -1, 2}});
    assertThat(hinge.accuracy(scores, Nd4j.createFromArray(1L, 2L), null)).isEqualTo(0.5);
    assertThat(hinge.accuracy(scores, Nd4j.createFromArray(1L, 0L), null)).isEqualTo(1.0);
  }
}
