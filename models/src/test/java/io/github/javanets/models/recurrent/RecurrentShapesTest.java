package io.github.javanets.models.recurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.javanets.models.Dataset;
import io.github.javanets.models.TestData;
import io.github.javanets.models.TrainOptions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Bad shapes and layers fail with messages that say what is expected. */
class RecurrentShapesTest {
  @Test
  void twoDimensionalDataToARecurrentModelSaysItTakesSequences() {
    Regressor net = Regressor.builder().layers(3, "4:rnn", 2).build();
    INDArray rows = TestData.gaussian(1, 10, 3);

    assertThatThrownBy(() -> net.train(Dataset.of(rows, TestData.gaussian(2, 10, 2)), opts()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The training dataset's 'inputs' have shape [10, 3] but this recurrent.Regressor"
                + " takes (batch, time, 3) sequences.");
    assertThatThrownBy(() -> net.predict(rows))
        .hasMessage(
            "Inputs have shape [10, 3] but this recurrent.Regressor takes (batch, time, 3)"
                + " sequences.");
  }

  @Test
  void labelsOfTheWrongShapeAreRefusedWithTheShapeNeeded() {
    Classifier clf = Classifier.builder().layers(3, "4:gru", 2).build();
    INDArray x = Sequences.uniform(1, 5, 6, 3);

    assertThatThrownBy(() -> clf.train(Dataset.of(x, Nd4j.zeros(DataType.INT64, 5)), opts()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[5]")
        .hasMessageContaining("[5, 6]");
  }

  @Test
  void anLstmOrGruOutputLayerCannotComputeSoftmax() {
    assertThatThrownBy(() -> Classifier.builder().layers(3, "4:lstm").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Layer '4:lstm' (out) would compute softmax, which the lstm op cannot. Accepted:"
                + " linear, relu, logistic, tanh, softplus. For a softmax or another output, end"
                + " the network with a dense layer, as in layers(3, \"16:lstm\", 2).");
    assertThatThrownBy(() -> Regressor.builder().layers(3, "4:gru:relu", 2).build())
        .hasMessageStartingWith(
            "Layer '4:gru:relu' (hid1) would compute relu, which the gru op cannot. Accepted:"
                + " tanh.");
  }

  @Test
  void recurrentLayersDefaultToTanhAndPublishTheirOutputs() {
    Regressor net = Regressor.builder().layers(3, "4:lstm", "5:rnn", 6, 2).build();

    assertThat(net.outputNames())
        .contains("hid1:cell", "hid1:out", "hid2:pre", "hid3:out", "out:out");
    assertThat(net.parameters().get("hid1.w").shape()).containsExactly(3, 16);
    assertThat(net.parameters().get("hid1.u").shape()).containsExactly(4, 16);
    assertThat(net.parameters().get("hid2.u").shape()).containsExactly(5, 5);
    INDArray x = Sequences.uniform(1, 2, 3, 3);
    var out = net.feedForward(x);
    assertThat(out.get("hid1:cell").shape()).containsExactly(2, 4);
    assertThat(out.get("hid2:out").shape()).containsExactly(2, 3, 5);
    assertThat(TestData.flat(out.get("hid2:out")))
        .containsExactly(
            TestData.flat(org.nd4j.linalg.ops.transforms.Transforms.tanh(out.get("hid2:pre"))));
  }

  @Test
  void theContractivePenaltyIsRefusedForRecurrentLayers() {
    Regressor net = Regressor.builder().layers(3, "4:rnn", 2).build();
    INDArray x = Sequences.uniform(1, 4, 3, 3);

    assertThatThrownBy(
            () ->
                net.train(
                    Dataset.of(x, Sequences.uniform(2, 4, 3, 2)),
                    TrainOptions.builder().regularizer("contractive", 0.1).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Regularizer 'contractive' needs dense hidden layers, but layer 'hid1' is rnn; train"
                + " this network without it.");
  }

  @Test
  void weightRegularizersCoverRecurrentWeights() {
    INDArray x = Sequences.uniform(1, 4, 3, 3);
    Regressor net = Regressor.builder().layers(3, "4:gru", 2).dataType(DataType.DOUBLE).build();
    var p = net.parameters();
    double expected =
        p.get("hid1.w").mul(p.get("hid1.w")).meanNumber().doubleValue()
            + p.get("hid1.u").mul(p.get("hid1.u")).meanNumber().doubleValue()
            + p.get("out.w").mul(p.get("out.w")).meanNumber().doubleValue();

    var result =
        net.train(
            Dataset.of(x, Sequences.uniform(2, 4, 3, 2)),
            TrainOptions.builder().regularizer("weight_l2", 1.0).maxUpdates(1).build());

    assertThat(result.history().get(0).valid().get("weight_l2"))
        .isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-12));
  }

  private static TrainOptions opts() {
    return TrainOptions.builder().maxUpdates(1).build();
  }

  @Test
  void gatedLayersOfOneUnitAreRefused() {
    assertThatThrownBy(
            () ->
                io.github.javanets.models.recurrent.Regressor.builder()
                    .layers(1, "1:gru", 1)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Layer '1:gru' (hid1) has 1 unit; lstm and gru layers need at least 2 (the 1.0.0-M2.1"
                + " ops fail on one). Use 2 units, or an rnn layer.");
    assertThatThrownBy(
            () ->
                io.github.javanets.models.recurrent.Regressor.builder()
                    .layers(2, 1, "1:lstm")
                    .build())
        .hasMessageStartingWith("Layer '1:lstm' (out) has 1 unit;");
  }
}
