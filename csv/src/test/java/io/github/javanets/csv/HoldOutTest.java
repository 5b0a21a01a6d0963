package io.github.javanets.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A split by index: exact counts, fixed by the seed, every example on one side. */
class HoldOutTest {
  private static long held(HoldOut split) {
    return LongStream.range(0, split.examples()).filter(split::held).count();
  }

  @Test
  void holdsOutExactlyTheRoundedShare() {
    for (long n : new long[] {2, 3, 5, 150, 1000, 4097}) {
      HoldOut split = HoldOut.of(n, 0.2, 13);
      long expected = Math.max(1, Math.min(n - 1, Math.round(n * 0.2)));
      assertThat(split.heldCount()).as("n=%d", n).isEqualTo(expected);
      assertThat(held(split)).as("n=%d", n).isEqualTo(expected);
    }
  }

  @Test
  void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
    HoldOut a = HoldOut.of(500, 0.3, 7);
    HoldOut b = HoldOut.of(500, 0.3, 7);
    HoldOut c = HoldOut.of(500, 0.3, 8);

    long[] heldA = LongStream.range(0, 500).filter(a::held).toArray();
    assertThat(LongStream.range(0, 500).filter(b::held).toArray()).isEqualTo(heldA);
    assertThat(LongStream.range(0, 500).filter(c::held).toArray()).isNotEqualTo(heldA);
    // Spread over the file, not a block at one end.
    assertThat(heldA[0]).isLessThan(100);
    assertThat(heldA[heldA.length - 1]).isGreaterThan(400);
  }

  @Test
  void badCountsSharesAndIndexesAreRefused() {
    assertThatThrownBy(() -> HoldOut.of(1, 0.5, 1))
        .hasMessage(
            "A hold-out needs at least 2 examples and a share in (0, 1), got 1 examples and 0.5.");
    assertThatThrownBy(() -> HoldOut.of(10, 1.0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HoldOut.of(10, 0.5, 1).held(10))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("Example 10 of 10 (indexes are 0 to 9).");
  }
}
