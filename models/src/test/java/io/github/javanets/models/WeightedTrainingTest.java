package io.github.javanets.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Weights in training: weight 0 means the element does not exist. */
class WeightedTrainingTest {
  private static final TrainOptions OPTIONS =
      TrainOptions.builder()
          .learningRate(1e-2)
          .batchSize(10)
          .maxUpdates(4)
          .validateEvery(2)
          .build();

  /** Weights in {0, 0.5, 1, 2}: about a quarter of them 0. */
  private static INDArray weights(long seed, long... shape) {
    Random random = new Random(seed);
    double[] choices = {0, 0.5, 1, 2};
    INDArray w = Nd4j.create(DataType.DOUBLE, shape);
    for (long i = 0; i < w.length(); i++) {
      w.putScalar(i, choices[random.nextInt(4)]);
    }
    return w;
  }

  /** {@code clean} where {@code w > 0}, large finite garbage where {@code w == 0}. */
  private static INDArray garbageWhereZero(INDArray clean, INDArray w, long seed) {
    Random random = new Random(seed);
    INDArray dirty = clean.dup();
    for (long i = 0; i < w.length(); i++) {
      if (w.getDouble(i) == 0) {
        dirty.putScalar(i, (random.nextBoolean() ? 1 : -1) * 1e6 * (1 + random.nextDouble()));
      }
    }
    return dirty;
  }

  @Test
  void garbageUnderZeroWeightsLeavesRegressorParametersBitIdentical() {
    Dataset base = TestData.regression(1, 40, 3, 2);
    INDArray w = weights(2, 40, 2);
    INDArray dirty = garbageWhereZero(base.target(), w, 3);
    Regressor clean = weightedRegressor();
    Regressor garbage = weightedRegressor();

    TrainingResult a = clean.train(Dataset.of(base.inputs(), base.target(), w), OPTIONS);
    TrainingResult b = garbage.train(Dataset.of(base.inputs(), dirty, w), OPTIONS);

    assertThat(dirty.amaxNumber().doubleValue()).isGreaterThan(1e6);
    TestData.assertBitIdentical(garbage.parameters(), clean.parameters());
    assertThat(TestData.differ(clean.parameters(), weightedRegressor().parameters())).isTrue();
    assertThat(b.history().get(3).train()).isEqualTo(a.history().get(3).train());
  }

  @Test
  void hugeGarbageUnderZeroWeightsStaysHarmlessInFloat() {
    Dataset base = TestData.regression(1, 40, 3, 2);
    INDArray w = weights(2, 40, 2);
    INDArray dirty = base.target().dup();
    for (long i = 0; i < w.length(); i++) {
      if (w.getDouble(i) == 0) {
        dirty.putScalar(i, 1e20);
      }
    }
    Regressor clean = Regressor.builder().layers(3, 2).weighted(true).build();
    Regressor garbage = Regressor.builder().layers(3, 2).weighted(true).build();

    assertThat(garbage.evaluate(Dataset.of(base.inputs(), dirty, w)))
        .isEqualTo(clean.evaluate(Dataset.of(base.inputs(), base.target(), w)));
    clean.train(Dataset.of(base.inputs(), base.target(), w), OPTIONS);
    garbage.train(Dataset.of(base.inputs(), dirty, w), OPTIONS);
    TestData.assertBitIdentical(garbage.parameters(), clean.parameters());
  }

  private static Regressor weightedRegressor() {
    Regressor net =
        Regressor.builder()
            .layers(3, "6:tanh", 2)
            .loss("mse")
            .loss("mae(weight=0.5)")
            .loss("huber(weight=0.5)")
            .weighted(true)
            .dataType(DataType.DOUBLE)
            .build();
    return net;
  }

  @Test
  void otherLabelsUnderZeroWeightsLeaveClassifierParametersBitIdentical() {
    Dataset base = TestData.blobs(4, 40, 2, 3);
    INDArray w = weights(5, 40);
    INDArray relabelled = base.target().dup();
    for (int i = 0; i < 40; i++) {
      if (w.getDouble(i) == 0) {
        relabelled.putScalar(i, (base.target().getLong(i) + 1) % 3);
      }
    }
    Classifier clean = weightedClassifier();
    Classifier other = weightedClassifier();

    clean.train(Dataset.of(base.inputs(), base.target(), w), OPTIONS);
    other.train(Dataset.of(base.inputs(), relabelled, w), OPTIONS);

    TestData.assertBitIdentical(other.parameters(), clean.parameters());
  }

  private static Classifier weightedClassifier() {
    return Classifier.builder()
        .layers(2, "6:tanh", 3)
        .loss("xe")
        .loss("hinge(margin=1)")
        .weighted(true)
        .dataType(DataType.DOUBLE)
        .build();
  }

  @Test
  void weightsOfOneTrainLikeNoWeights() {
    Dataset base = TestData.regression(6, 40, 3, 2);
    Regressor weighted = weightedRegressor();
    Regressor plain =
        Regressor.builder()
            .layers(3, "6:tanh", 2)
            .loss("mse")
            .loss("mae(weight=0.5)")
            .loss("huber(weight=0.5)")
            .dataType(DataType.DOUBLE)
            .build();

    TrainingResult a =
        weighted.train(
            Dataset.of(base.inputs(), base.target(), Nd4j.onesLike(base.target())), OPTIONS);
    TrainingResult b = plain.train(base, OPTIONS);

    for (int e = 0; e < 4; e++) {
      Map<String, Double> ma = a.history().get(e).train();
      Map<String, Double> mb = b.history().get(e).train();
      assertThat(ma.keySet()).isEqualTo(mb.keySet());
      ma.forEach((k, v) -> assertThat(v).as(k).isCloseTo(mb.get(k), within(1e-10)));
    }
    Map<String, INDArray> pa = weighted.parameters();
    plain
        .parameters()
        .forEach(
            (k, v) -> {
              double[] x = TestData.flat(pa.get(k));
              double[] y = TestData.flat(v);
              for (int i = 0; i < y.length; i++) {
                assertThat(x[i]).as(k).isCloseTo(y[i], within(1e-10));
              }
            });
  }

  @Test
  void weightedMonitorsAreWeightedMeans() {
    Dataset base = TestData.regression(7, 30, 3, 2);
    INDArray w = weights(8, 30, 2);
    Regressor net = weightedRegressor();
    INDArray diff = net.predict(base.inputs()).sub(base.target());

    Map<String, Double> m = net.evaluate(Dataset.of(base.inputs(), base.target(), w));

    double expected =
        diff.mul(diff).muli(w).sumNumber().doubleValue() / w.sumNumber().doubleValue();
    assertThat(m.get("mse")).isCloseTo(expected, within(1e-12));
  }
}
