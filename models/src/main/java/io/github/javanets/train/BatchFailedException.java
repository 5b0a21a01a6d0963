package io.github.javanets.train;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A minibatch of a streamed source could not be used: reading it failed (an iterator or function
 * that throws, a file that vanished) or it is not valid (a wrong shape, a value that is not finite,
 * a label out of range). The message names the source and the minibatch's index in its pass; the
 * cause is attached. A model's {@code train} that meets one keeps the parameters it had before the
 * call.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class BatchFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long batch;

  /** Made by {@link Errors#batchFailed}, which writes the message. */
  BatchFailedException(String message, String source, long batch, Throwable cause) {
    super(message, cause);
    this.source = source;
    this.batch = batch;
  }

  /**
   * A failure of minibatch {@code batch} of {@code source}, with the message {@code "Batch <batch>
   * of <source> failed: <the cause's message>"}: for sources that read ahead themselves.
   *
   * @param source the source's description; not null
   * @param batch the minibatch's index in its pass, from 0
   * @param cause what failed; not null
   * @return the exception to throw; never null
   */
  public static BatchFailedException of(String source, long batch, Throwable cause) {
    return Errors.batchFailed(source, batch, cause);
  }

  /** The source's description; never null. */
  public String source() {
    return source;
  }

  /** The minibatch's index in its pass, from 0. */
  public long batch() {
    return batch;
  }
}
