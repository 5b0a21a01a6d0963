package io.github.javanets.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Data a model would use wrongly without a word is an error: weights that no loss reads, weights
 * that are all 0, and datasets without rows.
 */
class DatasetChecksTest {
  private static final TrainOptions OPTIONS = TrainOptions.builder().maxUpdates(1).build();

  private static Dataset weighted(Dataset d, INDArray w) {
    return Dataset.of(d.inputs(), d.target(), w);
  }

  @Test
  void weightsGivenToAnUnweightedModelAreAnErrorNamingTheDataset() {
    Dataset data = TestData.regression(1, 10, 3, 2);
    Dataset withWeights = weighted(data, Nd4j.ones(DataType.DOUBLE, 10, 2));
    Regressor net = new Regressor(3, 4, 2);

    assertThatThrownBy(() -> net.train(withWeights, OPTIONS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The training dataset has weights 'weights' but no loss of this unweighted Regressor"
                + " reads them (losses: mse), so they would be ignored; build the model with"
                + " weighted(true) to use them, or leave them out.");
    assertThatThrownBy(() -> net.train(data, withWeights, OPTIONS))
        .hasMessageStartingWith("The validation dataset has weights 'weights' but no loss");
    assertThatThrownBy(() -> net.evaluate(withWeights))
        .hasMessageStartingWith("The evaluation dataset has weights 'weights' but no loss");
  }

  @Test
  void allZeroWeightsOnTheTrainingSetAreAnError() {
    Dataset data = TestData.regression(1, 10, 3, 2);
    Regressor net = Regressor.builder().layers(3, 4, 2).weighted(true).build();
    Dataset zeros = weighted(data, Nd4j.zeros(DataType.DOUBLE, 10, 2));
    Dataset ones = weighted(data, Nd4j.ones(DataType.DOUBLE, 10, 2));

    assertThatThrownBy(() -> net.train(zeros, OPTIONS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Every weight in the training dataset's 'weights' is 0, so training would change"
                + " nothing; give the examples that count a weight above 0.");
    assertThatThrownBy(() -> net.train(ones, zeros, OPTIONS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Every weight in the validation dataset's 'weights' is 0, so it cannot validate"
                + " (every loss would be 0); give the examples that count a weight above 0.");
  }

  @Test
  void someZeroWeightsAreFine() {
    Regressor net = Regressor.builder().layers(3, 4, 2).weighted(true).build();
    INDArray w = Nd4j.zeros(DataType.DOUBLE, 10, 2);
    w.putScalar(3, 1, 1.0);

    assertThat(net.train(weighted(TestData.regression(1, 10, 3, 2), w), OPTIONS).history())
        .hasSize(1);
  }

  @Test
  void aDatasetWithoutRowsIsAnErrorForTrainingAndEvaluation() {
    Dataset empty =
        Dataset.of(Nd4j.zeros(DataType.DOUBLE, 0, 3), Nd4j.zeros(DataType.DOUBLE, 0, 2));
    Regressor net = new Regressor(3, 4, 2);

    assertThatThrownBy(() -> net.train(empty, OPTIONS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The training dataset is empty: its 'inputs' have shape [0, 3]; give at least one"
                + " row.");
    assertThatThrownBy(() -> net.evaluate(empty))
        .hasMessageStartingWith("The evaluation dataset is empty");
  }

  @Test
  void sequencesWithoutStepsAreAnError() {
    var net = io.github.javanets.models.recurrent.Regressor.builder().layers(2, "3:gru", 1).build();
    Dataset empty =
        Dataset.of(Nd4j.zeros(DataType.DOUBLE, 4, 0, 2), Nd4j.zeros(DataType.DOUBLE, 4, 0, 1));

    assertThatThrownBy(() -> net.train(empty, OPTIONS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The training dataset is empty: its 'inputs' have shape [4, 0, 2]; give at least one"
                + " sequence of at least one step.");
  }
}
