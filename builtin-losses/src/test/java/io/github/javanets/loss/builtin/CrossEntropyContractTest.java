package io.github.javanets.loss.builtin;

import io.github.javanets.loss.TargetKind;
import io.github.javanets.testkit.Float64Reference;
import io.github.javanets.testkit.LossContractTest;
import io.github.javanets.testkit.LossFixture;
import java.util.List;

/**
 * The loss contract on {@code xe} over class probabilities (its clipped form): {@code err_i =
 * -log(clip(p[i, t_i], 1e-8, 1))}, one weight per label. The log-softmax form is in {@link
 * CrossEntropyTest}.
 */
class CrossEntropyContractTest extends LossContractTest {
  private static final double CLIP = 1e-8;

  @Override
  protected String lossName() {
    return "xe";
  }

  @Override
  protected List<String> aliases() {
    return List.of("crossentropy", "cross_entropy", "categorical_crossentropy");
  }

  @Override
  protected TargetKind targetKind() {
    return TargetKind.LABELS;
  }

  @Override
  protected LossFixture fixture() {
    return LossFixture.classProbabilities();
  }

  @Override
  protected Float64Reference reference() {
    return (loss, in) ->
        References.labelled(
            in,
            (o, offset, k, label) ->
                -Math.log(Math.min(Math.max(o.flat(offset + label), CLIP), 1)));
  }
}
