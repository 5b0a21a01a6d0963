package io.github.javanets.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class Float64ArrayTest {
  private static final Float64Array A =
      Float64Array.of(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 2, 3, 2);

  @Test
  void indexesInRowMajorOrder() {
    assertThat(A.get(1, 2, 0)).isEqualTo(10);
    assertThat(A.flat(10)).isEqualTo(10);
    assertThat(A.rank()).isEqualTo(3);
    assertThat(A.size(-1)).isEqualTo(2);
    assertThat(A.size(1)).isEqualTo(3);
    assertThat(A.rowCount()).isEqualTo(6);
    assertThat(A.lastAxisSize()).isEqualTo(2);
  }

  @Test
  void rejectsBadIndicesAndShapes() {
    assertThatThrownBy(() -> A.get(2, 0, 0))
        .hasMessage("Index [2, 0, 0] is outside shape [2, 3, 2].");
    assertThatThrownBy(() -> A.get(0, 0)).hasMessage("Index [0, 0] for shape [2, 3, 2].");
    assertThatThrownBy(() -> Float64Array.of(new double[3], 2, 2))
        .hasMessage("Shape [2, 2] needs 4 values, got 3.");
  }

  @Test
  void permutesWholeRowsOfTheFirstAxis() {
    Float64Array p = A.permuteFirstAxis(new int[] {1, 0});
    assertThat(p.get(0, 0, 0)).isEqualTo(6);
    assertThat(p.get(1, 2, 1)).isEqualTo(5);
  }

  @Test
  void roundTripsThroughNd4jKeepingTheDataType() {
    INDArray labels = Nd4j.createFromArray(2L, 0L, 1L);
    Float64Array f = Float64Array.of(labels);
    assertThat(f.toArray()).containsExactly(2, 0, 1);
    INDArray back = f.toINDArray(DataType.INT64);
    assertThat(back.dataType()).isEqualTo(DataType.INT64);
    assertThat(back).isEqualTo(labels);
    INDArray view = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}}).transpose();
    assertThat(Float64Array.of(view).toArray()).containsExactly(1, 3, 2, 4);
  }
}
