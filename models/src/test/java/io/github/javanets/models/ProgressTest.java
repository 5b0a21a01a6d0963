package io.github.javanets.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A run that makes no progress says so in its result; an ordinary one does not. */
class ProgressTest {
  @Test
  void aClassifierAtLearningRateOneMillionIsReportedAsNoProgress() {
    Dataset data = TestData.blobs(3, 120, 2, 3);
    Classifier net = Classifier.builder().layers(2, "8:tanh", 3).build();
    Map<String, INDArray> initial = net.parameters();

    TrainingResult result =
        net.train(data, TrainOptions.builder().learningRate(1e6).maxUpdates(6).build());

    assertThat(result.history().get(result.history().size() - 1).train().get("xe")).isFinite();
    assertThat(result.improved()).isFalse();
    assertThat(result.bestEpoch()).isZero();
    assertThat(result.warnings().get(0))
        .startsWith("Training made no progress: the best validation loss (")
        .endsWith(
            "), so the model keeps its initial parameters; try a smaller learning rate or another"
                + " algorithm, and check the data.");
    TestData.assertBitIdentical(net.parameters(), initial);
  }

  @Test
  void anOrdinaryRunImprovesWithoutWarnings() {
    Dataset data = TestData.blobs(3, 120, 2, 3);
    Classifier net = Classifier.builder().layers(2, "8:tanh", 3).build();

    TrainingResult result =
        net.train(data, TrainOptions.builder().learningRate(1e-2).maxUpdates(6).build());

    assertThat(result.improved()).isTrue();
    assertThat(result.warnings()).isEmpty();
  }

  @Test
  void aTrainingLossThatRisesIsAWarning() {
    TrainingResult result =
        new TrainingResult(
            List.of(
                new TrainingResult.Epoch(0, Map.of("loss", 1.0), Map.of("loss", 2.0)),
                new TrainingResult.Epoch(1, Map.of("loss", 3.0), Map.of())),
            Map.of("loss", 1.5),
            2,
            "max_updates");

    assertThat(result.improved()).isTrue();
    assertThat(result.warnings())
        .containsExactly(
            "The training loss rose from 1.00000 in epoch 0 to 3.00000 in epoch 1; the learning"
                + " rate may be too high.");
  }
}
