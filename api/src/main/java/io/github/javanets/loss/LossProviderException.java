package io.github.javanets.loss;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A loss name cannot be used because of its providers: two claim it ({@link LossConflictException})
 * or the one that does is broken ({@link BrokenLossProviderException}).
 */
@API(status = STABLE, since = "0.1")
public abstract class LossProviderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final List<String> classNames;

  LossProviderException(String name, List<String> classNames, String message, Throwable cause) {
    super(message, cause);
    this.name = name;
    this.classNames = List.copyOf(classNames);
  }

  /** The loss name or alias concerned; never null. */
  public String name() {
    return name;
  }

  /** The provider classes concerned; unmodifiable, never null. */
  public List<String> classNames() {
    return classNames;
  }
}
