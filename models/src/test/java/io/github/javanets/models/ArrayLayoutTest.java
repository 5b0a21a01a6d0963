package io.github.javanets.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Views, 'f'-order arrays and empty arrays work wherever an array enters a model: the results of a
 * view are those of its copy, bit for bit, and empty inputs give empty outputs.
 */
class ArrayLayoutTest {
  /** Columns {@code [from, to)} of {@code a}: a strided view. */
  private static INDArray columns(INDArray a, long from, long to) {
    return a.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to));
  }

  private static void assertSameBits(INDArray actual, INDArray expected) {
    assertThat(actual.shape()).isEqualTo(expected.shape());
    assertThat(TestData.flat(actual)).isEqualTo(TestData.flat(expected));
  }

  @Test
  void trainingOnColumnViewsGivesTheParametersOfTrainingOnCopies() {
    INDArray table = TestData.gaussian(1, 70, 6);
    INDArray x = columns(table, 0, 4);
    INDArray y = columns(table, 4, 6);
    TrainOptions options = TrainOptions.builder().batchSize(16).maxUpdates(3).build();
    Regressor onViews = new Regressor(4, 5, 2);
    Regressor onCopies = new Regressor(4, 5, 2);

    onViews.train(Dataset.of(x, y), Dataset.of(x.dup('f'), y), options);
    onCopies.train(Dataset.of(x.dup(), y.dup()), Dataset.of(x.dup(), y.dup()), options);

    TestData.assertBitIdentical(onViews.parameters(), onCopies.parameters());
    assertThat(onViews.evaluate(Dataset.of(x, y))).isEqualTo(onCopies.evaluate(Dataset.of(x, y)));
  }

  @Test
  void predictScoreAndFeedForwardOnViewsAndFOrderAreThoseOfCopies() {
    INDArray table = TestData.gaussian(2, 40, 9);
    INDArray x = columns(table, 1, 5);
    INDArray labels = Nd4j.createFromArray(new long[] {0, 1, 2, 1, 0, 2, 1, 0, 2, 1});
    INDArray rows = table.get(NDArrayIndex.interval(30, 40), NDArrayIndex.interval(1, 5));
    Classifier clf = Classifier.builder().layers(4, 6, 3).dataType(DataType.DOUBLE).build();

    for (INDArray in : List.of(x, x.dup('f'))) {
      assertSameBits(clf.predictProba(in), clf.predictProba(x.dup()));
      assertSameBits(clf.predict(in), clf.predict(x.dup()));
      Map<String, INDArray> all = clf.feedForward(in);
      clf.feedForward(x.dup()).forEach((name, a) -> assertSameBits(all.get(name), a));
    }
    assertSameBits(clf.predictProba(rows), clf.predictProba(rows.dup()));
    INDArray weights = columns(TestData.uniform(3, 10, 3, 0, 1), 1, 2).reshape(10);
    assertThat(clf.score(rows, labels.dup('f'), weights))
        .isEqualTo(clf.score(rows.dup(), labels, weights.dup()));
  }

  @Test
  void encodeAndDecodeOnViewsAreThoseOfCopies() {
    INDArray table = TestData.gaussian(4, 12, 10);
    Autoencoder ae = Autoencoder.builder().layers(6, 3, 6).dataType(DataType.DOUBLE).build();
    INDArray x = columns(table, 2, 8);
    INDArray z = columns(table, 0, 3);

    assertSameBits(ae.encode(x), ae.encode(x.dup()));
    assertSameBits(ae.decode(z), ae.decode(z.dup()));
    assertSameBits(ae.decode(z.dup('f')), ae.decode(z.dup()));
    assertThat(ae.score(x)).isEqualTo(ae.score(x.dup()));
  }

  @Test
  void emptyInputsGiveEmptyOutputsWithoutRunningTheGraph() {
    Classifier clf = new Classifier(4, 6, 3);
    Autoencoder ae = new Autoencoder(6, 3, 6);
    INDArray none = Nd4j.zeros(DataType.FLOAT, 0, 4);

    assertThat(clf.predictProba(none).shape()).containsExactly(0, 3);
    assertThat(clf.predict(none).shape()).containsExactly(0);
    assertThat(clf.predict(none).dataType()).isEqualTo(DataType.INT64);
    Map<String, INDArray> all = clf.feedForward(none);
    assertThat(all.keySet()).containsExactlyElementsOf(clf.feedForward(Nd4j.ones(1, 4)).keySet());
    assertThat(all.get("hid1:pre").shape()).containsExactly(0, 6);
    assertThat(ae.encode(Nd4j.zeros(DataType.FLOAT, 0, 6)).shape()).containsExactly(0, 3);
    assertThat(ae.decode(Nd4j.zeros(DataType.FLOAT, 0, 3)).shape()).containsExactly(0, 6);
  }

  @Test
  void emptySequencesGiveEmptyOutputs() {
    var lstm =
        io.github.javanets.models.recurrent.Classifier.builder().layers(2, "5:lstm", 3).build();
    var rnn =
        io.github.javanets.models.recurrent.Autoencoder.builder().layers(2, "4:rnn", 2).build();

    assertThat(lstm.predictProba(Nd4j.zeros(DataType.FLOAT, 0, 7, 2)).shape())
        .containsExactly(0, 7, 3);
    assertThat(lstm.predict(Nd4j.zeros(DataType.FLOAT, 3, 0, 2)).shape()).containsExactly(3, 0);
    assertThat(lstm.feedForward(Nd4j.zeros(DataType.FLOAT, 0, 7, 2)).get("hid1:cell").shape())
        .containsExactly(0, 5);
    assertThat(rnn.encode(Nd4j.zeros(DataType.FLOAT, 0, 5, 2)).shape()).containsExactly(0, 5, 4);
    assertThat(rnn.decode(Nd4j.zeros(DataType.FLOAT, 0, 5, 4)).shape()).containsExactly(0, 5, 2);
  }

  @Test
  void scoringNoRowsIsAnError() {
    Regressor reg = new Regressor(4, 2);
    Classifier clf = new Classifier(4, 3);

    assertThatThrownBy(
            () -> reg.score(Nd4j.zeros(DataType.FLOAT, 0, 4), Nd4j.zeros(DataType.FLOAT, 0, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot score an empty set: the target has shape [0, 2]; give at least one row.");
    assertThatThrownBy(
            () -> clf.score(Nd4j.zeros(DataType.FLOAT, 0, 4), Nd4j.zeros(DataType.INT64, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot score an empty set: the labels have shape [0]; give at least one row.");
  }
}
