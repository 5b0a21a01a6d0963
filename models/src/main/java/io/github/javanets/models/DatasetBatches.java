package io.github.javanets.models;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Random;

/**
 * A {@link Dataset} in memory as a {@link BatchSource}: row ranges of {@code batchSize}, in order
 * or shuffled at each pass as a model's trainer shuffles them (a {@link Random} seeded with {@code
 * seed ^ 0x5DEECE66DL}, one {@link Collections#shuffle} of the batch indices per pass).
 */
final class DatasetBatches implements BatchSource {
  private final Dataset data;
  private final int batchSize;
  private final int batches;
  // Null for batches in order.
  private final Random order;

  DatasetBatches(Dataset data, int batchSize, Long seed) {
    this.data = Objects.requireNonNull(data, "data");
    if (batchSize < 1) {
      throw Errors.batchSizeTooSmall(batchSize);
    }
    this.batchSize = batchSize;
    this.batches = (int) ((data.rows() + batchSize - 1) / batchSize);
    this.order = seed == null ? null : new Random(seed ^ 0x5DEECE66DL);
  }

  @Override
  public BatchIterator open() {
    int[] sequence = sequence();
    return new BatchIterator() {
      private int b;

      @Override
      public boolean hasNext() {
        return b < sequence.length;
      }

      @Override
      public Dataset next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        long from = (long) sequence[b++] * batchSize;
        return data.rows(from, Math.min(data.rows(), from + batchSize));
      }
    };
  }

  private synchronized int[] sequence() {
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < batches; i++) {
      indices.add(i);
    }
    if (order != null) {
      Collections.shuffle(indices, order);
    }
    return indices.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public OptionalLong batchesPerEpoch() {
    return OptionalLong.of(batches);
  }

  @Override
  public String description() {
    return "a dataset in memory ("
        + data.rows()
        + " rows, batches of "
        + batchSize
        + (order != null ? ", shuffled" : "")
        + ")";
  }
}
