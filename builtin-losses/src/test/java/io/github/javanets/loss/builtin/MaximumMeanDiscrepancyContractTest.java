package io.github.javanets.loss.builtin;

import io.github.javanets.loss.Loss;
import io.github.javanets.loss.TargetKind;
import io.github.javanets.testkit.Float64Reference;
import io.github.javanets.testkit.LossContractTest;
import io.github.javanets.testkit.LossFixture;
import io.github.javanets.testkit.LossInputs;
import io.github.javanets.testkit.RandomArrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The loss contract on {@code mmd}, biased and unbiased, gaussian and imq, weighted, and 3-D (the
 * mean over time steps); see {@link MmdReference}. Rows of unequal count are in {@link
 * MaximumMeanDiscrepancyTest}.
 */
class MaximumMeanDiscrepancyContractTest extends LossContractTest {
  @Override
  protected String lossName() {
    return "mmd";
  }

  @Override
  protected List<String> aliases() {
    return List.of("maximummeandiscrepancy");
  }

  @Override
  protected TargetKind targetKind() {
    return TargetKind.SAMPLES;
  }

  @Override
  protected Map<String, Object> declaredParameters() {
    return Map.of("kernel", "gaussian", "bandwidth", 1.0, "estimator", "biased");
  }

  @Override
  protected List<String> configurations() {
    return List.of(
        "mmd",
        "mmd(estimator=unbiased)",
        "mmd(kernel=imq, bandwidth=0.5)",
        "mmd(kernel=imq, bandwidth=2, estimator=unbiased)");
  }

  @Override
  protected List<String> nonDefaultSpecs() {
    return List.of("mmd(bandwidth=0.5, estimator=unbiased, weight=2.0)", "mmd(kernel=IMQ)");
  }

  @Override
  protected Map<String, String> badParameters() {
    return Map.of(
        "mmd(bandwidth=-1)", "Parameter 'bandwidth' of loss 'mmd' must be > 0, got -1.0.",
        "mmd(kernel=cosine)",
            "Parameter 'kernel' of loss 'mmd' must be one of gaussian, imq, got 'cosine'.",
        "mmd(estimator=fast)",
            "Parameter 'estimator' of loss 'mmd' must be one of biased, unbiased, got 'fast'.");
  }

  /** The unbiased estimator needs two rows: no batch of 1. */
  @Override
  protected List<long[]> shapes(Loss loss) {
    List<long[]> all = super.shapes(loss);
    if (!loss.parameter("estimator").equals("unbiased")) {
      return all;
    }
    return all.stream().filter(s -> s[0] > 1).collect(Collectors.toList());
  }

  /** Output rows from [-1, 1), target rows from the shifted [-0.5, 1.5), as many of each. */
  @Override
  protected LossFixture fixture() {
    return (shape, random) ->
        LossInputs.of(
            RandomArrays.uniform(random, -1, 1, shape),
            RandomArrays.uniform(random, -0.5, 1.5, shape),
            RandomArrays.weights(random, shape));
  }

  @Override
  protected Float64Reference reference() {
    return (loss, in) -> new MmdReference(loss).value(in);
  }
}
