package io.github.javanets.models.recurrent;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.models.Dataset;
import io.github.javanets.models.TrainOptions;
import io.github.javanets.models.TrainingResult;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Each recurrent form learns a delayed copy, {@code y_t = x_{t-2}}, which needs memory: the mean
 * squared error must fall at least tenfold from the first epoch's.
 */
class RecurrentLearningTest {
  static final int BATCH = 64;
  static final int STEPS = 12;

  @ParameterizedTest
  @ValueSource(strings = {"rnn", "lstm", "gru"})
  void eachFormLearnsADelayedCopy(String form) {
    INDArray x = Sequences.uniform(1, BATCH, STEPS, 2);
    Dataset data = Dataset.of(x, Sequences.delayed(x, 2));
    Regressor net = Regressor.builder().layers(2, "16:" + form, 2).build();
    long start = System.nanoTime();
    TrainingResult result =
        net.train(
            data,
            TrainOptions.builder()
                .algorithm("adam")
                .learningRate(0.02)
                .batchSize(16)
                .maxUpdates(30)
                .validateEvery(100)
                .build());
    long ms = (System.nanoTime() - start) / 1_000_000;
    Map<String, Double> first = result.history().get(0).train();
    Map<String, Double> last = result.history().get(result.history().size() - 1).train();
    System.out.printf(
        "%s: mse %.4f -> %.4f in %d ms (%d epochs)%n",
        form, first.get("mse"), last.get("mse"), ms, result.history().size());
    assertThat(last.get("mse")).isLessThan(first.get("mse") / 10);
  }
}
