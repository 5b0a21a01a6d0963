package io.github.javanets.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Shuffles a stream of examples through a buffer of {@code size}: the first {@code size} examples
 * fill it; then each example read takes the place of one drawn at random from it, which is given
 * out; at the end of the stream the rest are given out in random order. So memory holds at most
 * {@code size} examples, and the {@code t}-th example given out is one of the first {@code size +
 * t} read. A size of 0 or 1 keeps the stream's order. Not thread-safe.
 */
final class ShuffleBuffer {
  private final Supplier<Example> in;
  private final int size;
  private final Random random;
  private final List<Example> buffer;
  private boolean drained;

  /**
   * @param in the stream: returns the next example, or null at its end
   * @param size the most examples held
   * @param random draws the order
   */
  ShuffleBuffer(Supplier<Example> in, int size, Random random) {
    this.in = in;
    this.size = size;
    this.random = random;
    this.buffer = new ArrayList<>(Math.min(size, 1 << 16));
  }

  /** The next example, or null at the end. */
  Example next() {
    if (size <= 1) {
      return in.get();
    }
    while (!drained && buffer.size() < size) {
      Example e = in.get();
      if (e == null) {
        drained = true;
      } else {
        buffer.add(e);
      }
    }
    if (buffer.isEmpty()) {
      return null;
    }
    int j = random.nextInt(buffer.size());
    Example out = buffer.get(j);
    Example last = buffer.remove(buffer.size() - 1);
    if (j < buffer.size()) {
      buffer.set(j, last);
    }
    return out;
  }

  /** The number of examples held now (for tests). */
  int held() {
    return buffer.size();
  }
}
