package io.github.javanets.models;

import static io.github.javanets.models.TestData.assertClose;
import static io.github.javanets.models.TestData.dense;
import static io.github.javanets.models.TestData.firstTrain;
import static io.github.javanets.models.TestData.flat;
import static io.github.javanets.models.TestData.lastTrain;
import static io.github.javanets.models.TestData.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.javanets.loss.Loss;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class RegressorTest {
  private static Regressor doubleRegressor(Object... layers) {
    return Regressor.builder().layers(layers).dataType(DataType.DOUBLE).build();
  }

  @Test
  void sizesMakeARegressorWithTheDefaultLossMse() {
    Regressor net = new Regressor(10, 20, 3);

    assertThat(net.losses()).extracting(Loss::name).containsExactly("mse");
    assertThat(net.layers()).extracting(Layer::toString).containsExactly("10", "20", "3");
    assertThat(net.weighted()).isFalse();
    assertThat(net.dataType()).isEqualTo(DataType.FLOAT);
    assertThat(net.seed()).isEqualTo(TrainOptions.DEFAULT_SEED);
    assertThat(net.outputNames())
        .containsExactly("hid1:out", "hid1:pre", "in:out", "out:out", "out:pre");
    Map<String, INDArray> p = net.parameters();
    assertThat(p.keySet()).containsExactly("hid1.w", "hid1.b", "out.w", "out.b");
    assertThat(p.get("hid1.w").shape()).containsExactly(10, 20);
    assertThat(p.get("hid1.b").shape()).containsExactly(20);
    assertThat(p.get("out.w").shape()).containsExactly(20, 3);
    assertThat(p.get("out.b").shape()).containsExactly(3);
    assertThat(net.predict(TestData.gaussian(1, 5, 10)).shape()).containsExactly(5, 3);
  }

  @Test
  void builderTakesIntsLayersAndTextSpecsAndALoss() {
    Regressor net =
        Regressor.builder().layers(10, Layer.of(20, "tanh"), "7:logistic", 3).loss("mae").build();

    assertThat(net.losses()).extracting(Loss::name).containsExactly("mae");
    assertThat(net.layers())
        .extracting(Layer::toString)
        .containsExactly("10", "20:tanh", "7:logistic", "3");
    assertThat(net.outputNames()).contains("hid2:out", "hid2:pre");
  }

  @Test
  void initialWeightsAreGlorotUniformFromTheSeedAndBiasesAreZero() {
    Regressor a = Regressor.builder().layers(6, 10, 2).seed(5).dataType(DataType.DOUBLE).build();
    Regressor b = Regressor.builder().layers(6, 10, 2).seed(5).dataType(DataType.DOUBLE).build();
    Regressor c = Regressor.builder().layers(6, 10, 2).seed(6).dataType(DataType.DOUBLE).build();

    TestData.assertBitIdentical(a.parameters(), b.parameters());
    assertThat(TestData.differ(a.parameters(), c.parameters())).isTrue();
    double s1 = Math.sqrt(6.0 / (6 + 10));
    double s2 = Math.sqrt(6.0 / (10 + 2));
    assertThat(a.parameters().get("hid1.w").amaxNumber().doubleValue()).isLessThan(s1);
    assertThat(a.parameters().get("out.w").amaxNumber().doubleValue()).isLessThan(s2);
    // Uniform on (-s, s): the largest of 60 draws is close to s.
    assertThat(a.parameters().get("hid1.w").amaxNumber().doubleValue()).isGreaterThan(0.8 * s1);
    assertThat(flat(a.parameters().get("hid1.b"))).containsOnly(0.0);
    assertThat(flat(a.parameters().get("out.b"))).containsOnly(0.0);
  }

  @Test
  void parametersAreACopy() {
    Regressor net = doubleRegressor(3, 2);
    net.parameters().get("out.w").assign(100);

    assertThat(net.parameters().get("out.w").maxNumber().doubleValue()).isLessThan(100);
  }

  @Test
  void feedForwardPublishesEveryOutputOfDenseLayers() {
    Regressor net = doubleRegressor(3, 4, "2:tanh", 2);
    INDArray x = TestData.gaussian(3, 5, 3);
    Map<String, INDArray> p = net.parameters();

    Map<String, INDArray> out = net.feedForward(x);

    assertThat(out.keySet())
        .containsExactly(
            "in:out", "hid1:pre", "hid1:out", "hid2:pre", "hid2:out", "out:pre", "out:out");
    double[][] h0 = rows(x);
    double[][] pre1 = dense(h0, p.get("hid1.w"), p.get("hid1.b"));
    double[][] h1 = map(pre1, v -> Math.max(0, v));
    double[][] pre2 = dense(h1, p.get("hid2.w"), p.get("hid2.b"));
    double[][] h2 = map(pre2, Math::tanh);
    double[][] pre3 = dense(h2, p.get("out.w"), p.get("out.b"));
    assertClose(out.get("in:out"), h0);
    assertClose(out.get("hid1:pre"), pre1);
    assertClose(out.get("hid1:out"), h1);
    assertClose(out.get("hid2:pre"), pre2);
    assertClose(out.get("hid2:out"), h2);
    assertClose(out.get("out:pre"), pre3);
    assertClose(out.get("out:out"), pre3);
    TestData.assertSameBits("prediction", net.predict(x), out.get("out:out"));
  }

  @Test
  void predictionsFollowTheParametersAfterTraining() {
    Regressor net = doubleRegressor(3, 2);
    Dataset data = TestData.regression(2, 16, 3, 2);
    INDArray before = net.predict(data.inputs());

    net.train(data, TrainOptions.builder().learningRate(0.1).maxUpdates(2).build());

    Map<String, INDArray> p = net.parameters();
    double[][] expected = dense(rows(data.inputs()), p.get("out.w"), p.get("out.b"));
    assertClose(net.predict(data.inputs()), expected);
    assertThat(net.predict(data.inputs()).equalsWithEps(before, 1e-3)).isFalse();
  }

  @Test
  void learnsASmoothMapping() {
    Dataset train = TestData.regression(1, 256, 4, 2);
    Dataset valid = TestData.regression(1, 256, 4, 2).rows(192, 256);
    Regressor net = Regressor.builder().layers(4, 16, 2).build();

    TrainingResult result =
        net.train(
            train,
            valid,
            TrainOptions.builder().learningRate(1e-2).maxUpdates(30).validateEvery(5).build());

    assertThat(lastTrain(result).get("loss")).isLessThan(firstTrain(result).get("loss") / 20);
    assertThat(net.score(train.inputs(), train.target())).isGreaterThan(0.97);
    assertThat(result.stopReason()).isEqualTo("max_updates");
  }

  @Test
  void scoreIsTheWeightedCoefficientOfDetermination() {
    Regressor net = doubleRegressor(3, 4, 2);
    INDArray x = TestData.gaussian(4, 20, 3);
    INDArray y = TestData.gaussian(5, 20, 2);
    INDArray w = TestData.uniform(6, 20, 2, 0, 2);
    double[][] p = rows(net.predict(x));
    double[][] t = rows(y);
    double[][] wv = rows(w);

    double residual = 0;
    double total = 0;
    for (int j = 0; j < 2; j++) {
      double sw = 0;
      double swy = 0;
      for (int i = 0; i < 20; i++) {
        sw += wv[i][j];
        swy += wv[i][j] * t[i][j];
      }
      double mean = swy / sw;
      for (int i = 0; i < 20; i++) {
        residual += wv[i][j] * (t[i][j] - p[i][j]) * (t[i][j] - p[i][j]);
        total += wv[i][j] * (t[i][j] - mean) * (t[i][j] - mean);
      }
    }

    assertThat(net.score(x, y, w)).isCloseTo(1 - residual / total, within(1e-12));
    assertThat(net.score(x, y)).isCloseTo(net.score(x, y, Nd4j.onesLike(y)), within(1e-12));
    assertThat(net.score(x, net.predict(x))).isEqualTo(1.0);
  }

  @Test
  void scoreRejectsTargetsAndWeightsOfTheWrongShape() {
    Regressor net = doubleRegressor(3, 2);
    INDArray x = TestData.gaussian(4, 5, 3);

    assertThatThrownBy(() -> net.score(x, TestData.gaussian(5, 5, 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The target has shape [5, 3] but [5, 2] is needed.");
    assertThatThrownBy(() -> net.score(x, TestData.gaussian(5, 5, 2), TestData.gaussian(5, 5, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The weights have shape [5, 1] but [5, 2] is needed.");
  }

  @Test
  void scoreWithWeightsThatAreAllZeroIsAnErrorNotAPerfectScore() {
    Regressor net = doubleRegressor(3, 2);
    INDArray x = TestData.gaussian(4, 5, 3);

    assertThatThrownBy(() -> net.score(x, TestData.gaussian(5, 5, 2), Nd4j.zeros(5, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot score with weights that are all 0 (shape [5, 2]): nothing would be scored; give a"
                + " positive weight to at least one element.");
  }

  @Test
  void predictRejectsInputsOfTheWrongWidth() {
    Regressor net = new Regressor(4, 2);

    assertThatThrownBy(() -> net.predict(TestData.gaussian(1, 3, 5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Inputs have shape [3, 5] but this Regressor takes (N, 4).");
  }

  @Test
  void trainRejectsInputsAndTargetsOfTheWrongShape() {
    Regressor net = new Regressor(4, 2);
    TrainOptions options = TrainOptions.builder().maxUpdates(1).build();

    assertThatThrownBy(() -> net.train(TestData.regression(1, 8, 5, 2), options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The training dataset's 'inputs' have shape [8, 5] but this Regressor takes (N, 4).");
    assertThatThrownBy(
            () ->
                net.train(
                    TestData.regression(1, 8, 4, 2), TestData.regression(1, 8, 4, 3), options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Array 'target' has shape [8, 3] but loss 'mse' reading output 'out:out' of shape [8, 2]"
                + " needs [8, 2].");
  }

  @Test
  void aWeightedRegressorNeedsWeightsShapedLikeItsTarget() {
    Regressor net = Regressor.builder().layers(4, 2).weighted(true).build();

    assertThat(net.losses().get(0).weighted()).isTrue();
    assertThatThrownBy(() -> net.train(TestData.regression(1, 8, 4, 2), TrainOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Loss 'mse' reads dataset array 'weights', which the training dataset lacks. Arrays:"
                + " inputs, target.");
  }

  @Test
  void aModelNeedsLayersAndFloatingPointData() {
    assertThatThrownBy(() -> Regressor.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Regressor needs layers, as in Regressor.builder().layers(4, 16, 3).");
    assertThatThrownBy(() -> Regressor.builder().dataType(DataType.INT32))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A model computes in a floating-point type, not INT.");
  }

  // ---------------------------------------------------------------- helpers

  private static double[][] map(double[][] a, java.util.function.DoubleUnaryOperator f) {
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = java.util.Arrays.stream(a[i]).map(f).toArray();
    }
    return out;
  }
}
