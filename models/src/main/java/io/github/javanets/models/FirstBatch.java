package io.github.javanets.models;

import io.github.javanets.train.BatchFailedException;
import java.util.OptionalLong;

/**
 * A source whose first batch was read before training (to learn the sequence length an unrolled
 * {@code rnn} graph is built for): its first pass gives that batch, then the rest of the same pass;
 * later passes are the source's own.
 */
final class FirstBatch implements BatchSource {
  private final BatchSource source;
  private final Dataset first;
  private BatchIterator rest;

  private FirstBatch(BatchSource source, Dataset first, BatchIterator rest) {
    this.source = source;
    this.first = first;
    this.rest = rest;
  }

  /**
   * Opens a pass of {@code source} and reads its first batch.
   *
   * @throws BatchFailedException naming the source and batch 0 if it cannot be read
   * @throws IllegalArgumentException if the pass is empty
   */
  static FirstBatch read(BatchSource source) {
    BatchIterator pass = source.open();
    boolean any;
    Dataset first;
    try {
      any = pass.hasNext();
      first = any ? pass.next() : null;
      if (any && first == null) {
        throw Errors.batchIsNull();
      }
    } catch (RuntimeException e) {
      pass.close();
      throw BatchFailedException.of(source.description(), 0, e);
    }
    if (!any) {
      pass.close();
      throw Errors.passWithoutBatches(source.description());
    }
    return new FirstBatch(source, first, pass);
  }

  /** The first batch. */
  Dataset first() {
    return first;
  }

  @Override
  public synchronized BatchIterator open() {
    if (rest == null) {
      return source.open();
    }
    BatchIterator pass = rest;
    rest = null;
    return new BatchIterator() {
      private boolean firstGiven;

      @Override
      public boolean hasNext() {
        return !firstGiven || pass.hasNext();
      }

      @Override
      public Dataset next() {
        if (!firstGiven) {
          firstGiven = true;
          return first;
        }
        return pass.next();
      }

      @Override
      public void close() {
        pass.close();
      }
    };
  }

  /** Closes the first pass if training never opened it. */
  synchronized void release() {
    if (rest != null) {
      rest.close();
      rest = null;
    }
  }

  @Override
  public OptionalLong batchesPerEpoch() {
    return source.batchesPerEpoch();
  }

  @Override
  public String description() {
    return source.description();
  }
}
