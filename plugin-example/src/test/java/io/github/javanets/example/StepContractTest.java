package io.github.javanets.example;

import io.github.javanets.loss.TargetKind;
import io.github.javanets.testkit.Float64Array;
import io.github.javanets.testkit.Float64Reference;
import io.github.javanets.testkit.LossContractTest;
import io.github.javanets.testkit.LossFixture;

/** The loss contract on the mission's {@code step}: the (weighted) fraction of outputs above 0. */
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

  @Override
  protected Float64Reference reference() {
    return (loss, in) -> {
      Float64Array o = in.output();
      double[] err = new double[o.length()];
      for (int i = 0; i < err.length; i++) {
        err[i] = o.flat(i) > 0 ? 1 : 0;
      }
      return Loops.reduce(err, in.weights());
    };
  }
}
