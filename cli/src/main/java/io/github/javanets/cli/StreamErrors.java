package io.github.javanets.cli;

import io.github.javanets.train.BatchFailedException;

/**
 * A batch of a streamed file that failed, as the command line reports it: bad data met in the
 * stream (the file changed after the scan, or vanished) is the user's to fix, and its message
 * already names the file, the line and the column, so it stands alone; anything else stays what it
 * is.
 */
final class StreamErrors {
  private StreamErrors() {}

  /** The exception to throw for {@code e}. */
  static RuntimeException of(BatchFailedException e) {
    Throwable cause = e.getCause();
    if (cause instanceof IllegalArgumentException
        || cause instanceof java.io.UncheckedIOException) {
      return new UserException(cause.getMessage(), e);
    }
    return e;
  }
}
