package io.github.javanets.loss;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Two or more providers claim one loss name or alias and none is pinned: the message names every
 * class and its jar, and how to pin one ({@code -Djavanets.loss.<name>=<class>}).
 */
@API(status = STABLE, since = "0.1")
public final class LossConflictException extends LossProviderException {
  private static final long serialVersionUID = 1L;

  LossConflictException(String name, List<String> classNames, String message) {
    super(name, classNames, message, null);
  }
}
