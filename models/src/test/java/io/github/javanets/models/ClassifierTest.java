package io.github.javanets.models;

import static io.github.javanets.models.TestData.firstTrain;
import static io.github.javanets.models.TestData.lastTrain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.javanets.loss.Loss;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ClassifierTest {
  private static Classifier doubleClassifier(Object... layers) {
    return Classifier.builder().layers(layers).dataType(DataType.DOUBLE).build();
  }

  @Test
  void sizesMakeAClassifierWithCrossEntropyOnASoftmaxOutput() {
    Classifier net = doubleClassifier(4, 8, 3);
    INDArray x = TestData.gaussian(1, 6, 4);

    Map<String, INDArray> out = net.feedForward(x);

    assertThat(new Classifier(4, 8, 3).losses()).extracting(Loss::name).containsExactly("xe");
    assertThat(net.losses()).extracting(Loss::name).containsExactly("xe");
    for (int i = 0; i < 6; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < 3; j++) {
        max = Math.max(max, out.get("out:pre").getDouble(i, j));
      }
      double sum = 0;
      for (int j = 0; j < 3; j++) {
        sum += Math.exp(out.get("out:pre").getDouble(i, j) - max);
      }
      for (int j = 0; j < 3; j++) {
        double p = Math.exp(out.get("out:pre").getDouble(i, j) - max) / sum;
        assertThat(out.get("out:out").getDouble(i, j)).isCloseTo(p, within(1e-12));
      }
    }
    TestData.assertSameBits("probabilities", net.predictProba(x), out.get("out:out"));
  }

  @Test
  void builderTakesLayersWeightsAndSeedAsTheApiShowsThem() {
    Classifier clf =
        Classifier.builder().layers(4, Layer.of(16, "tanh"), 3).weighted(true).seed(13).build();

    assertThat(clf.weighted()).isTrue();
    assertThat(clf.seed()).isEqualTo(13);
    assertThat(clf.losses().get(0).weighted()).isTrue();
    assertThat(clf.layers()).extracting(Layer::toString).containsExactly("4", "16:tanh", "3");
  }

  @Test
  void learnsSeparableBlobs() {
    Dataset data = TestData.blobs(7, 240, 2, 3);
    Classifier net = Classifier.builder().layers(2, 16, 3).build();

    TrainingResult result =
        net.train(
            data,
            TrainOptions.builder().learningRate(3e-2).maxUpdates(15).validateEvery(5).build());

    assertThat(lastTrain(result).get("xe")).isLessThan(firstTrain(result).get("xe") / 10);
    assertThat(lastTrain(result).get("acc")).isGreaterThan(0.97);
    assertThat(net.score(data.inputs(), data.target())).isGreaterThan(0.97);
  }

  @Test
  void predictIsTheFirstArgmaxOfTheProbabilities() {
    Classifier net = doubleClassifier(4, 8, 3);
    INDArray x = TestData.gaussian(2, 30, 4);
    INDArray p = net.predictProba(x);

    INDArray labels = net.predict(x);

    assertThat(labels.dataType()).isEqualTo(DataType.INT64);
    assertThat(labels.shape()).containsExactly(30);
    for (int i = 0; i < 30; i++) {
      int best = 0;
      for (int j = 1; j < 3; j++) {
        if (p.getDouble(i, j) > p.getDouble(i, best)) {
          best = j;
        }
      }
      assertThat(labels.getLong(i)).isEqualTo(best);
    }
  }

  @Test
  void scoreIsTheWeightedAccuracyAndMatchesTheAccMonitor() {
    Classifier net = doubleClassifier(4, 8, 3);
    INDArray x = TestData.gaussian(3, 40, 4);
    INDArray predicted = net.predict(x);
    long[] labels = new long[40];
    double[] w = new double[40];
    double correct = 0;
    double weightedCorrect = 0;
    double weightSum = 0;
    for (int i = 0; i < 40; i++) {
      labels[i] = i % 3;
      w[i] = (i % 5) * 0.5;
      boolean hit = predicted.getLong(i) == labels[i];
      correct += hit ? 1 : 0;
      weightedCorrect += hit ? w[i] : 0;
      weightSum += w[i];
    }
    INDArray y = Nd4j.createFromArray(labels);
    INDArray weights = Nd4j.createFromArray(w);

    assertThat(net.score(x, y)).isCloseTo(correct / 40, within(1e-12));
    assertThat(net.score(x, y, weights)).isCloseTo(weightedCorrect / weightSum, within(1e-12));
    assertThatThrownBy(() -> net.score(x, y, Nd4j.zeros(DataType.DOUBLE, 40)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot score with weights that are all 0 (shape [40]): nothing would be scored; give a"
                + " positive weight to at least one element.");
    assertThat(net.evaluate(Dataset.of(x, y)).get("acc")).isCloseTo(correct / 40, within(1e-12));
  }

  @Test
  void hingeNextToCrossEntropyIsMonitoredUnderItsName() {
    Classifier net = doubleClassifier(2, 8, 3);
    net.addLoss("hinge(margin=1, weight=0.5)");
    Dataset data = TestData.blobs(8, 60, 2, 3);

    Map<String, Double> m = net.evaluate(data);

    assertThat(m.keySet()).containsExactly("loss", "err", "xe", "hinge", "acc");
    assertThat(m.get("loss")).isCloseTo(m.get("xe") + 0.5 * m.get("hinge"), within(1e-12));
  }

  @Test
  void labelsOutsideTheClassesAreRejectedNamingLabelAndPosition() {
    Classifier net = new Classifier(2, 3);
    INDArray x = TestData.gaussian(1, 6, 2);
    TrainOptions options = TrainOptions.builder().maxUpdates(1).build();

    assertThatThrownBy(
            () -> net.train(Dataset.of(x, Nd4j.createFromArray(0L, 1L, 2L, 3L, 0L, 1L)), options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Array 'target' has label 3 at index [3]; labels must be whole numbers in [0, 3) for 3"
                + " classes.");
    assertThatThrownBy(
            () -> net.train(Dataset.of(x, Nd4j.createFromArray(0L, 1L, -1L, 2L, 0L, 1L)), options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Array 'target' has label -1 at index [2]; labels must be whole numbers in [0, 3) for 3"
                + " classes.");
    assertThatThrownBy(
            () ->
                net.train(
                    Dataset.of(x, Nd4j.createFromArray(0.0, 1.5, 2.0, 0.0, 1.0, 2.0)), options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Array 'target' has label 1.5 at index [1]; labels must be whole numbers in [0, 3) for"
                + " 3 classes.");
  }

  @Test
  void labelsAreOnePerRow() {
    Classifier net = new Classifier(2, 3);
    INDArray x = TestData.gaussian(1, 4, 2);

    assertThatThrownBy(
            () ->
                net.train(Dataset.of(x, Nd4j.zeros(DataType.INT64, 4, 1)), TrainOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Array 'target' has shape [4, 1] but loss 'xe' (one class label per row) reading"
                + " output 'out:out' of shape [4, 3] needs [4].");
  }

  @Test
  void lossesOnValuesAreRefusedWithAHint() {
    Classifier net = new Classifier(2, 3);

    assertThatThrownBy(() -> net.addLoss("mse"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Loss 'mse' needs real values as its target, but a Classifier's target holds class"
                + " labels; use a loss on labels such as xe or hinge, or a Regressor.");
    assertThatThrownBy(() -> Classifier.builder().layers(2, 3).loss("mae").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Loss 'mae' needs real values as its target");
    assertThat(net.losses()).extracting(Loss::name).containsExactly("xe");
  }
}
