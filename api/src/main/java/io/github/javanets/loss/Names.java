package io.github.javanets.loss;

import java.util.Collection;
import java.util.Locale;

/** Edit distances for "Did you mean" suggestions. */
final class Names {
  private Names() {}

  /**
   * The candidate closest to {@code name} by {@link #distance edit distance} (case-insensitive), if
   * it is within a third of the longer name's length (at least 1, at most 3 edits); ties go to the
   * first in iteration order. Null when none is close.
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

  /**
   * The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
   * adjacent letters ({@code "nrom"} to {@code "norm"}) each count one edit.
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
