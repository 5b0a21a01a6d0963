package io.github.javanets.runtime;

import static io.github.javanets.conventions.SameBits.assertSameBits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The exact comparison catches what {@code INDArray.equals} lets through. */
class SameBitsTest {
  @Test
  void aDifferenceThatEqualsAllowsIsCaughtWithItsPlaceAndSize() {
    INDArray a = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}});
    INDArray b = a.dup();
    b.putScalar(1, 0, 3 + 1e-7);

    assertThat(a).as("INDArray.equals allows 1e-5").isEqualTo(b);
    assertThatThrownBy(() -> assertSameBits("a", a, b))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "a: 1 of 4 elements differ in their bits; the first, at flat index 2")
        .hasMessageContaining("largest difference 9.99999998");
  }

  @Test
  void signedZerosDataTypesAndShapesCount() {
    INDArray zero = Nd4j.createFromArray(0.0f, 1.0f);
    assertThatThrownBy(() -> assertSameBits("z", zero, Nd4j.createFromArray(-0.0f, 1.0f)))
        .hasMessageContaining("bits 0) where -0.0 (bits 80000000) was expected");
    assertThatThrownBy(() -> assertSameBits("t", zero, zero.castTo(DataType.DOUBLE)))
        .hasMessageContaining("t: data type");
    assertThatThrownBy(() -> assertSameBits("s", zero, zero.reshape(2, 1)))
        .hasMessageContaining("s: shape");
    assertThatThrownBy(() -> assertSameBits(Map.of("a", zero), Map.of("b", zero)))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aViewEqualsItsCopyInAnyOrder() {
    INDArray table = Nd4j.rand(DataType.FLOAT, 5, 4);
    INDArray view = table.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 4));
    assertSameBits("view", view, view.dup('f'));
    assertSameBits(Map.of("v", view), Map.of("v", view.dup('c')));
  }
}
