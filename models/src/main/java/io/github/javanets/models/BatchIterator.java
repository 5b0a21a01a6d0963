package io.github.javanets.models;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Iterator;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One pass (an epoch) over a {@link BatchSource}: its batches in order, then the end. A model reads
 * it on a loader thread of its own (never two threads at once) and closes it there when the pass
 * ends, when training stops early and when it fails; {@link #close} releases what the pass holds (a
 * file, a cursor).
 */
@API(status = EXPERIMENTAL, since = "0.2")
public interface BatchIterator extends Iterator<Dataset>, AutoCloseable {
  /**
   * The next batch; never null.
   *
   * @throws java.util.NoSuchElementException when the pass is over
   */
  @Override
  Dataset next();

  /** Releases what the pass holds; by default nothing. */
  @Override
  default void close() {}

  /**
   * A pass over the batches of a plain iterator, with nothing to release.
   *
   * @param batches the batches; not null
   * @return the pass; never null
   */
  static BatchIterator of(Iterator<Dataset> batches) {
    Objects.requireNonNull(batches, "batches");
    return new BatchIterator() {
      @Override
      public boolean hasNext() {
        return batches.hasNext();
      }

      @Override
      public Dataset next() {
        return batches.next();
      }
    };
  }
}
