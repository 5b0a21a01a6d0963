package io.github.javanets.testkit;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Arrays;
import java.util.Random;
import org.apiguardian.api.API;

/**
 * Makes valid random inputs of one loss for {@link LossContractTest}: the outputs it reads, a
 * target and positive weights, for a given output shape.
 *
 * <p>Inputs must be valid for the loss (labels in range, probabilities in {@code (0, 1)}, ...) and
 * should keep clear of the points where the loss is not differentiable (for {@code abs(o - t)},
 * keep {@code o - t} away from 0), because the contract checks gradients by central differences
 * with a step of {@value GradientCheck#STEP}.
 */
@FunctionalInterface
@API(status = STABLE, since = "0.1")
public interface LossFixture {
  /**
   * Makes inputs.
   *
   * @param outputShape the shape of the main output, 2-D {@code (N, k)} or 3-D {@code (N, T, k)};
   *     not null
   * @param random the only source of randomness, so that inputs are reproducible; not null
   * @return the inputs: weights with the target's shape, every weight &gt; 0; never null
   */
  LossInputs inputs(long[] outputShape, Random random);

  /**
   * A fixture for a loss on real values reading one output: output and target drawn uniformly from
   * {@code [low, high)}, each of the output's shape.
   *
   * @param low the smallest value
   * @param high the bound of the values, {@code > low}
   * @return the fixture; never null
   */
  static LossFixture realValues(double low, double high) {
    return (shape, random) ->
        LossInputs.of(
            RandomArrays.uniform(random, low, high, shape),
            RandomArrays.uniform(random, low, high, shape),
            RandomArrays.weights(random, shape));
  }

  /**
   * A fixture for a loss on class labels reading one output: class probabilities ({@link
   * RandomArrays#distributions}) and labels in {@code [0, k)}, one per row.
   *
   * @return the fixture; never null
   */
  static LossFixture classProbabilities() {
    return (shape, random) -> {
      long[] labelShape = Arrays.copyOf(shape, shape.length - 1);
      return LossInputs.of(
          RandomArrays.distributions(random, shape),
          RandomArrays.labels(random, (int) shape[shape.length - 1], labelShape),
          RandomArrays.weights(random, labelShape));
    };
  }
}
