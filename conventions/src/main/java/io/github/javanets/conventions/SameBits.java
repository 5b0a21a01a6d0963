package io.github.javanets.conventions;

import static org.apiguardian.api.API.Status.INTERNAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Map;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Exact comparison of arrays, for the tests that claim the same bits. {@code INDArray.equals}, and
 * so AssertJ's {@code isEqualTo} on arrays, lets elements differ by up to {@code
 * Nd4j.EPS_THRESHOLD} (1e-5); here the data type, the shape and every element's raw bits in its own
 * type must match, so 0.0 and -0.0 differ, and so do NaNs of different patterns.
 */
@API(status = INTERNAL, since = "0.2")
public final class SameBits {
  private SameBits() {}

  /** Asserts that two maps name the same arrays and that each pair has the same bits. */
  public static void assertSameBits(Map<String, INDArray> actual, Map<String, INDArray> expected) {
    assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((name, e) -> assertSameBits(name, actual.get(name), e));
  }

  /** Asserts the same data type, shape and bits of every element; {@code what} names the array. */
  public static void assertSameBits(String what, INDArray actual, INDArray expected) {
    assertThat(actual).as(what).isNotNull();
    assertThat(actual.dataType()).as("%s: data type", what).isEqualTo(expected.dataType());
    assertThat(actual.shape()).as("%s: shape", what).isEqualTo(expected.shape());
    long[] a = bits(actual);
    long[] e = bits(expected);
    int first = -1;
    int differing = 0;
    for (int i = 0; i < e.length; i++) {
      if (a[i] != e[i]) {
        first = first < 0 ? i : first;
        differing++;
      }
    }
    if (differing > 0) {
      double[] av = actual.castTo(DataType.DOUBLE).dup('c').data().asDouble();
      double[] ev = expected.castTo(DataType.DOUBLE).dup('c').data().asDouble();
      double largest = 0;
      for (int i = 0; i < ev.length; i++) {
        largest = Math.max(largest, Math.abs(av[i] - ev[i]));
      }
      fail(
          "%s: %d of %d elements differ in their bits; the first, at flat index %d (c order), is %s"
              + " (bits %x) where %s (bits %x) was expected; largest difference %s",
          what, differing, e.length, first, av[first], a[first], ev[first], e[first], largest);
    }
  }

  /** Each element's raw bits in its own data type, in c order. */
  public static long[] bits(INDArray array) {
    int n = Math.toIntExact(array.length());
    DataBuffer data = array.dup('c').data();
    long[] bits = new long[n];
    switch (array.dataType()) {
      case DOUBLE -> {
        double[] v = data.asDouble();
        for (int i = 0; i < n; i++) {
          bits[i] = Double.doubleToRawLongBits(v[i]);
        }
      }
      case FLOAT, HALF, BFLOAT16 -> {
        float[] v = data.asFloat();
        for (int i = 0; i < n; i++) {
          bits[i] = Float.floatToRawIntBits(v[i]) & 0xffffffffL;
        }
      }
      default -> System.arraycopy(data.asLong(), 0, bits, 0, n);
    }
    return bits;
  }
}
