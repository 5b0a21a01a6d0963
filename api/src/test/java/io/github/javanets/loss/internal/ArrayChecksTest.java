package io.github.javanets.loss.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Checks of labels, weights, shapes and targets, with the messages users meet. (The checks a loss
 * makes when it is evaluated on arrays are tested in javanets-runtime.)
 */
class ArrayChecksTest {
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
  void viewsAndPermutedArraysAreCheckedOnTheirOwnValuesAndNamedByTheirIndex() {
    INDArray whole = Nd4j.createFromArray(new float[][] {{1, 2}, {3, 4}, {Float.NaN, 6}});
    INDArray firstRows = whole.get(NDArrayIndex.interval(0, 2), NDArrayIndex.all());
    assertThatCode(() -> ArrayChecks.checkFinite("x", firstRows)).doesNotThrowAnyException();
    INDArray lastRow = whole.get(NDArrayIndex.interval(2, 3), NDArrayIndex.all());
    assertThatThrownBy(() -> ArrayChecks.checkFinite("x", lastRow))
        .hasMessage("Array 'x' has NaN at index [0, 0]; every value must be finite.");
    // A transpose reads the same buffer in another order: the index named is the transpose's.
    assertThatThrownBy(() -> ArrayChecks.checkFinite("x", whole.transpose()))
        .hasMessage("Array 'x' has NaN at index [0, 2]; every value must be finite.");
    INDArray weights = Nd4j.createFromArray(new float[][] {{1, 0}, {-0f, 2}}).transpose();
    assertThatCode(() -> ArrayChecks.checkWeights("w", weights)).doesNotThrowAnyException();
    INDArray negative = Nd4j.createFromArray(new float[][] {{1, 0}, {-1e-30f, 2}}).transpose();
    assertThatThrownBy(() -> ArrayChecks.checkWeights("w", negative))
        .hasMessageStartingWith("Array 'w' has -1.0000000")
        .hasMessageEndingWith("at index [0, 1]; weights must be finite and >= 0.");
    assertThatThrownBy(() -> ArrayChecks.checkWeights("w", Nd4j.createFromArray(1f, Float.NaN, 2f)))
        .hasMessage("Array 'w' has NaN at index [1]; weights must be finite and >= 0.");
  }

  @Test
  void anArrayIsItsWholeBufferOnlyWithoutOffsetOrGaps() {
    INDArray x = Nd4j.rand(DataType.FLOAT, 3, 4);
    assertThat(ArrayChecks.wholeBuffer(x)).isTrue();
    assertThat(ArrayChecks.wholeBufferInCOrder(x)).isTrue();
    // The same buffer read in another order: whole, not in 'c' order.
    assertThat(ArrayChecks.wholeBuffer(x.transpose())).isTrue();
    assertThat(ArrayChecks.wholeBufferInCOrder(x.transpose())).isFalse();
    assertThat(ArrayChecks.wholeBuffer(x.getRow(1))).isFalse();
    assertThat(ArrayChecks.wholeBuffer(x.get(NDArrayIndex.all(), NDArrayIndex.point(0)))).isFalse();
    assertThat(ArrayChecks.wholeBuffer(Nd4j.create(DataType.FLOAT, 0))).isFalse();
    assertThat(ArrayChecks.wholeBufferInCOrder(x.reshape(4, 3))).isTrue();
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
}
