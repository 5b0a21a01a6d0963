package io.github.javanets.loss;

import java.util.List;

/**
 * The provider of a loss cannot be used: its class is missing, fails to link, is not a {@link Loss}
 * or has no public no-argument constructor, its declaration is invalid, or its constructor throws.
 * The original failure is the cause.
 */
public final class BrokenLossProviderException extends LossProviderException {
  private static final long serialVersionUID = 1L;

  BrokenLossProviderException(String name, String className, String message, Throwable cause) {
    super(name, List.of(className), message, cause);
  }
}
