package io.github.javanets.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * DL4J hands the adapter views of its minibatches (a row range of a larger array) and arrays in 'f'
 * order: they give exactly the score and gradient of plain copies, bit for bit.
 */
class ViewsTest {
  private static INDArray rowsOf(INDArray whole) {
    return whole.get(NDArrayIndex.interval(2, 8), NDArrayIndex.all());
  }

  private static INDArray columnsOf(INDArray whole) {
    return whole.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 4));
  }

  @ParameterizedTest
  @ValueSource(strings = {"xe", "mae", "pinball(tau=0.9)"})
  void viewsAndFortranOrderGiveTheResultsOfTheirCopies(String spec) {
    LossFunctionAdapter adapter = new LossFunctionAdapter(spec);
    IActivation act = spec.equals("xe") ? new ActivationSoftmax() : new ActivationTanH();
    INDArray wholePre = TestArrays.uniform(31, 10, 5, -2, 2);
    INDArray wholeLabels =
        spec.equals("xe")
            ? TestArrays.oneHot(
                5, 0, 1, 2, 1, 3, 1, 2, 3, 1, 4) // columns 1..3 of rows 2..7 one-hot
            : TestArrays.uniform(32, 10, 5, -1, 1);
    INDArray wholeMask = TestArrays.column(1, 0, 1, 1, 0, 1, 1, 1, 0, 1);
    // A row range of a column range: the view of a view that ND4J slices wrongly.
    INDArray pre = columnsOf(rowsOf(wholePre));
    INDArray labels = columnsOf(rowsOf(wholeLabels));
    INDArray mask = rowsOf(wholeMask);
    assertThat(pre.isView()).isTrue();

    var fromViews = adapter.computeGradientAndScore(labels, pre, act, mask, true);
    var fromCopies =
        adapter.computeGradientAndScore(labels.dup('c'), pre.dup('c'), act, mask.dup('c'), true);
    var fromFortran =
        adapter.computeGradientAndScore(labels.dup('f'), pre.dup('f'), act, mask.dup('f'), true);

    assertThat(fromViews.getFirst()).isEqualTo(fromCopies.getFirst());
    assertThat(fromFortran.getFirst()).isEqualTo(fromCopies.getFirst());
    assertThat(fromViews.getSecond().toDoubleMatrix())
        .isDeepEqualTo(fromCopies.getSecond().toDoubleMatrix());
    assertThat(fromFortran.getSecond().toDoubleMatrix())
        .isDeepEqualTo(fromCopies.getSecond().toDoubleMatrix());
    assertThat(adapter.computeScoreArray(labels, pre, act, mask).toDoubleVector())
        .containsExactly(
            adapter
                .computeScoreArray(labels.dup('c'), pre.dup('c'), act, mask.dup('c'))
                .toDoubleVector());
  }
}
