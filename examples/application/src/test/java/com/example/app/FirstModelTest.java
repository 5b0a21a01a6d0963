package com.example.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * The README's application pom is enough: a backend is found (no NoAvailableBackendException), the
 * built-in losses are discovered, a logger is bound (no SLF4J NOP warning), and a model learns.
 */
class FirstModelTest {
  @Test
  void theReadmesDependenciesTrainAModelThatLearns() {
    assertThat(FirstModel.trainAndScore(7)).isGreaterThan(0.95);
  }

  @Test
  void aLoggerIsBoundSoSlf4jDoesNotFallBackToNop() {
    assertThat(LoggerFactory.getILoggerFactory()).isNotInstanceOf(NOPLoggerFactory.class);
  }
}
