package io.github.javanets.loss.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.conventions.ErrorsClasses;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every message of output names, loss contexts and the arrays a loss reads, with sample values,
 * word for word.
 */
class ErrorsTest {
  @Test
  void everyMethodReturnsTheExceptionToThrow() {
    ErrorsClasses.assertEveryMethodReturnsAnException(Errors.class);
  }

  @Test
  void outputAndContextErrorsNameTheOutputs() {
    assertThat(Errors.badOutputName("hid1:"))
        .hasMessage("Output name 'hid1:' is not of the form '<layer>' or '<layer>:<output>'.");
    assertThat(Errors.outputShapeUnknown("hid1:out"))
        .hasMessage(
            "The shape of output 'hid1:out' is not known; give it with output(name, value,"
                + " shape).");
    assertThat(Errors.noOutputs())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("A loss context needs at least one output.");
    assertThat(Errors.mainOutputMissing("out:out", List.of("hid1:out", "hid1:pre")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The main output 'out:out' is not among the outputs [hid1:out, hid1:pre].");
    assertThat(Errors.noSuchOutput("hid2:out", List.of("hid1:out", "out:out")))
        .hasMessage("No output 'hid2:out'. Available outputs: hid1:out, out:out.");
  }

  @Test
  void arrayErrorsNameTheArrayTheValueAndItsIndex() {
    assertThat(Errors.noDataBuffer("x", new long[] {2, 3}))
        .hasMessage(
            "Array 'x' of shape [2, 3] has no data buffer (an ND4J view of a view can lose it);"
                + " pass an array made from the original data, or a copy of it made before"
                + " slicing.");
    assertThat(Errors.badWeight("weights", -1.0, new long[] {1, 0}))
        .hasMessage("Array 'weights' has -1.0 at index [1, 0]; weights must be finite and >= 0.");
    assertThat(Errors.notFinite("inputs", Double.NaN, new long[] {1, 0}))
        .hasMessage("Array 'inputs' has NaN at index [1, 0]; every value must be finite.");
    assertThat(Errors.badLabel("y", 3.0, new long[] {2}, 3))
        .hasMessage(
            "Array 'y' has label 3 at index [2]; labels must be whole numbers in [0, 3) for 3"
                + " classes.");
    assertThat(Errors.badLabel("y", 0.5, new long[] {0}, 3))
        .hasMessage(
            "Array 'y' has label 0.5 at index [0]; labels must be whole numbers in [0, 3) for 3"
                + " classes.");
    assertThat(Errors.wrongShape("w", new long[] {4}, new long[] {4, 1}, "the model"))
        .hasMessage("Array 'w' has shape [4] but the model needs [4, 1].");
  }

  @Test
  void targetErrorsNameTheLossAndTheOutputItReads() {
    long[] out = {4, 3};
    assertThat(Errors.targetMissing("mse")).hasMessage("Loss 'mse' needs a target; none given.");
    assertThat(Errors.targetNotShapedLikeOutput("mse", "out:out", out, new long[] {4, 2}))
        .hasMessage(
            "Array 'target' has shape [4, 2] but loss 'mse' reading output 'out:out' of shape"
                + " [4, 3] needs [4, 3].");
    assertThat(Errors.noClassAxis("xe", "out:out", new long[] {4}))
        .hasMessage(
            "Loss 'xe' needs class scores along the last axis, but output 'out:out' of shape [4]"
                + " has rank 1.");
    assertThat(
            Errors.labelsNotShapedForOutput(
                "xe", "out:out", out, new long[] {4, 3}, new long[] {4}))
        .hasMessage(
            "Array 'target' has shape [4, 3] but loss 'xe' (one class label per row) reading"
                + " output 'out:out' of shape [4, 3] needs [4].");
    assertThat(Errors.samplesNotShapedForOutput("mmd", "out:out", out, new long[] {5, 2}))
        .hasMessage(
            "Array 'target' has shape [5, 2] but loss 'mmd' reading output 'out:out' of shape"
                + " [4, 3] needs samples of shape [any, 3].");
    assertThat(Errors.samplesNotShapedForOutput("mmd", "out:out", new long[] {4}, new long[] {}))
        .hasMessage(
            "Array 'target' has shape [] but loss 'mmd' reading output 'out:out' of shape [4]"
                + " needs samples of shape [any].");
    assertThat(Errors.weightsNotShapedForLoss("mse", new long[] {4}, out, true))
        .hasMessage(
            "Array 'weights' has shape [4] but loss 'mse' (weights shaped like its target) needs"
                + " [4, 3].");
    assertThat(Errors.weightsNotShapedForLoss("norm", new long[] {4}, out, false))
        .hasMessage(
            "Array 'weights' has shape [4] but loss 'norm' (weights shaped like its output) needs"
                + " [4, 3].");
  }
}
