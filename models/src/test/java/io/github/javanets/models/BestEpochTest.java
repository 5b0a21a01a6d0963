package io.github.javanets.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link TrainingResult#bestEpoch()} and the history's validations count the same thing: the epochs
 * trained when a validation was measured. Checked on a run whose best epoch is known: its
 * validation targets are what the same model predicts after exactly 2 epochs, so the validation
 * loss is 0 there and only there.
 */
class BestEpochTest {
  private static final Dataset TRAIN = TestData.regression(3, 40, 3, 2);

  private static Regressor model() {
    return Regressor.builder().layers(3, "6:tanh", 2).dataType(DataType.DOUBLE).seed(5).build();
  }

  private static TrainOptions options(int epochs) {
    return TrainOptions.builder()
        .learningRate(2e-2)
        .batchSize(8)
        .maxUpdates(epochs)
        .validateEvery(1)
        .patience(10)
        .build();
  }

  @Test
  void bestEpochKIsTheValidationBeforeEpochKAndTheParametersAfterKEpochs() {
    Regressor twoEpochs = model();
    twoEpochs.train(TRAIN, TRAIN, options(2));
    INDArray afterTwo = twoEpochs.predict(TRAIN.inputs());
    Dataset known = Dataset.of(TRAIN.inputs(), afterTwo);
    Regressor net = model();

    TrainingResult result = net.train(TRAIN, known, options(5));

    assertThat(result.history()).hasSize(5);
    assertThat(result.bestEpoch()).isEqualTo(2);
    assertThat(result.history().get(2).index()).isEqualTo(2);
    assertThat(result.history().get(2).valid()).isEqualTo(result.bestValid());
    assertThat(result.bestValid().get("loss")).isLessThan(1e-20);
    for (int k : new int[] {0, 1, 3, 4}) {
      assertThat(result.history().get(k).valid().get("loss")).as("epoch %d", k).isGreaterThan(1e-8);
    }
    // The kept parameters are those after 2 epochs (0 and 1), bit for bit.
    TestData.assertBitIdentical(net.parameters(), twoEpochs.parameters());
  }

  @Test
  void bestEpochEqualToTheHistorySizeIsTheValidationAfterTheLastEpoch() {
    Regressor net = model();
    Regressor reference = model();
    reference.train(TRAIN, TRAIN, options(3));

    TrainingResult result = net.train(TRAIN, TRAIN, options(3));

    assertThat(result.bestEpoch()).isEqualTo(result.history().size()).isEqualTo(3);
    assertThat(result.bestValid().get("loss"))
        .isCloseTo(net.evaluate(TRAIN).get("loss"), within(1e-12));
    TestData.assertBitIdentical(net.parameters(), reference.parameters());
  }

  @Test
  void bestEpochZeroKeepsTheInitialParameters() {
    Regressor net = model();
    Map<String, INDArray> initial = net.parameters();
    Dataset opposite = Dataset.of(TRAIN.inputs(), TRAIN.target().neg());

    TrainingResult result = net.train(TRAIN, opposite, options(3));

    assertThat(result.bestEpoch()).isZero();
    assertThat(result.history().get(0).valid()).isEqualTo(result.bestValid());
    TestData.assertBitIdentical(net.parameters(), initial);
  }
}
