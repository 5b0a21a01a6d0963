package io.github.javanets.csv;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A validation split decided by each example's index alone, so that a stream can be split without
 * holding it: of {@code n} examples (rows, or sequences), exactly {@code round(n * fraction)}, at
 * least 1 and at most {@code n - 1}, are held out, chosen by a permutation of {@code 0 .. n-1}
 * drawn from the seed (a 4-round Feistel network on the next power of 4, walked until it lands in
 * range): example {@code i} is held out when the permutation takes it below the held-out count. The
 * same seed and count give the same split; it takes constant memory. Immutable and thread-safe.
 *
 * <pre>{@code
 * HoldOut split = HoldOut.of(rows, 0.2, seed);
 * CsvBatchSource train = builder.examples(i -> !split.held(i)).build();
 * CsvBatchSource valid = builder.examples(split::held).build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class HoldOut {
  private static final int ROUNDS = 4;

  private final long examples;
  private final long held;
  private final int halfBits;
  private final long halfMask;
  private final long[] keys = new long[ROUNDS];

  private HoldOut(long examples, double fraction, long seed) {
    this.examples = examples;
    this.held = Math.max(1, Math.min(examples - 1, Math.round(examples * fraction)));
    int bits = 64 - Long.numberOfLeadingZeros(examples - 1);
    bits = Math.max(2, bits + (bits & 1));
    this.halfBits = bits / 2;
    this.halfMask = (1L << halfBits) - 1;
    long state = seed;
    for (int k = 0; k < ROUNDS; k++) {
      state += 0x9E3779B97F4A7C15L;
      keys[k] = mix(state);
    }
  }

  /**
   * Holds out {@code round(examples * fraction)} of {@code examples} examples (at least 1, at most
   * {@code examples - 1}).
   *
   * @param examples how many examples there are, &gt;= 2
   * @param fraction the share to hold out, in (0, 1)
   * @param seed the seed of the choice
   * @return the split; never null
   * @throws IllegalArgumentException for fewer than 2 examples or a share outside (0, 1)
   */
  public static HoldOut of(long examples, double fraction, long seed) {
    if (examples < 2 || !(fraction > 0 && fraction < 1)) {
      throw Errors.badHoldOut(examples, fraction);
    }
    return new HoldOut(examples, fraction, seed);
  }

  /** The number of examples. */
  public long examples() {
    return examples;
  }

  /** The number of examples held out. */
  public long heldCount() {
    return held;
  }

  /**
   * Whether example {@code index} is held out.
   *
   * @param index the example's index, from 0, in [0, {@link #examples()})
   * @throws IndexOutOfBoundsException for an index out of range
   */
  public boolean held(long index) {
    if (index < 0 || index >= examples) {
      throw Errors.exampleIndex(index, examples);
    }
    long x = index;
    do {
      x = permute(x);
    } while (x >= examples);
    return x < held;
  }

  /** One pass of the Feistel network: a bijection on [0, 4^halfBits). */
  private long permute(long x) {
    long left = x >>> halfBits;
    long right = x & halfMask;
    for (long key : keys) {
      long next = left ^ (mix(right ^ key) & halfMask);
      left = right;
      right = next;
    }
    return (left << halfBits) | right;
  }

  /** SplitMix64's finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public String toString() {
    return "HoldOut(" + held + " of " + examples + ")";
  }
}
