package io.github.javanets.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Rows held in memory ({@link MinibatchSource}) as a {@link FeedSource}: contiguous ranges of
 * {@code batchSize} rows, the last one shorter, in order, or in an order shuffled anew by {@code
 * order} at each pass. Read on the trainer's thread ({@link #readAhead()} is false).
 */
final class RowBatches implements FeedSource {
  private final MinibatchSource rows;
  private final int batchSize;
  private final Random order;
  private final int batches;

  /**
   * @param rows the rows; not null
   * @param batchSize rows per minibatch, &gt;= 1
   * @param order shuffles the minibatches at each pass; null for their order in memory
   */
  RowBatches(MinibatchSource rows, int batchSize, Random order) {
    this.rows = rows;
    this.batchSize = batchSize;
    this.order = order;
    this.batches = (int) ((rows.rows() + batchSize - 1) / batchSize);
  }

  @Override
  public long batches() {
    return batches;
  }

  @Override
  public String description() {
    return "the rows in memory (" + rows.rows() + " rows, batches of " + batchSize + ")";
  }

  /** False: the rows are in memory, and a minibatch is a view of them. */
  @Override
  public boolean readAhead() {
    return false;
  }

  @Override
  public FeedPass open(Random noise) {
    int[] sequence = order == null ? inOrder(batches) : shuffled(batches, order);
    return new FeedPass() {
      private int b;

      @Override
      public Feed next() {
        if (b == sequence.length) {
          return null;
        }
        long from = (long) sequence[b++] * batchSize;
        long to = Math.min(rows.rows(), from + batchSize);
        return new Feed(rows.feed(from, to, noise), to - from);
      }
    };
  }

  private static int[] inOrder(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }

  private static int[] shuffled(int n, Random random) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    Collections.shuffle(order, random);
    return order.stream().mapToInt(Integer::intValue).toArray();
  }
}
