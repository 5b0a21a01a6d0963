package io.github.javanets.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A shuffled split of examples (rows, or sequences) into training and validation ones: {@code
 * round(n * fraction)} examples, at least 1 and at most {@code n - 1}, are held out for validation.
 */
final class ValidationSplit {
  private final int[] train;
  private final int[] valid;

  private ValidationSplit(int[] train, int[] valid) {
    this.train = train;
    this.valid = valid;
  }

  /**
   * Shuffles the indexes of {@code all} with {@code seed} and holds out a share of them.
   *
   * @param all the examples; not null
   * @param fraction the share to hold out, in (0, 1)
   * @param seed the seed of the shuffle
   * @param name the data file's name, for messages
   * @throws IllegalArgumentException if there are fewer than 2 examples
   */
  static ValidationSplit shuffle(Examples all, double fraction, long seed, String name) {
    int n = all.count();
    if (n < 2) {
      String noun = all.noun();
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s has %d %s: too few to hold out validation %s; use --valid-fraction 0.",
              name,
              n,
              noun.substring(0, noun.length() - 1),
              noun));
    }
    int held = Math.max(1, Math.min(n - 1, (int) Math.round(n * fraction)));
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(seed));
    return new ValidationSplit(indexes(order.subList(held, n)), indexes(order.subList(0, held)));
  }

  private static int[] indexes(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The indexes of the training examples; a copy. */
  int[] train() {
    return train.clone();
  }

  /** The indexes of the validation examples; a copy. */
  int[] valid() {
    return valid.clone();
  }
}
