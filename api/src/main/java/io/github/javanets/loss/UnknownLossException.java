package io.github.javanets.loss;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apiguardian.api.API;

/** No installed loss has the name asked for. */
@API(status = STABLE, since = "0.1")
public final class UnknownLossException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final String suggestion;
  private final SortedSet<String> available;

  UnknownLossException(
      String message, String name, String suggestion, SortedSet<String> available) {
    super(message);
    this.name = name;
    this.suggestion = suggestion;
    this.available = Collections.unmodifiableSortedSet(new TreeSet<>(available));
  }

  /** The name asked for; never null. */
  public String name() {
    return name;
  }

  /** The closest known name or alias, or null when none is close. */
  public String suggestion() {
    return suggestion;
  }

  /** The canonical names that are available; unmodifiable, never null. */
  public SortedSet<String> available() {
    return available;
  }
}
