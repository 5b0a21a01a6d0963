package io.github.javanets.loss.builtin;

import io.github.javanets.testkit.Float64Reference;
import io.github.javanets.testkit.LossContractTest;
import io.github.javanets.testkit.LossFixture;
import java.util.List;

/** The loss contract on {@code mse}: {@code (o - t)^2}, rules 2-3. */
class MeanSquaredErrorContractTest extends LossContractTest {
  @Override
  protected String lossName() {
    return "mse";
  }

  @Override
  protected List<String> aliases() {
    return List.of("meansquarederror", "mean_squared_error");
  }

  @Override
  protected LossFixture fixture() {
    return LossFixture.realValues(-1, 1);
  }

  @Override
  protected Float64Reference reference() {
    return (loss, in) ->
        References.elementwise(
            in,
            (o, t) -> {
              double e = o - t;
              return e * e;
            });
  }
}
