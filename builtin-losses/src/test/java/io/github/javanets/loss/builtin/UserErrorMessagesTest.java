package io.github.javanets.loss.builtin;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossRegistry;
import io.github.javanets.loss.UnknownLossException;
import io.github.javanets.testkit.LossContractTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** The exact text of the errors a user of the built-in losses meets most. */
class UserErrorMessagesTest {
  private static final LossRegistry REGISTRY = LossRegistry.discover();

  @BeforeAll
  static void useDouble() {
    LossContractTest.useDouble();
  }

  @Test
  void aMisspelledLossSuggestsTheClosestName() {
    assertThatThrownBy(() -> REGISTRY.create("msee"))
        .isInstanceOf(UnknownLossException.class)
        .hasMessage(
            "Unknown loss 'msee'. Did you mean 'mse'? Available: bce, gll, hinge, huber, kl, mae,"
                + " mmd, mse, xe. Add the jar that provides it to the class path.");
  }

  @Test
  void anUnknownLossListsTheAvailableOnes() {
    assertThatThrownBy(() -> REGISTRY.create("wasserstein"))
        .isInstanceOf(UnknownLossException.class)
        .hasMessage(
            "Unknown loss 'wasserstein'. Available: bce, gll, hinge, huber, kl, mae, mmd, mse, xe."
                + " Add the jar that provides it to the class path.");
  }

  @Test
  void aMisspelledParameterSuggestsTheClosestOne() {
    assertThatThrownBy(() -> REGISTRY.create("mmd(bandwith=0.5)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Unknown parameter 'bandwith' of loss 'mmd'. Did you mean 'bandwidth'? Accepted:"
                + " kernel, bandwidth, estimator, output, target, weighted, weight.");
  }

  @Test
  void aValueOutOfRangeNamesTheParameterTheValueAndTheRange() {
    assertThatThrownBy(() -> REGISTRY.create("mmd(bandwidth=-1)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Parameter 'bandwidth' of loss 'mmd' must be > 0, got -1.0.");
    assertThatThrownBy(() -> REGISTRY.create("huber(delta=abc)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Parameter 'delta' of loss 'huber' must be > 0, got 'abc'.");
  }

  @Test
  void anUnreadableSpecSaysWhere() {
    assertThatThrownBy(() -> REGISTRY.create("mse(weight=)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot read loss spec 'mse(weight=)': expected a value at position 11.");
  }

  @Test
  void aTargetShapedUnlikeTheOutputNamesBothShapes() {
    Loss mse = REGISTRY.create("mse");
    assertThatThrownBy(() -> mse.value(Nd4j.zeros(64, 5), Nd4j.zeros(64, 3), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Array 'target' has shape [64, 3] but loss 'mse' reading output 'out:out' of shape"
                + " [64, 5] needs [64, 5].");
  }

  @Test
  void weightsShapedUnlikeTheTargetNameBothShapes() {
    Loss mse = REGISTRY.create("mse");
    assertThatThrownBy(() -> mse.value(Nd4j.zeros(64, 5), Nd4j.zeros(64, 5), Nd4j.ones(64, 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Array 'weights' has shape [64, 3] but loss 'mse' (weights shaped like its target)"
                + " needs [64, 5].");
  }

  @Test
  void aNegativeWeightIsNamedWithItsIndex() {
    Loss mae = REGISTRY.create("mae");
    var w = Nd4j.ones(3, 2);
    w.putScalar(new long[] {2, 1}, -0.5);
    assertThatThrownBy(() -> mae.value(Nd4j.zeros(3, 2), Nd4j.zeros(3, 2), w))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Array 'weights' has -0.5 at index [2, 1]; weights must be finite and >= 0.");
  }

  @Test
  void aWeightedLossWithoutWeightsSaysSo() {
    Loss mse = REGISTRY.create("mse(weighted=true)");
    assertThatThrownBy(() -> mse.value(Nd4j.zeros(2, 2), Nd4j.zeros(2, 2), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Loss 'mse' is weighted (weighted=true) but no weights were given.");
  }
}
