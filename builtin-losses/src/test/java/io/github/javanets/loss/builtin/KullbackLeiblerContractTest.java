package io.github.javanets.loss.builtin;

import io.github.javanets.testkit.Float64Reference;
import io.github.javanets.testkit.LossContractTest;
import io.github.javanets.testkit.LossFixture;
import io.github.javanets.testkit.LossInputs;
import io.github.javanets.testkit.RandomArrays;
import java.util.List;

/**
 * The loss contract on {@code kl}: {@code t log(t / o)} with both clipped to {@code [1e-8, 1]},
 * rules 2-3.
 */
class KullbackLeiblerContractTest extends LossContractTest {
  private static final double CLIP = 1e-8;

  @Override
  protected String lossName() {
    return "kl";
  }

  @Override
  protected List<String> aliases() {
    return List.of("kld", "kullbackleiblerdivergence");
  }

  @Override
  protected LossFixture fixture() {
    return (shape, random) ->
        LossInputs.of(
            RandomArrays.distributions(random, shape),
            RandomArrays.distributions(random, shape),
            RandomArrays.weights(random, shape));
  }

  @Override
  protected Float64Reference reference() {
    return (loss, in) ->
        References.elementwise(
            in,
            (o, t) -> {
              double p = Math.min(Math.max(t, CLIP), 1);
              double q = Math.min(Math.max(o, CLIP), 1);
              return p * Math.log(p / q);
            });
  }
}
