package io.github.javanets.train;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * One pass (an epoch, or one evaluation) over a {@link FeedSource}. The {@link Trainer} calls
 * {@link #next} and {@link #close} on one thread of its own, a loader that reads ahead of training
 * (see {@link Prefetcher}), never on two threads at once. Internal to javanets: outside use is
 * unsupported.
 */
@API(status = INTERNAL, since = "0.2", consumers = "io.github.javanets.models")
public interface FeedPass extends AutoCloseable {
  /**
   * Reads and converts the next minibatch.
   *
   * @return the minibatch, or null when the pass is over
   * @throws Exception for a minibatch that cannot be read or is not valid; the trainer stops with a
   *     {@link BatchFailedException} naming the source and the minibatch
   */
  Feed next() throws Exception;

  /** Releases what the pass holds (a file, a cursor); called once, also after a failure. */
  @Override
  default void close() {}
}
