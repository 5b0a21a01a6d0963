package io.github.javanets.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.javanets.loss.Loss;
import io.github.javanets.runtime.TestLosses.Norm;
import io.github.javanets.runtime.TestLosses.Samples;
import io.github.javanets.runtime.TestLosses.SquaredError;
import io.github.javanets.runtime.TestLosses.TopScore;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The checks of labels, weights, shapes and targets that a loss evaluated on plain arrays makes,
 * with the messages users meet, and accuracy.
 */
class ArrayChecksOnEvaluationTest {
  private static final double EPS = 1e-12;

  private final INDArray scores =
      Nd4j.createFromArray(new double[][] {{0.1, 0.9}, {0.8, 0.2}, {0.3, 0.7}});
  private final INDArray labels = Nd4j.createFromArray(new long[] {1, 1, 1});

  @Test
  void aClassificationLossChecksItsLabels() {
    INDArray bad = Nd4j.createFromArray(new long[] {1, 0, 2});

    assertThatThrownBy(() -> new TopScore().value(scores, bad, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Array 'target' has label 2 at index [2]; labels must be whole numbers in [0, 2) for 2"
                + " classes.");
    assertThatThrownBy(() -> new TopScore().value(scores, Nd4j.zeros(DataType.INT64, 3, 1), null))
        .hasMessage(
            "Array 'target' has shape [3, 1] but loss 'topscore' (one class label per row) reading"
                + " output 'out:out' of shape [3, 2] needs [3].");
    INDArray rank1 = Nd4j.createFromArray(0.5, 0.5, 0.5);
    assertThatThrownBy(() -> new TopScore().value(rank1, labels, null))
        .hasMessage(
            "Loss 'topscore' needs class scores along the last axis, but output 'out:out' of shape"
                + " [3] has rank 1.");
  }

  @Test
  void aClassificationLossTakesOneWeightPerLabel() {
    INDArray w = Nd4j.createFromArray(1.0, 0.0, 1.0);

    assertThat(new TopScore().value(scores, labels, null)).isCloseTo(-0.8, within(EPS));
    assertThat(new TopScore().value(scores, labels, w)).isCloseTo(-0.8, within(EPS));
    assertThatThrownBy(() -> new TopScore().value(scores, labels, Nd4j.onesLike(scores)))
        .hasMessage(
            "Array 'weights' has shape [3, 2] but loss 'topscore' (weights shaped like its target)"
                + " needs [3].");
  }

  @Test
  void accuracyIsTheWeightedFractionOfRowsWhoseArgmaxIsTheLabel() {
    TopScore loss = new TopScore();

    assertThat(loss.accuracy(scores, labels, null)).isCloseTo(2.0 / 3, within(EPS));
    assertThat(loss.accuracy(scores, labels, Nd4j.createFromArray(1.0, 0.0, 1.0)))
        .isCloseTo(1.0, within(EPS));
    assertThat(loss.accuracy(scores, labels, Nd4j.createFromArray(0.0, 3.0, 0.0))).isZero();
    assertThat(loss.accuracy(scores, labels, Nd4j.zeros(DataType.DOUBLE, 3))).isZero();
  }

  @Test
  void accuracyTakesTheFirstMaximumOnTies() {
    INDArray tied = Nd4j.createFromArray(new double[][] {{0.5, 0.5}, {0.5, 0.5}});

    assertThat(new TopScore().accuracy(tied, Nd4j.createFromArray(new long[] {0, 1}), null))
        .isCloseTo(0.5, within(EPS));
  }

  @Test
  void samplesMayHaveAnotherNumberOfRowsButTheSameTrailingShape() {
    INDArray out = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}});
    INDArray prior = Nd4j.createFromArray(new double[][] {{0, 0}, {0, 1}, {1, 0}});

    // mean(o) - mean(t) = 2.5 - 1/3
    assertThat(new Samples().value(out, prior, null)).isCloseTo(2.5 - 1.0 / 3, within(EPS));
    assertThatThrownBy(() -> new Samples().value(out, Nd4j.zeros(DataType.DOUBLE, 3, 3), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Array 'target' has shape [3, 3] but loss 'samples' reading output 'out:out' of shape"
                + " [2, 2] needs samples of shape [any, 2].");
    assertThatThrownBy(() -> new Samples().value(out, Nd4j.zeros(DataType.DOUBLE, 4), null))
        .hasMessage(
            "Array 'target' has shape [4] but loss 'samples' reading output 'out:out' of shape"
                + " [2, 2] needs samples of shape [any, 2].");
  }

  @Test
  void weightsOfALossWithoutTargetAreShapedLikeItsOutput() {
    INDArray out = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}});

    assertThat(new Norm().value(out, null, Nd4j.createFromArray(new double[][] {{1, 0}, {0, 1}})))
        .isCloseTo(8.5, within(EPS));
    assertThatThrownBy(() -> new Norm().value(out, null, Nd4j.ones(DataType.DOUBLE, 2)))
        .hasMessage(
            "Array 'weights' has shape [2] but loss 'norm' (weights shaped like its output) needs"
                + " [2, 2].");
  }

  @Test
  void aLossOnViewsComputesWhatItComputesOnCopies() {
    INDArray table = Nd4j.rand(DataType.DOUBLE, 6, 7);
    INDArray output = table.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 3));
    INDArray target = table.get(NDArrayIndex.all(), NDArrayIndex.interval(3, 6)).dup('f');
    Loss loss = new SquaredError();

    double onViews = loss.value(output, target, null);
    INDArray gradient = loss.gradient(java.util.Map.of("out", output), target, null).get("out");

    assertThat(onViews).isEqualTo(loss.value(output.dup(), target.dup('c'), null));
    assertThat(gradient.toDoubleMatrix())
        .isEqualTo(
            loss.gradient(java.util.Map.of("out", output.dup()), target.dup('c'), null)
                .get("out")
                .toDoubleMatrix());
  }
}
