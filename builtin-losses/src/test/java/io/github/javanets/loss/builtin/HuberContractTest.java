package io.github.javanets.loss.builtin;

import io.github.javanets.testkit.Float64Reference;
import io.github.javanets.testkit.LossContractTest;
import io.github.javanets.testkit.LossFixture;
import java.util.List;
import java.util.Map;

/**
 * The loss contract on {@code huber}: {@code 0.5 e^2} if {@code abs(e) <= delta} else {@code delta
 * (abs(e) - 0.5 delta)}, {@code e = o - t}, for the default delta and a smaller one (so that both
 * branches are hit).
 */
class HuberContractTest extends LossContractTest {
  @Override
  protected String lossName() {
    return "huber";
  }

  @Override
  protected Map<String, Object> declaredParameters() {
    return Map.of("delta", 1.0);
  }

  @Override
  protected List<String> configurations() {
    return List.of("huber", "huber(delta=0.3)");
  }

  @Override
  protected List<String> nonDefaultSpecs() {
    return List.of("huber(delta=0.25, weight=3)");
  }

  @Override
  protected Map<String, String> badParameters() {
    return Map.of(
        "huber(delta=0)", "Parameter 'delta' of loss 'huber' must be > 0, got 0.0.",
        "huber(delta=-2)", "Parameter 'delta' of loss 'huber' must be > 0, got -2.0.");
  }

  @Override
  protected LossFixture fixture() {
    return LossFixture.realValues(-1.5, 1.5);
  }

  @Override
  protected Float64Reference reference() {
    return (loss, in) -> {
      double delta = (Double) loss.parameter("delta");
      return References.elementwise(
          in,
          (o, t) -> {
            double e = Math.abs(o - t);
            return e <= delta ? 0.5 * e * e : delta * (e - 0.5 * delta);
          });
    };
  }
}
