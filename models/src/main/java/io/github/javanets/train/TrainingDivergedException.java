package io.github.javanets.train;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Training stopped because a minibatch's objective became NaN or infinite (thrown by {@link
 * NanGuard} before the bad gradient reached the parameters).
 */
@API(status = STABLE, since = "0.1")
public final class TrainingDivergedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final int epoch;
  private final int batch;
  private final String term;

  /** Made by {@link Errors#trainingDiverged}, which writes the message. */
  TrainingDivergedException(String message, int epoch, int batch, String term) {
    super(message);
    this.epoch = epoch;
    this.batch = batch;
    this.term = term;
  }

  /** The epoch, from 0. */
  public int epoch() {
    return epoch;
  }

  /** The minibatch's position in the epoch's shuffled order, from 0. */
  public int batch() {
    return batch;
  }

  /** The first objective term (a loss or regularizer monitor) that went bad, or null for none. */
  public String term() {
    return term;
  }
}
