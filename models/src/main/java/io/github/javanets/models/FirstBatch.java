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
  private final long steps;
  // Both null once the first pass is opened (or released), so that the batch is not kept.
  private Dataset first;
  private BatchIterator rest;

  private FirstBatch(BatchSource source, Dataset first, BatchIterator rest) {
    this.source = source;
    this.steps = first.inputs().size(1);
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

  /** The second dimension of the first batch's inputs: the steps of its sequences. */
  long steps() {
    return steps;
  }

  @Override
  public synchronized BatchIterator open() {
    if (rest == null) {
      return source.open();
    }
    BatchIterator pass = new Prepended(first, rest);
    rest = null;
    first = null;
    return pass;
  }

  /** A batch, then the rest of a pass; the batch is not kept once given. */
  private static final class Prepended implements BatchIterator {
    private final BatchIterator rest;
    private Dataset pending;

    Prepended(Dataset pending, BatchIterator rest) {
      this.pending = pending;
      this.rest = rest;
    }

    @Override
    public boolean hasNext() {
      return pending != null || rest.hasNext();
    }

    @Override
    public Dataset next() {
      if (pending != null) {
        Dataset batch = pending;
        pending = null;
        return batch;
      }
      return rest.next();
    }

    @Override
    public void close() {
      rest.close();
    }
  }

  /** Closes the first pass if training never opened it. */
  synchronized void release() {
    if (rest != null) {
      rest.close();
      rest = null;
      first = null;
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
