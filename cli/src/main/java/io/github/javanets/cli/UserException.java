package io.github.javanets.cli;

/**
 * An error the user can fix, with a message that says what went wrong and how to fix it; the
 * command ends with exit code {@value Javanets#USER_ERROR}.
 */
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
