package io.github.javanets.cli;

import java.util.List;

/**
 * Keeps messages to one readable line whatever the data: long lists of names show their first
 * {@value #NAMES} then how many more, long cell values their first {@value #CHARS} characters.
 */
final class Shorten {
  /** The most names a message lists. */
  static final int NAMES = 20;

  /** The most characters of a value a message quotes. */
  static final int CHARS = 40;

  private Shorten() {}

  /**
   * {@code a, b, c}, or {@code a, b, ... (20 names) ... and 999980 more}.
   *
   * @param names the names; not null
   */
  static String list(List<String> names) {
    if (names.size() <= NAMES) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, NAMES))
        + " ... and "
        + (names.size() - NAMES)
        + " more";
  }

  /**
   * {@code text}, or its first {@value #CHARS} characters, {@code ...} and its length.
   *
   * @param text a value read from a file; not null
   */
  static String value(String text) {
    if (text.length() <= CHARS) {
      return text;
    }
    return text.substring(0, CHARS) + "... (" + text.length() + " characters)";
  }
}
