package io.github.javanets.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.train.EpochMonitors;
import io.github.javanets.train.Trainers;
import io.github.javanets.train.TrainingListener;
import io.github.javanets.train.TrainingRun;
import io.github.javanets.train.TrainingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Sgd;

/** What the trainer reads of a model's options, and what a model's result holds of a run. */
class TrainingAdapterTest {
  @Test
  void theTrainersSettingsAreTheOptionsValuesAllButTheRegularizers() {
    TrainOptions options =
        TrainOptions.builder()
            .algorithm(" NAG ")
            .learningRate(0.25)
            .momentum(0.5)
            .batchSize(7)
            .maxUpdates(11)
            .validateEvery(3)
            .patience(4)
            .minImprovement(0.01)
            .maxGradientNorm(2.5)
            .seed(99)
            .regularizer("weight_l2", 1e-4)
            .build();

    assertThat(TrainingAdapter.settings(options))
        .isEqualTo(new TrainingSettings("nag", 0.25, 0.5, 7, 11, 3, 4, 0.01, 2.5, 99));
  }

  /** Records the epochs a listener is told of, and the run's history at the end. */
  private static final class Recorder implements TrainingListener {
    final List<EpochMonitors> told = new ArrayList<>();
    List<EpochMonitors> atEnd;

    @Override
    public void onEpoch(TrainingRun run, EpochMonitors epoch) {
      told.add(epoch);
    }

    @Override
    public void onEnd(TrainingRun run) {
      atEnd = List.copyOf(run.history());
    }
  }

  @Test
  void aListenerIsToldOfTheEpochsTheResultHolds() {
    Recorder recorder = new Recorder();
    Trainers trainers =
        new Trainers(Map.of("sgd", s -> new Sgd(s.learningRate())), Set.of(recorder));
    Regressor net =
        Regressor.builder().layers(2, 3, 1).dataType(DataType.DOUBLE).trainers(trainers).build();

    TrainingResult result =
        net.train(
            TestData.regression(8, 20, 2, 1),
            TrainOptions.builder()
                .algorithm("sgd")
                .learningRate(0.1)
                .batchSize(8)
                .maxUpdates(4)
                .validateEvery(2)
                .build());

    assertThat(recorder.told).hasSize(4).isEqualTo(recorder.atEnd);
    for (int e = 0; e < 4; e++) {
      EpochMonitors told = recorder.told.get(e);
      TrainingResult.Epoch held = result.history().get(e);
      assertThat(told.index()).isEqualTo(held.index()).isEqualTo(e);
      assertThat(told.train()).isEqualTo(held.train()).containsOnlyKeys("loss", "err", "mse");
      assertThat(told.valid()).isEqualTo(held.valid());
      assertThat(told.toString()).isEqualTo(held.toString());
    }
    assertThat(result.history().get(1).valid()).isEmpty();
    assertThat(result.history().get(2).valid()).containsOnlyKeys("loss", "err", "mse");
  }
}
