package io.github.javanets.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.conventions.ErrorsClasses;
import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossContext;
import io.github.javanets.loss.LossInfo;
import io.github.javanets.loss.LossName;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;

/** Every message of training, with sample values, word for word. */
class ErrorsTest {
  /** A loss with an alias, bound under another name in the test below. */
  @LossName(
      value = "quarter",
      aliases = {"q"})
  public static final class Quarter extends Loss {
    @Override
    public SDVariable compute(LossContext ctx) {
      return reduce(ctx, ctx.output().mul(0.25));
    }
  }

  /** A loss without aliases. */
  public static final class Plain extends Loss {
    @Override
    public SDVariable compute(LossContext ctx) {
      return reduce(ctx, ctx.output());
    }
  }

  @Test
  void everyMethodReturnsTheExceptionToThrow() {
    ErrorsClasses.assertEveryMethodReturnsAnException(Errors.class);
  }

  @Test
  void anUnknownAlgorithmListsTheKnownOnes() {
    assertThat(Errors.unknownAlgorithm(" LBFGS ", List.of("adam", "sgd")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown algorithm ' LBFGS '. Available: adam, sgd.");
    assertThat(Errors.unknownAlgorithm("adam", List.of()))
        .hasMessage("Unknown algorithm 'adam'. Available: .");
  }

  @Test
  void aSettingBelowItsLeastValueIsNamedWithItsValue() {
    assertThat(Errors.settingTooSmall("batchSize", 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Training setting 'batchSize' must be >= 1, got 0.");
    assertThat(Errors.settingTooSmall("patience", -2, 0))
        .hasMessage("Training setting 'patience' must be >= 0, got -2.");
  }

  @Test
  void aLossBoundUnderAnotherNameSaysTheNameToBindItUnder() {
    assertThat(Errors.lossBoundUnderAnotherName("Half", Quarter.class, LossInfo.of(Quarter.class)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The Guice binding of loss 'Half' names "
                + Quarter.class.getName()
                + ", whose name is 'quarter' (aliases [q]); bind it under that name.");
    assertThat(Errors.lossBoundUnderAnotherName("other", Plain.class, LossInfo.of(Plain.class)))
        .hasMessage(
            "The Guice binding of loss 'other' names "
                + Plain.class.getName()
                + ", whose name is 'plain'; bind it under that name.");
  }

  @Test
  void aMonitorThatIsNoScalarIsNamedWithItsShape() {
    assertThat(Errors.monitorNotScalar("acc", new long[] {20, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Monitor 'acc' computed a value of shape [20, 2]; every monitor must be a scalar.");
    assertThat(Errors.monitorNotScalar("loss", new long[0]))
        .hasMessage("Monitor 'loss' computed a value of shape []; every monitor must be a scalar.");
  }

  @Test
  void aDivergedRunNamesTheEpochTheBatchAndTheTerm() {
    TrainingDivergedException term = Errors.trainingDiverged(3, 7, "mse", Double.NaN);
    assertThat(term)
        .hasMessage(
            "Training diverged at epoch 3, batch 7: 'mse' is NaN. Lower the learning rate, set"
                + " maxGradientNorm, or check the data.");
    assertThat(term.epoch()).isEqualTo(3);
    assertThat(term.batch()).isEqualTo(7);
    assertThat(term.term()).isEqualTo("mse");

    TrainingDivergedException objective =
        Errors.trainingDiverged(0, 1, null, Double.NEGATIVE_INFINITY);
    assertThat(objective)
        .hasMessage(
            "Training diverged at epoch 0, batch 1: the objective is -Infinity. Lower the learning"
                + " rate, set maxGradientNorm, or check the data.");
    assertThat(objective.term()).isNull();
  }

  @Test
  void aFailedBatchNamesTheSourceTheBatchAndTheCause() {
    IllegalStateException cause = new IllegalStateException("disk gone");
    BatchFailedException e = Errors.batchFailed("orders.csv", 17, cause);
    assertThat(e).hasMessage("Batch 17 of orders.csv failed: disk gone").hasCause(cause);
    assertThat(e.source()).isEqualTo("orders.csv");
    assertThat(e.batch()).isEqualTo(17);
    assertThat(Errors.batchFailed("s", 0, new NullPointerException()))
        .hasMessage("Batch 0 of s failed: java.lang.NullPointerException");
    assertThat(BatchFailedException.of("s", 2, cause)).hasMessage("Batch 2 of s failed: disk gone");
  }

  @Test
  void streamMessagesNameTheSource() {
    assertThat(Errors.interrupted("orders.csv", 3))
        .isInstanceOf(java.util.concurrent.CancellationException.class)
        .hasMessage("Interrupted while waiting for batch 3 of orders.csv.");
    assertThat(Errors.passWithoutBatches("orders.csv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "A pass of orders.csv gave no batch; a source must give at least one batch per pass.");
    assertThat(Errors.feedWithoutRows(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A batch must have at least 1 row, got 0.");
  }
}
