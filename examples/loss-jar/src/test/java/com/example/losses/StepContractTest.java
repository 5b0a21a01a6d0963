package com.example.losses;

import io.github.javanets.loss.TargetKind;
import io.github.javanets.testkit.Float64Array;
import io.github.javanets.testkit.Float64Reference;
import io.github.javanets.testkit.LossContractTest;
import io.github.javanets.testkit.LossFixture;

/** The loss contract, as README tells a loss author to run it, on README's {@code Step}. */
class StepContractTest extends LossContractTest {
  @Override
  protected String lossName() {
    return "step";
  }

  @Override
  protected TargetKind targetKind() {
    return TargetKind.NONE;
  }

  @Override
  protected LossFixture fixture() {
    return LossFixture.realValues(-1, 1);
  }

  /** A float64 loop: the fraction of outputs above 0, or its weighted mean. */
  @Override
  protected Float64Reference reference() {
    return (loss, in) -> {
      Float64Array o = in.output();
      Float64Array w = in.weights();
      double sum = 0;
      double weights = 0;
      for (int i = 0; i < o.length(); i++) {
        double weight = w == null ? 1 : w.flat(i);
        sum += weight * (o.flat(i) > 0 ? 1 : 0);
        weights += weight;
      }
      return weights == 0 ? 0 : sum / weights;
    };
  }
}
