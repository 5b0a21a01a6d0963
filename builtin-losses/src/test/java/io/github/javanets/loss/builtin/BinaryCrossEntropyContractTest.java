package io.github.javanets.loss.builtin;

import io.github.javanets.testkit.Float64Reference;
import io.github.javanets.testkit.LossContractTest;
import io.github.javanets.testkit.LossFixture;
import io.github.javanets.testkit.LossInputs;
import io.github.javanets.testkit.RandomArrays;
import java.util.List;

/**
 * The loss contract on {@code bce}: {@code -(t log p + (1 - t) log(1 - p))}, {@code p = clip(o,
 * 1e-7, 1 - 1e-7)}, rules 2-3.
 */
class BinaryCrossEntropyContractTest extends LossContractTest {
  private static final double CLIP = 1e-7;

  @Override
  protected String lossName() {
    return "bce";
  }

  @Override
  protected List<String> aliases() {
    return List.of("binary_crossentropy");
  }

  /** Outputs in [0.05, 0.95) (a sigmoid's), soft targets in [0, 1). */
  @Override
  protected LossFixture fixture() {
    return (shape, random) ->
        LossInputs.of(
            RandomArrays.uniform(random, 0.05, 0.95, shape),
            RandomArrays.uniform(random, 0, 1, shape),
            RandomArrays.weights(random, shape));
  }

  @Override
  protected Float64Reference reference() {
    return (loss, in) ->
        References.elementwise(
            in,
            (o, t) -> {
              double p = Math.min(Math.max(o, CLIP), 1 - CLIP);
              return -(t * Math.log(p) + (1 - t) * Math.log(1 - p));
            });
  }
}
