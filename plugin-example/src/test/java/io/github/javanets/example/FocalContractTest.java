package io.github.javanets.example;

import io.github.javanets.loss.TargetKind;
import io.github.javanets.testkit.Float64Array;
import io.github.javanets.testkit.Float64Reference;
import io.github.javanets.testkit.LossContractTest;
import io.github.javanets.testkit.LossFixture;
import java.util.List;
import java.util.Map;

/** The loss contract on {@code focal}: {@code -(1 - p)^gamma log(p)}, p the label's probability. */
class FocalContractTest extends LossContractTest {
  @Override
  protected String lossName() {
    return "focal";
  }

  @Override
  protected TargetKind targetKind() {
    return TargetKind.LABELS;
  }

  @Override
  protected Map<String, Object> declaredParameters() {
    return Map.of("gamma", 2.0);
  }

  @Override
  protected List<String> configurations() {
    return List.of("focal", "focal(gamma=0)", "focal(gamma=0.5)");
  }

  @Override
  protected List<String> nonDefaultSpecs() {
    return List.of("focal(gamma=1.5, weight=0.5)");
  }

  @Override
  protected Map<String, String> badParameters() {
    return Map.of("focal(gamma=-1)", "Parameter 'gamma' of loss 'focal' must be >= 0, got -1.0.");
  }

  @Override
  protected LossFixture fixture() {
    return LossFixture.classProbabilities();
  }

  @Override
  protected Float64Reference reference() {
    return (loss, in) -> {
      double gamma = (Double) loss.parameter("gamma");
      Float64Array o = in.output();
      Float64Array labels = in.target();
      int k = o.lastAxisSize();
      double[] err = new double[o.rowCount()];
      for (int r = 0; r < err.length; r++) {
        double p = Math.min(Math.max(o.flat(r * k + (int) labels.flat(r)), 1e-8), 1);
        err[r] = -Math.pow(1 - p, gamma) * Math.log(p);
      }
      return Loops.reduce(err, in.weights());
    };
  }
}
