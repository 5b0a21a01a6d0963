package io.github.javanets.testkit;

import java.util.List;
import java.util.Map;

/** The whole contract on a loss from outside the project: what a loss author writes. */
class ScaledSquareContractTest extends LossContractTest {
  @Override
  protected String lossName() {
    return "scaledsquare";
  }

  @Override
  protected LossFixture fixture() {
    return LossFixture.realValues(-1, 1);
  }

  @Override
  protected Float64Reference reference() {
    return (loss, in) -> squaredError(in, (Double) loss.parameter("scale"));
  }

  /** {@code scale (o - t)^2} reduced by rules 2-3, in loops. */
  static double squaredError(Float64Inputs in, double scale) {
    double sum = 0;
    double total = 0;
    for (int i = 0; i < in.output().length(); i++) {
      double e = in.output().flat(i) - in.target().flat(i);
      double w = in.weighted() ? in.weights().flat(i) : 1;
      sum += w * scale * e * e;
      total += w;
    }
    return total == 0 ? 0 : sum / total;
  }

  @Override
  protected List<String> aliases() {
    return List.of("scaled_square");
  }

  @Override
  protected Map<String, Object> declaredParameters() {
    return Map.of("scale", 1.0);
  }

  @Override
  protected List<String> configurations() {
    return List.of("scaledsquare", "scaledsquare(scale=2.5)");
  }

  @Override
  protected Map<String, String> badParameters() {
    return Map.of(
        "scaledsquare(scale=0)", "Parameter 'scale' of loss 'scaledsquare' must be > 0, got 0.0.");
  }
}
