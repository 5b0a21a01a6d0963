package io.github.javanets.loss.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The rules for output names: {@code "<layer>:<output>"}, a bare layer name meaning its output.
 * Internal to javanets: outside use is unsupported.
 */
@API(status = INTERNAL, since = "0.1")
public final class OutputNames {
  /** The suffix of a layer's activated output. */
  public static final String OUT = "out";

  /** The suffix of a layer's value before its activation. */
  public static final String PRE = "pre";

  private OutputNames() {}

  /**
   * Normalizes an output name: {@code "hid1"} becomes {@code "hid1:out"}; {@code "hid1:pre"} stays.
   *
   * @param name an output name; not null, not blank
   * @return the normalized name; never null
   * @throws IllegalArgumentException if the name is blank or has an empty part
   */
  public static String normalize(String name) {
    Objects.requireNonNull(name, "output name");
    String n = name.trim();
    int colon = n.indexOf(':');
    if (n.isEmpty() || colon == 0 || colon == n.length() - 1 || n.indexOf(':', colon + 1) >= 0) {
      throw Errors.badOutputName(name);
    }
    return colon < 0 ? n + ":" + OUT : n;
  }

  /** The layer part of an output name ({@code "hid1"} for {@code "hid1:pre"}). */
  public static String layer(String name) {
    String n = normalize(name);
    return n.substring(0, n.indexOf(':'));
  }
}
