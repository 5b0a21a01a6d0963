package com.example.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** README's scaling example: standardised, the regressor learns; raw, it is warned about. */
class ScaledModelTest {
  @Test
  void standardisingInputsAndTargetsLearnsWhatRawDataDoesNot() throws Exception {
    ScaledModel.Outcome o = ScaledModel.trainBothWays(7);
    assertThat(o.scaledR2()).isGreaterThan(0.9);
    assertThat(o.unscaledR2()).isLessThan(0.5);
    assertThat(o.unscaledWarnings())
        .anySatisfy(
            w -> assertThat(w).startsWith("The inputs look unscaled: input column 1 (from 0)"));
    // Predictions in the targets' units: prices around 300,000.
    assertThat(o.prices().meanNumber().doubleValue()).isBetween(2.5e5, 3.5e5);
  }
}
