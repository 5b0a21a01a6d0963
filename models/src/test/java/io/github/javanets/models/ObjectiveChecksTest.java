package io.github.javanets.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossContext;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A training objective that cannot be trained is an error naming the losses at fault: a loss whose
 * compute returns a non-scalar or null, or an objective without a gradient (a piecewise constant
 * loss alone, or every loss of weight 0).
 */
class ObjectiveChecksTest {
  private static final TrainOptions OPTIONS =
      TrainOptions.builder().batchSize(32).maxUpdates(2).build();

  /** The per-element error, not reduced: a plugin author's mistake. */
  public static final class Elementwise extends Loss {
    @Override
    public SDVariable compute(LossContext ctx) {
      return ctx.output().sub(ctx.target());
    }
  }

  /** Returns null. */
  public static final class Nothing extends Loss {
    @Override
    public SDVariable compute(LossContext ctx) {
      return null;
    }
  }

  /** The fraction of positive outputs, as the plugin example's {@code step}: no gradient. */
  public static final class Step extends Loss {
    @Override
    public SDVariable compute(LossContext ctx) {
      SDVariable step = ctx.output().gt(0.0).castTo(ctx.output().dataType());
      return reduce(ctx, step);
    }
  }

  private static Regressor regressor() {
    return Regressor.builder().layers(3, 4, 2).dataType(DataType.DOUBLE).build();
  }

  @Test
  void aLossThatComputesANonScalarFailsBeforeAnyUpdateNamingItsClassAndTheShape() {
    Regressor net = regressor();
    net.addLoss(new Elementwise());
    Map<String, INDArray> before = net.parameters();

    assertThatThrownBy(() -> net.train(TestData.regression(1, 20, 3, 2), OPTIONS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Loss 'elementwise' ("
                + Elementwise.class.getName()
                + ") computed a value of shape [20, 2]; compute must return a scalar, such as"
                + " reduce(ctx, err) of the per-element error err.");
    TestData.assertBitIdentical(net.parameters(), before);
    assertThatThrownBy(() -> net.evaluate(TestData.regression(1, 20, 3, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Loss 'elementwise' (");
  }

  @Test
  void aLossWhoseComputeReturnsNullIsNamedWithItsClass() {
    Regressor net = regressor();
    net.setLoss(new Nothing());

    assertThatThrownBy(() -> net.train(TestData.regression(1, 20, 3, 2), OPTIONS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Loss 'nothing' ("
                + Nothing.class.getName()
                + ") returned null from compute; compute must return a scalar, such as"
                + " reduce(ctx, err) of the per-element error err.");
  }

  @Test
  void aLossWithoutGradientAloneCannotBeTrainedAndTheMessageSaysHowToMonitorIt() {
    Regressor net = regressor();
    net.setLoss(new Step());

    assertThatThrownBy(() -> net.train(TestData.regression(1, 20, 3, 2), OPTIONS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Nothing to train: loss 'step' ("
                + Step.class.getName()
                + ") has no gradient with respect to any parameter (piecewise constant or not"
                + " differentiable), so it cannot be optimised. Keep such a loss as a monitor of"
                + " weight 0 beside a loss that can be optimised: addLoss(\"step(weight=0)\")"
                + " beside mse, say (command line: --loss mse --loss step:weight=0).");
    // Evaluating it is fine: it is a monitor.
    assertThat(net.evaluate(TestData.regression(1, 20, 3, 2))).containsKey("step");
  }

  @Test
  void aLossWithoutGradientBesideOnesOfWeightZeroIsNamedWithThem() {
    Regressor net = regressor();
    net.losses().get(0).setWeight(0);
    net.addLoss(new Step());

    assertThatThrownBy(() -> net.train(TestData.regression(1, 20, 3, 2), OPTIONS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loss 'step' (" + Step.class.getName() + ") has no gradient")
        .hasMessageContaining(", and 'mse' (")
        .hasMessageContaining(") weight 0, so it cannot be optimised.");
  }

  @Test
  void everyLossOfWeightZeroIsNothingToTrain() {
    Classifier net = Classifier.builder().layers(2, 3, 2).loss("xe(weight=0)").build();

    assertThatThrownBy(() -> net.train(TestData.blobs(1, 20, 2, 2), OPTIONS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Nothing to train: every loss has weight 0 ('xe' (")
        .hasMessageEndingWith(
            ") and no regularizer adds a penalty. Give a loss a weight other than 0.");
  }

  @Test
  void aLossWithoutGradientTrainsAsAMonitorBesideOneThatHasOne() {
    Regressor net = regressor();
    net.addLoss(new Step().configure(Map.of("weight", 0.0)));
    Map<String, INDArray> before = net.parameters();

    TrainingResult result = net.train(TestData.regression(1, 20, 3, 2), OPTIONS);

    assertThat(result.history().get(0).train()).containsKeys("mse", "step");
    assertThat(TestData.differ(net.parameters(), before)).isTrue();
  }

  @Test
  void aPenaltyAloneIsSomethingToTrain() {
    Regressor net = regressor();
    net.setLoss(new Step());

    TrainingResult result =
        net.train(
            TestData.regression(1, 20, 3, 2),
            TrainOptions.builder().maxUpdates(2).regularizer("weight_l2", 0.1).build());

    assertThat(result.history()).hasSize(2);
  }
}
