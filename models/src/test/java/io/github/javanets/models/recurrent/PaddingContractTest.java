package io.github.javanets.models.recurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.javanets.models.Dataset;
import io.github.javanets.models.TestData;
import io.github.javanets.models.TrainOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The padding contract: with weight 0 on padded steps nothing in the padding influences training,
 * and outputs at real steps do not depend on the padded steps after them.
 */
class PaddingContractTest {
  static final int BATCH = 12;
  static final int STEPS = 8;
  static final TrainOptions OPTIONS =
      TrainOptions.builder()
          .algorithm("adam")
          .learningRate(0.01)
          .batchSize(4)
          .maxUpdates(3)
          .build();

  @ParameterizedTest
  @ValueSource(strings = {"rnn", "lstm", "gru"})
  void junkInThePaddingTrainsBitIdenticalParametersToZeros(String form) {
    INDArray x = Sequences.uniform(1, BATCH, STEPS, 3);
    INDArray y = Sequences.uniform(2, BATCH, STEPS, 2);
    int[] lengths = Sequences.lengths(3, BATCH, 3, STEPS);
    INDArray xMask = Sequences.mask(lengths, STEPS, 3);
    INDArray w = Sequences.mask(lengths, STEPS, 2);
    INDArray junkX = Sequences.uniform(4, BATCH, STEPS, 3).muli(1e3);
    INDArray junkY = Sequences.uniform(5, BATCH, STEPS, 2).muli(1e3);
    Dataset zeros =
        Dataset.of(
            Sequences.pad(x, xMask, Nd4j.zeros(DataType.DOUBLE, x.shape())),
            Sequences.pad(y, w, Nd4j.zeros(DataType.DOUBLE, y.shape())),
            w);
    Dataset junk = Dataset.of(Sequences.pad(x, xMask, junkX), Sequences.pad(y, w, junkY), w);

    Regressor a = model(form);
    Regressor b = model(form);
    a.train(zeros, OPTIONS);
    b.train(junk, OPTIONS);

    TestData.assertBitIdentical(b.parameters(), a.parameters());
    assertThat(TestData.differ(a.parameters(), model(form).parameters())).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"rnn", "lstm", "gru"})
  void outputsAtRealStepsIgnoreThePaddedStepsAfterThem(String form) {
    Regressor net = model(form);
    INDArray x = Sequences.uniform(6, BATCH, STEPS, 3);
    INDArray longer = Nd4j.concat(1, x, Sequences.uniform(7, BATCH, 5, 3).muli(100));

    INDArray shortOut = net.predict(x);
    INDArray longOut = Sequences.steps(net.predict(longer), STEPS);

    assertThat(TestData.flat(longOut)).containsExactly(TestData.flat(shortOut));
  }

  @Test
  void aWeightedClassifierIsScoredOnRealStepsOnly() {
    int batch = 48;
    INDArray x = Sequences.uniform(8, batch, STEPS, 2);
    int[] lengths = Sequences.lengths(9, batch, 3, STEPS);
    INDArray w = Sequences.mask(lengths, STEPS, 0);
    // Real steps: the class is whether the previous step's first feature was positive.
    INDArray previous = Sequences.delayed(x, 1);
    INDArray labels = Nd4j.zeros(DataType.INT64, batch, STEPS);
    java.util.Random random = new java.util.Random(10);
    for (int i = 0; i < batch; i++) {
      for (int t = 0; t < STEPS; t++) {
        boolean real = t < lengths[i];
        long label = real ? (previous.getDouble(i, t, 0) > 0 ? 1 : 0) : random.nextInt(2);
        labels.putScalar(new long[] {i, t}, label);
      }
    }
    Classifier clf = Classifier.builder().layers(2, "12:gru", 2).weighted(true).seed(3).build();
    clf.train(
        Dataset.of(x, labels, w),
        TrainOptions.builder()
            .algorithm("adam")
            .learningRate(0.03)
            .batchSize(16)
            .maxUpdates(40)
            .build());

    assertThat(clf.score(x, labels, w)).isGreaterThan(0.95);
    assertThat(clf.score(x, labels, w.rsub(1.0))).isLessThan(0.8);
    assertThat(clf.predict(x).shape()).containsExactly(batch, STEPS);
  }

  @Test
  void anAllPaddingBatchHasLossZero() {
    Regressor net = Regressor.builder().layers(3, "4:rnn", 2).weighted(true).build();
    INDArray x = Sequences.uniform(11, 4, STEPS, 3);
    Map<String, Double> monitors =
        net.evaluate(
            Dataset.of(
                x, Sequences.uniform(12, 4, STEPS, 2), Nd4j.zeros(DataType.DOUBLE, 4, STEPS, 2)));

    assertThat(monitors.get("loss")).isCloseTo(0.0, within(0.0));
  }

  private static Regressor model(String form) {
    return Regressor.builder().layers(3, "5:" + form, "4", 2).weighted(true).seed(7).build();
  }
}
