package io.github.javanets.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.javanets.loss.TestLosses.Norm;
import io.github.javanets.loss.TestLosses.Samples;
import io.github.javanets.loss.TestLosses.TopScore;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Checks of labels, weights, shapes and targets, with the messages users meet. */
class ArrayChecksTest {
  private static final double EPS = 1e-12;

  private final INDArray scores =
      Nd4j.createFromArray(new double[][] {{0.1, 0.9}, {0.8, 0.2}, {0.3, 0.7}});
  private final INDArray labels = Nd4j.createFromArray(new long[] {1, 1, 1});

  @Test
  void nonFiniteValuesAreRejectedWithTheirIndex() {
    INDArray x = Nd4j.createFromArray(new double[][] {{0.5, 1.0}, {Double.NaN, 2.0}});
    assertThatThrownBy(() -> ArrayChecks.checkFinite("inputs", x))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Array 'inputs' has NaN at index [1, 0]; every value must be finite.");
    INDArray y = Nd4j.createFromArray(1.0f, Float.NEGATIVE_INFINITY);
    assertThatThrownBy(() -> ArrayChecks.checkFinite("target", y))
        .hasMessage("Array 'target' has -Infinity at index [1]; every value must be finite.");
    assertThatCode(() -> ArrayChecks.checkFinite("labels", Nd4j.createFromArray(3L, -7L)))
        .doesNotThrowAnyException();
  }

  @Test
  void wholeLabelsInRangeAreAccepted() {
    assertThatCode(() -> ArrayChecks.checkLabels("y", Nd4j.createFromArray(0, 2, 1, 2), 3))
        .doesNotThrowAnyException();
    assertThatCode(() -> ArrayChecks.checkLabels("y", Nd4j.createFromArray(0.0, 2.0), 3))
        .doesNotThrowAnyException();
  }

  @Test
  void aLabelOutOfRangeIsNamedWithItsIndexAndTheNumberOfClasses() {
    assertThatThrownBy(() -> ArrayChecks.checkLabels("y", Nd4j.createFromArray(0, 2, 3), 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Array 'y' has label 3 at index [2]; labels must be whole numbers in [0, 3) for 3"
                + " classes.");
    assertThatThrownBy(() -> ArrayChecks.checkLabels("y", Nd4j.createFromArray(-1, 0), 3))
        .hasMessage(
            "Array 'y' has label -1 at index [0]; labels must be whole numbers in [0, 3) for 3"
                + " classes.");
  }

  @Test
  void aFractionalOrNanLabelIsRejected() {
    INDArray labels2d = Nd4j.createFromArray(new double[][] {{0, 1}, {1.5, 0}});
    assertThatThrownBy(() -> ArrayChecks.checkLabels("target", labels2d, 2))
        .hasMessage(
            "Array 'target' has label 1.5 at index [1, 0]; labels must be whole numbers in [0, 2)"
                + " for 2 classes.");
    assertThatThrownBy(
            () -> ArrayChecks.checkLabels("target", Nd4j.createFromArray(0.0, Double.NaN), 2))
        .hasMessage(
            "Array 'target' has label NaN at index [1]; labels must be whole numbers in [0, 2) for"
                + " 2 classes.");
  }

  @Test
  void weightsMustBeFiniteAndNotNegative() {
    assertThatCode(() -> ArrayChecks.checkWeights("w", Nd4j.createFromArray(0.0, 1.0, 2.5)))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> ArrayChecks.checkWeights("w", Nd4j.createFromArray(1.0, -0.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Array 'w' has -0.5 at index [1]; weights must be finite and >= 0.");
    assertThatThrownBy(
            () -> ArrayChecks.checkWeights("w", Nd4j.createFromArray(Double.NEGATIVE_INFINITY)))
        .hasMessage("Array 'w' has -Infinity at index [0]; weights must be finite and >= 0.");
  }

  @Test
  void aShapeMismatchNamesTheArrayBothShapesAndWhy() {
    INDArray x = Nd4j.zeros(DataType.DOUBLE, 64, 3);

    assertThatCode(() -> ArrayChecks.checkShape("x", x, new long[] {64, 3}, "the model"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> ArrayChecks.checkShape("weights", x, new long[] {64, 5}, "the target"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Array 'weights' has shape [64, 3] but the target needs [64, 5].");
  }

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
  void contiguousKeepsPlainArraysAndCopiesViewsAndFOrder() {
    INDArray plain = Nd4j.rand(DataType.DOUBLE, 5, 4);
    INDArray columns = plain.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 3));
    INDArray rows = plain.get(NDArrayIndex.interval(2, 4), NDArrayIndex.all());
    INDArray fOrder = plain.dup('f');

    assertThat(ArrayChecks.contiguous("x", plain)).isSameAs(plain);
    for (INDArray a : new INDArray[] {columns, rows, fOrder}) {
      INDArray c = ArrayChecks.contiguous("x", a);
      assertThat(c).isNotSameAs(a);
      assertThat(c.ordering()).isEqualTo('c');
      assertThat(c.offset()).isZero();
      assertThat(c.shape()).isEqualTo(a.shape());
      assertThat(c.toDoubleMatrix()).isEqualTo(a.toDoubleMatrix());
    }
  }

  @Test
  void aLossOnViewsComputesWhatItComputesOnCopies() {
    INDArray table = Nd4j.rand(DataType.DOUBLE, 6, 7);
    INDArray output = table.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 3));
    INDArray target = table.get(NDArrayIndex.all(), NDArrayIndex.interval(3, 6)).dup('f');
    Loss loss = new TestLosses.SquaredError();

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
