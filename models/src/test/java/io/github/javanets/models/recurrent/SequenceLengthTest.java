package io.github.javanets.models.recurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.javanets.models.Dataset;
import io.github.javanets.models.TestData;
import io.github.javanets.models.TrainOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Models train on sequences of one length and predict on another. */
class SequenceLengthTest {
  @ParameterizedTest
  @ValueSource(strings = {"rnn", "lstm", "gru"})
  void aModelTrainedOnTwelveStepsPredictsThirty(String form) {
    INDArray x = Sequences.uniform(1, 32, 12, 2);
    Regressor net = Regressor.builder().layers(2, "8:" + form, 2).build();
    net.train(
        Dataset.of(x, Sequences.delayed(x, 1)),
        TrainOptions.builder()
            .algorithm("adam")
            .learningRate(0.02)
            .batchSize(16)
            .maxUpdates(20)
            .build());
    INDArray longer = Sequences.uniform(2, 5, 30, 2);

    INDArray y = net.predict(longer);

    assertThat(y.shape()).containsExactly(5, 30, 2);
    assertThat(TestData.flat(Sequences.steps(y, 12)))
        .containsExactly(TestData.flat(net.predict(Sequences.steps(longer, 12))));
    assertThat(net.score(longer, Sequences.delayed(longer, 1), null)).isGreaterThan(0.5);
  }

  @ParameterizedTest
  @ValueSource(strings = {"lstm", "gru"})
  void lstmAndGruValidateOnAnotherLength(String form) {
    INDArray x = Sequences.uniform(3, 8, 6, 2);
    INDArray v = Sequences.uniform(4, 8, 9, 2);
    Regressor net = Regressor.builder().layers(2, "4:" + form, 2).build();

    net.train(
        Dataset.of(x, x),
        Dataset.of(v, v),
        TrainOptions.builder().maxUpdates(2).validateEvery(1).build());

    assertThat(net.evaluate(Dataset.of(v, v))).containsKey("mse");
  }

  @org.junit.jupiter.api.Test
  void anRnnNetworkRefusesValidationSequencesOfAnotherLength() {
    INDArray x = Sequences.uniform(3, 8, 6, 2);
    INDArray v = Sequences.uniform(4, 8, 9, 2);
    Regressor net = Regressor.builder().layers(2, "4:rnn", 2).build();

    assertThatThrownBy(
            () -> net.train(Dataset.of(x, x), Dataset.of(v, v), TrainOptions.builder().build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The validation sequences have 9 steps but the training ones 6; a network with rnn"
                + " layers trains one graph unrolled over one length. Pad both to one length and"
                + " give the padding weight 0.");
  }
}
