package io.github.javanets.loss;

import java.util.Collection;
import java.util.Locale;

/** Edit distances for "Did you mean" suggestions. */
final class Names {
  private Names() {}

  /**
   * The candidate closest to {@code name} by Levenshtein distance (case-insensitive), if it is
   * within a third of the longer name's length (at least 1, at most 3 edits); ties go to the first
   * in iteration order. Null when none is close.
   */
  static String closest(String name, Collection<String> candidates) {
    String n = name.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(n, c.toLowerCase(Locale.ROOT));
      int limit = Math.min(3, Math.max(1, Math.max(n.length(), c.length()) / 3));
      if (d <= limit && d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
