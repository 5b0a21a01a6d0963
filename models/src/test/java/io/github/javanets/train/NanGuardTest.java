package io.github.javanets.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossContext;
import io.github.javanets.models.Dataset;
import io.github.javanets.models.Regressor;
import io.github.javanets.models.TestData;
import io.github.javanets.models.TrainOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class NanGuardTest {
  /** {@code mean(log(t))} plus 0 times the output: -Infinity wherever a target is 0. */
  public static final class LogTarget extends Loss {
    @Override
    public SDVariable compute(LossContext ctx) {
      SDVariable log = ctx.sameDiff().math().log(ctx.target());
      return reduce(ctx, log.add(ctx.output().mul(0.0)));
    }
  }

  @Test
  void aNonFiniteLossTermStopsTrainingBeforeItsGradientIsApplied() {
    Dataset base = TestData.regression(1, 12, 2, 1);
    INDArray poison = TestData.uniform(2, 12, 1, 1, 2);
    poison.putScalar(7, 0, 0.0);
    Dataset data =
        Dataset.builder()
            .inputs(base.inputs())
            .target(base.target())
            .array("poison", poison)
            .build();
    Regressor net = Regressor.builder().layers(2, 3, 1).dataType(DataType.DOUBLE).build();
    net.addLoss(new LogTarget().configure(Map.of("target", "poison", "weight", 0.5)));
    Map<String, INDArray> initial = net.parameters();

    assertThatThrownBy(
            () -> net.train(data, TrainOptions.builder().batchSize(12).maxUpdates(3).build()))
        .isInstanceOf(TrainingDivergedException.class)
        .hasMessage(
            "Training diverged at epoch 0, batch 0: 'logtarget' is -Infinity. Lower the learning"
                + " rate, set maxGradientNorm, or check the data.")
        .extracting(e -> ((TrainingDivergedException) e).term())
        .isEqualTo("logtarget");
    TestData.assertBitIdentical(net.parameters(), initial);
  }

  @Test
  void aDivergingRunNamesEpochBatchAndTermAndKeepsFiniteParameters() {
    Dataset data = TestData.regression(3, 64, 2, 1);
    Regressor net = Regressor.builder().layers(2, 8, 1).build();

    assertThatThrownBy(
            () ->
                net.train(
                    data,
                    TrainOptions.builder()
                        .algorithm("sgd")
                        .learningRate(50)
                        .batchSize(16)
                        .maxUpdates(50)
                        .build()))
        .isInstanceOf(TrainingDivergedException.class)
        .hasMessageMatching(
            "Training diverged at epoch \\d+, batch [0-3]: 'mse' is (NaN|Infinity)\\. Lower the"
                + " learning rate, set maxGradientNorm, or check the data\\.");
    net.parameters()
        .forEach(
            (name, p) ->
                assertThat(java.util.Arrays.stream(TestData.flat(p)).allMatch(Double::isFinite))
                    .as(name)
                    .isTrue());
  }
}
