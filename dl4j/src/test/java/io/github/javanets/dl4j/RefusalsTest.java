package io.github.javanets.dl4j;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.javanets.loss.UnknownLossException;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** What the adapter refuses, with the exact messages users meet. */
class RefusalsTest {

  @Test
  void mmdIsRefusedBecauseItHasNoScorePerExample() {
    assertThatThrownBy(() -> new LossFunctionAdapter("mmd(bandwidth=0.5)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Loss 'mmd' cannot be a DL4J loss function: it compares the set of output rows with a"
                + " set of target samples as a whole, so it has no score per example, which DL4J's"
                + " ILossFunction needs. Use it in a javanets model instead.");
  }

  @Test
  void gllIsRefusedBecauseItReadsTwoOutputs() {
    assertThatThrownBy(() -> new LossFunctionAdapter("gll"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Loss 'gll' reads 2 outputs (mean:out, covar:out), but a DL4J loss function sees one:"
                + " the output of its layer. Use it in a javanets model instead.");
  }

  @Test
  void anUnknownNameGetsTheRegistrysMessage() {
    assertThatThrownBy(() -> new LossFunctionAdapter("msee"))
        .isInstanceOf(UnknownLossException.class)
        .hasMessage(
            "Unknown loss 'msee'. Did you mean 'mse'? Available: bce, focal, gll, hinge, huber,"
                + " kl, mae, mmd, mse, pinball, step, xe. Add the jar that provides it to the class"
                + " path.");
  }

  @Test
  void aBadParameterGetsTheLossesMessage() {
    assertThatThrownBy(() -> new LossFunctionAdapter("pinball(tau=1.5)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tau")
        .hasMessageContaining("1.5");
  }

  @Test
  void aMaskThatIsNotZeroOrOneIsRefused() {
    INDArray values = TestArrays.uniform(1, 3, 2, 0, 1);
    INDArray mask = TestArrays.column(1, 0.5, 1);
    assertThatThrownBy(
            () ->
                new LossFunctionAdapter("mse")
                    .computeGradient(values, values, new ActivationIdentity(), mask))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "DL4J masks must be 0 or 1, but the mask has 0.5 at index [1, 0]. Loss 'mse' treats a"
                + " mask as weights that drop (0) or keep (1) an example or output; DL4J scales"
                + " gradients by mask^2 but scores by mask, so other values cannot be weights. For"
                + " real weights use a javanets model with weighted=true.");
  }

  @Test
  void aMaskOfAnotherShapeIsRefused() {
    INDArray values = TestArrays.uniform(1, 3, 2, 0, 1);
    assertThatThrownBy(
            () ->
                new LossFunctionAdapter("mse")
                    .computeScore(values, values, new ActivationIdentity(), Nd4j.ones(2, 3), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The mask has shape [2, 3], but loss 'mse' on outputs of shape [3, 2] needs a"
                + " per-example mask [3, 1] or a per-output mask [3, 2].");
  }

  @Test
  void labelsThatAreNotOneHotAreRefusedForAClassifier() {
    INDArray soft = Nd4j.createFromArray(new double[][] {{0, 1, 0}, {0.2, 0.8, 0}});
    assertThatThrownBy(
            () ->
                new LossFunctionAdapter("xe")
                    .computeScore(soft, soft, new ActivationSoftmax(), null, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Loss 'xe' reads one class per example from DL4J's one-hot labels (one 1 per row, the"
                + " rest 0), but row 1 of the labels is [0.2, 0.8, 0.0].");
  }

  @Test
  void aPerOutputMaskThatVariesAlongARowIsRefusedForAClassifier() {
    INDArray labels = TestArrays.oneHot(3, 0, 2);
    INDArray mask = Nd4j.createFromArray(new double[][] {{1, 1, 1}, {1, 0, 1}});
    assertThatThrownBy(
            () ->
                new LossFunctionAdapter("xe")
                    .computeScore(labels, labels, new ActivationSoftmax(), mask, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Loss 'xe' has one class label per example, so a per-output mask must be the same"
                + " across each row, but row 1 of the mask is [1.0, 0.0, 1.0]. Use a per-example"
                + " mask [examples, 1].");
  }

  @Test
  void labelsOfAnotherShapeAreRefused() {
    INDArray values = TestArrays.uniform(1, 3, 2, 0, 1);
    assertThatThrownBy(
            () ->
                new LossFunctionAdapter("mse")
                    .computeScore(
                        values.getColumn(0, true).transpose(),
                        values,
                        new ActivationIdentity(),
                        null,
                        true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Loss 'mse' needs labels shaped like the layer's output [3, 2], got [1, 3].");
  }
}
