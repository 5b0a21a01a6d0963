package io.github.javanets.cli;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * An error the user can fix, with a message that says what went wrong and how to fix it; the
 * command ends with exit code {@value Javanets#USER_ERROR}. Internal to the command line: outside
 * use is unsupported.
 */
@API(status = INTERNAL, since = "0.1")
public final class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Makes the exception.
   *
   * @param message one line for the user; not null
   * @param cause the underlying failure, shown with {@code --debug}; may be null
   */
  public UserException(String message, Throwable cause) {
    super(message, cause);
  }
}
