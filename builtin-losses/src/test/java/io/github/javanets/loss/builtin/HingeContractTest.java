package io.github.javanets.loss.builtin;

import io.github.javanets.loss.TargetKind;
import io.github.javanets.testkit.Float64Reference;
import io.github.javanets.testkit.LossContractTest;
import io.github.javanets.testkit.LossFixture;
import io.github.javanets.testkit.LossInputs;
import io.github.javanets.testkit.RandomArrays;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The loss contract on {@code hinge}: {@code err_i = max(0, max_{j != t_i} (o[i, j] - o[i, t_i] +
 * margin))}, for margins 0 (the default), 1 and 0.3.
 */
class HingeContractTest extends LossContractTest {
  @Override
  protected String lossName() {
    return "hinge";
  }

  @Override
  protected TargetKind targetKind() {
    return TargetKind.LABELS;
  }

  @Override
  protected Map<String, Object> declaredParameters() {
    return Map.of("margin", 0.0);
  }

  @Override
  protected List<String> configurations() {
    return List.of("hinge", "hinge(margin=1)", "hinge(margin=0.3)");
  }

  @Override
  protected List<String> nonDefaultSpecs() {
    return List.of("hinge(margin=1)", "hinge(margin=0.5, weighted=true)");
  }

  @Override
  protected Map<String, String> badParameters() {
    return Map.of("hinge(margin=-1)", "Parameter 'margin' of loss 'hinge' must be >= 0, got -1.0.");
  }

  /** Scores in [-1, 1), labels in [0, k). */
  @Override
  protected LossFixture fixture() {
    return (shape, random) -> {
      long[] labelShape = Arrays.copyOf(shape, shape.length - 1);
      return LossInputs.of(
          RandomArrays.uniform(random, -1, 1, shape),
          RandomArrays.labels(random, (int) shape[shape.length - 1], labelShape),
          RandomArrays.weights(random, labelShape));
    };
  }

  @Override
  protected Float64Reference reference() {
    return (loss, in) -> {
      double margin = (Double) loss.parameter("margin");
      return References.labelled(
          in,
          (o, offset, k, label) -> {
            double worst = 0;
            for (int j = 0; j < k; j++) {
              if (j != label) {
                worst = Math.max(worst, o.flat(offset + j) - o.flat(offset + label) + margin);
              }
            }
            return worst;
          });
    };
  }
}
