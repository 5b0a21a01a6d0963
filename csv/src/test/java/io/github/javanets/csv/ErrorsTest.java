package io.github.javanets.csv;

import io.github.javanets.conventions.ErrorsClasses;
import org.junit.jupiter.api.Test;

/** The shape of the CSV module's Errors class; its messages are pinned where they are met. */
class ErrorsTest {
  @Test
  void everyMethodReturnsTheExceptionToThrow() {
    ErrorsClasses.assertEveryMethodReturnsAnException(Errors.class);
  }
}
