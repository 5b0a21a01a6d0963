package io.github.javanets.dl4j;

import java.util.function.BooleanSupplier;

/** The passes of an iterator: reset before each one, or one pass only when it cannot reset. */
final class Passes {
  private final BooleanSupplier resettable;
  private boolean opened;

  Passes(BooleanSupplier resettable) {
    this.resettable = resettable;
  }

  /**
   * Starts a pass: resets the iterator if it can.
   *
   * @throws IllegalStateException for a second pass of an iterator that cannot reset
   */
  synchronized void begin(String source, Runnable reset) {
    if (resettable.getAsBoolean()) {
      reset.run();
    } else if (opened) {
      throw Errors.cannotReset(source);
    }
    opened = true;
  }
}
