package io.github.javanets.example;

import io.github.javanets.testkit.Float64Array;
import io.github.javanets.testkit.Float64Reference;
import io.github.javanets.testkit.LossContractTest;
import io.github.javanets.testkit.LossFixture;
import java.util.List;
import java.util.Map;

/** The loss contract on {@code pinball}: {@code max(tau e, (tau - 1) e)}, {@code e = t - o}. */
class PinballContractTest extends LossContractTest {
  @Override
  protected String lossName() {
    return "pinball";
  }

  @Override
  protected List<String> aliases() {
    return List.of("quantile");
  }

  @Override
  protected Map<String, Object> declaredParameters() {
    return Map.of("tau", 0.5);
  }

  @Override
  protected List<String> configurations() {
    return List.of("pinball", "pinball(tau=0.9)", "quantile(tau=0.1)");
  }

  @Override
  protected List<String> nonDefaultSpecs() {
    return List.of("pinball(tau=0.25, weight=2)");
  }

  @Override
  protected Map<String, String> badParameters() {
    return Map.of(
        "pinball(tau=1)",
            "Parameter 'tau' of loss 'pinball' must be a finite number in (0, 1), got 1.0.",
        "pinball(tau=0)",
            "Parameter 'tau' of loss 'pinball' must be a finite number in (0, 1), got 0.0.");
  }

  @Override
  protected LossFixture fixture() {
    return LossFixture.realValues(-1, 1);
  }

  @Override
  protected Float64Reference reference() {
    return (loss, in) -> {
      double tau = (Double) loss.parameter("tau");
      Float64Array o = in.output();
      Float64Array t = in.target();
      double[] err = new double[o.length()];
      for (int i = 0; i < err.length; i++) {
        double e = t.flat(i) - o.flat(i);
        err[i] = Math.max(tau * e, (tau - 1) * e);
      }
      return Loops.reduce(err, in.weights());
    };
  }
}
