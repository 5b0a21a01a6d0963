package io.github.javanets.train;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Random;
import org.apiguardian.api.API;

/**
 * The minibatches a {@link Trainer} reads, one pass at a time, already converted to its {@link
 * TrainingProblem}'s placeholders: the streaming counterpart of {@link MinibatchSource}, for data
 * that need not be held in memory. A model adapts its {@code BatchSource}s to one. Each epoch of
 * training, and each validation, opens a pass; passes of one source never overlap. Internal to
 * javanets: outside use is unsupported.
 */
@API(status = INTERNAL, since = "0.2", consumers = "io.github.javanets.models")
public interface FeedSource {
  /** What {@link #batches()} returns when the number of minibatches per pass is not known. */
  long UNKNOWN = -1;

  /** The number of minibatches per pass, or {@link #UNKNOWN}. */
  long batches();

  /**
   * Names the source in error messages, as in {@code "Batch 17 of <description> failed"}; never
   * null.
   */
  String description();

  /**
   * Opens a pass. Called on the trainer's thread; the pass is read on its loader thread.
   *
   * @param noise the source of training noise and dropout masks, to be drawn from in minibatch
   *     order by the pass (on the loader thread); null to evaluate without them
   * @return the pass; never null
   */
  FeedPass open(Random noise);

  /**
   * Whether the trainer reads this source ahead on a loader thread ({@link Prefetcher}), which pays
   * when reading and converting a minibatch takes time (a file, a database, checks); by default
   * true. Rows already in memory, whose minibatches are views, are read on the trainer's thread,
   * where the handoff between threads would cost more than it saves.
   */
  default boolean readAhead() {
    return true;
  }
}
