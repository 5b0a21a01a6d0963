package io.github.javanets.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingSettingsTest {
  private static TrainingSettings withCounts(
      int batchSize, int maxUpdates, int every, int patience) {
    return new TrainingSettings("sgd", 0.1, 0.9, batchSize, maxUpdates, every, patience, 0, 0, 13);
  }

  @Test
  void aCountTheTrainersLoopCannotTakeIsRefusedNamingItAndItsValue() {
    assertThat(withCounts(1, 0, 1, 0).batchSize()).isEqualTo(1);
    assertThatThrownBy(() -> withCounts(0, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Training setting 'batchSize' must be >= 1, got 0.");
    assertThatThrownBy(() -> withCounts(1, -1, 1, 1))
        .hasMessage("Training setting 'maxUpdates' must be >= 0, got -1.");
    assertThatThrownBy(() -> withCounts(1, 1, 0, 1))
        .hasMessage("Training setting 'validateEvery' must be >= 1, got 0.");
    assertThatThrownBy(() -> withCounts(1, 1, 1, -2))
        .hasMessage("Training setting 'patience' must be >= 0, got -2.");
  }

  @Test
  void anEpochsMonitorsAreAnUnmodifiableCopyInOrder() {
    Map<String, Double> train = new HashMap<>(Map.of("loss", 2.0));
    EpochMonitors epoch = new EpochMonitors(3, train, Map.of());
    train.put("err", 1.0);

    assertThat(epoch.train()).containsOnlyKeys("loss");
    assertThatThrownBy(() -> epoch.train().put("x", 0.0))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(epoch).hasToString("epoch 3 train {loss=2.0}");
    assertThat(new EpochMonitors(0, Map.of("loss", 1.0), Map.of("loss", 0.5)))
        .hasToString("epoch 0 train {loss=1.0} valid {loss=0.5}");
  }
}
