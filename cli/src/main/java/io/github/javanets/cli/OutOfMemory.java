package io.github.javanets.cli;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Recognises running out of memory, Java's heap or ND4J's off-heap memory, wherever it hides in a
 * chain of causes (ND4J wraps a failed allocation, or a backend that could not start for want of
 * memory, in exceptions of its own), and says what to do about it.
 */
final class OutOfMemory {
  private static final int MAX_DETAIL = 200;

  private OutOfMemory() {}

  /**
   * The {@link OutOfMemoryError} among {@code e}, its causes and their suppressed exceptions.
   *
   * @param e a failure; not null
   * @return the error, or null if memory did not run out
   */
  static OutOfMemoryError find(Throwable e) {
    return find(e, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static OutOfMemoryError find(Throwable e, Set<Throwable> seen) {
    if (e == null || !seen.add(e)) {
      return null;
    }
    if (e instanceof OutOfMemoryError) {
      return (OutOfMemoryError) e;
    }
    for (Throwable suppressed : e.getSuppressed()) {
      OutOfMemoryError found = find(suppressed, seen);
      if (found != null) {
        return found;
      }
    }
    return find(e.getCause(), seen);
  }

  /**
   * One line saying which memory ran out and how to get more or need less.
   *
   * @param e the error; not null
   */
  static String message(OutOfMemoryError e) {
    String text = e.getMessage() == null ? "" : e.getMessage().strip().replaceAll("\\s+", " ");
    if (text.length() > MAX_DETAIL) {
      text = text.substring(0, MAX_DETAIL) + "...";
    }
    String detail = text.isEmpty() ? "" : " (" + text + ")";
    boolean heap = detail.contains("Java heap space") || detail.contains("GC overhead");
    return "out of memory"
        + detail
        + ": give Java more "
        + (heap
            ? "heap with java -Xmx8g -jar javanets.jar ..."
            : "memory with java -Xmx8g -Dorg.bytedeco.javacpp.maxbytes=8G"
                + " -Dorg.bytedeco.javacpp.maxphysicalbytes=10G -jar javanets.jar ...")
        + ", or make the job smaller: a smaller --batch-size, fewer units in --layers, fewer"
        + " columns or rows in the data.";
  }
}
