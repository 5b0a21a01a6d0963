package io.github.javanets.loss;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The provider of a loss cannot be used: its class is missing, fails to link, is not a {@link Loss}
 * or has no public no-argument constructor, its declaration is invalid, or its constructor throws.
 * The original failure is the cause.
 */
@API(status = STABLE, since = "0.1")
public final class BrokenLossProviderException extends LossProviderException {
  private static final long serialVersionUID = 1L;

  BrokenLossProviderException(String name, String className, String message, Throwable cause) {
    super(name, List.of(className), message, cause);
  }
}
