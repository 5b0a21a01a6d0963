package io.github.javanets.spark;

import java.util.function.IntPredicate;

/**
 * A hook for tests that make a shard's task fail, to see Spark retry it: when set, a task of a
 * training step fails on its first attempt where the predicate holds for its partition. Read on
 * executors; only executors in the driver's JVM ({@code local[...]}) see what a test sets.
 */
final class Faults {
  private static volatile IntPredicate failFirstAttempt;
  private static volatile long remaining;

  private Faults() {}

  /** Makes the first attempt of the next {@code count} tasks of the partitions chosen fail. */
  static synchronized void failFirstAttempts(IntPredicate partitions, long count) {
    failFirstAttempt = partitions;
    remaining = count;
  }

  /** Stops injecting faults. */
  static synchronized void clear() {
    failFirstAttempt = null;
    remaining = 0;
  }

  /** The faults still to inject (for tests). */
  static synchronized long remainingForTests() {
    return remaining;
  }

  /** Throws for a chosen task's first attempt. */
  static void check(int partition, int attempt) {
    IntPredicate p = failFirstAttempt;
    if (p == null || attempt > 0 || !p.test(partition)) {
      return;
    }
    synchronized (Faults.class) {
      if (remaining <= 0) {
        return;
      }
      remaining--;
    }
    throw new IllegalStateException("Injected fault in partition " + partition);
  }
}
