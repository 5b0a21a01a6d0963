package io.github.javanets.loss.builtin;

import io.github.javanets.testkit.Float64Reference;
import io.github.javanets.testkit.LossContractTest;
import io.github.javanets.testkit.LossFixture;
import io.github.javanets.testkit.LossInputs;
import io.github.javanets.testkit.RandomArrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The loss contract on {@code mae}: {@code abs(o - t)}, rules 2-3. */
class MeanAbsoluteErrorContractTest extends LossContractTest {
  @Override
  protected String lossName() {
    return "mae";
  }

  @Override
  protected List<String> aliases() {
    return List.of("meanabsoluteerror", "mean_absolute_error");
  }

  /** Targets at least 0.1 from the outputs, clear of the kink of abs at 0. */
  @Override
  protected LossFixture fixture() {
    return (shape, random) -> {
      INDArray o = RandomArrays.uniform(random, -1, 1, shape);
      INDArray t = o.add(RandomArrays.signed(random, 0.1, 1, shape));
      return LossInputs.of(o, t, RandomArrays.weights(random, shape));
    };
  }

  @Override
  protected Float64Reference reference() {
    return (loss, in) -> References.elementwise(in, (o, t) -> Math.abs(o - t));
  }
}
