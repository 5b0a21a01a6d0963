package io.github.javanets.models;

import static io.github.javanets.models.TestData.assertClose;
import static io.github.javanets.models.TestData.firstTrain;
import static io.github.javanets.models.TestData.lastTrain;
import static io.github.javanets.models.TestData.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.javanets.loss.Loss;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class AutoencoderTest {
  private static Autoencoder doubleAutoencoder(Object... layers) {
    return Autoencoder.builder().layers(layers).dataType(DataType.DOUBLE).build();
  }

  @Test
  void defaultLossIsMseAgainstItsOwnInput() {
    Autoencoder net = doubleAutoencoder(6, 3, 6);
    INDArray x = TestData.gaussian(1, 20, 6);
    INDArray diff = net.predict(x).sub(x);

    Map<String, Double> m = net.evaluate(Dataset.of(x));

    assertThat(new Autoencoder(6, 3, 6).losses()).extracting(Loss::name).containsExactly("mse");
    assertThat(m.get("mse")).isCloseTo(diff.mul(diff).meanNumber().doubleValue(), within(1e-12));
    assertThat(m.get("loss")).isEqualTo(m.get("mse"));
  }

  @Test
  void learnsDataOnALowDimensionalPlane() {
    INDArray x = TestData.lowRank(2, 256, 8, 3);
    Autoencoder net = Autoencoder.builder().layers(8, "3:linear", 8).build();

    TrainingResult result =
        net.train(
            Dataset.of(x),
            TrainOptions.builder().learningRate(2e-2).maxUpdates(25).validateEvery(5).build());

    assertThat(lastTrain(result).get("loss")).isLessThan(firstTrain(result).get("loss") / 20);
    assertThat(net.score(x)).isGreaterThan(0.97);
  }

  @Test
  void encodeGivesTheMiddleLayerAndDecodeTheLayersAfterIt() {
    Autoencoder net = doubleAutoencoder(6, "4:tanh", "2:linear", "4:tanh", 6);
    INDArray x = TestData.gaussian(3, 10, 6);

    INDArray code = net.encode(x);

    assertThat(code.shape()).containsExactly(10, 2);
    assertThat(code).isEqualTo(net.feedForward(x).get("hid2:out"));
    assertClose(net.decode(code), rows(net.predict(x)));
  }

  @Test
  void decodeRejectsCodesOfTheWrongWidth() {
    Autoencoder net = new Autoencoder(6, 4, 2, 4, 6);

    assertThatThrownBy(() -> net.decode(TestData.gaussian(1, 3, 4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Codes have shape [3, 4] but the code layer 'hid2' has 2 units.");
  }

  @Test
  void tiedLayersReuseTheTransposedWeightsOfTheirMirror() {
    Autoencoder net = doubleAutoencoder(6, "3:tanh", "6:tied");
    INDArray x = TestData.gaussian(4, 5, 6);
    Map<String, INDArray> p = net.parameters();

    Map<String, INDArray> out = net.feedForward(x);

    assertThat(p.keySet()).containsExactly("hid1.w", "hid1.b", "out.b");
    assertThat(net.layers()).extracting(Layer::toString).containsExactly("6", "3:tanh", "6:tied");
    double[][] h = rows(out.get("hid1:out"));
    double[][] expected = new double[5][6];
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 6; j++) {
        double s = p.get("out.b").getDouble(j);
        for (int k = 0; k < 3; k++) {
          s += h[i][k] * p.get("hid1.w").getDouble(j, k);
        }
        expected[i][j] = s;
      }
    }
    assertClose(out.get("out:pre"), expected);
    assertClose(out.get("out:out"), expected);
  }

  @Test
  void aTiedLayerWithoutAPartnerIsRefused() {
    assertThatThrownBy(() -> Autoencoder.builder().layers(6, 3, "4:tied", 6).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Tied layer '4:tied' (layer 2) has no partner: it reuses the transposed weights of the"
                + " dense layer at the mirror position (layer 2), which must map 4 units to 3, as"
                + " in layers(8, 4, \"8:tied\").");
  }

  @Test
  void theOutputMustBeAsWideAsTheInput() {
    assertThatThrownBy(() -> new Autoencoder(6, 3, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "An autoencoder reconstructs its input: its output layer needs 6 units, not 5.");
  }

  @Test
  void aRecurrentAutoencodersOutputMustBeAsWideAsItsInputToo() {
    assertThatThrownBy(
            () ->
                io.github.javanets.models.recurrent.Autoencoder.builder()
                    .layers(3, Layer.of(4, "rnn"), 2)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "An autoencoder reconstructs its input: its output layer needs 3 units, not 2.");
  }

  @Test
  void aFileWhoseAutoencoderCannotReconstructItsInputIsRefusedBeforeItsParametersAreRead(
      @TempDir Path dir) throws IOException {
    Path file = dir.resolve("ae.jnet");
    new Autoencoder(4, 2, 4).save(file);
    ModelZips.rewriteJson(file, json -> json.putArray("layers").add("4").add("2").add("3"));

    assertThatThrownBy(() -> Autoencoder.load(file))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessage(
            file
                + " has layers that do not make a network: An autoencoder reconstructs its input:"
                + " its output layer needs 4 units, not 3.");
  }

  @Test
  void weightsOfAWeightedAutoencoderAreShapedLikeItsInput() {
    Autoencoder net = Autoencoder.builder().layers(4, 2, 4).weighted(true).build();
    INDArray x = TestData.gaussian(5, 8, 4);

    assertThatThrownBy(
            () -> Dataset.builder().inputs(x).weights(TestData.uniform(1, 8, 3, 0, 1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Dataset array 'weights' has shape [8, 3] but the array 'inputs' has shape [8, 4].");
    assertThatThrownBy(() -> net.train(Dataset.of(x), TrainOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Loss 'mse' reads dataset array 'weights', which the training dataset lacks. Arrays:"
                + " inputs.");
    Dataset weighted = Dataset.builder().inputs(x).weights(TestData.uniform(1, 8, 4, 0, 1)).build();
    assertThat(net.evaluate(weighted)).containsKeys("loss", "err", "mse");
  }

  @Test
  void mmdPullsTheCodeTowardsPriorSamplesNextToTheReconstruction() {
    int n = 64;
    INDArray x = TestData.lowRank(6, n, 6, 2);
    INDArray prior = TestData.gaussian(7, n, 2);
    Dataset data = Dataset.builder().inputs(x).array("prior", prior).build();
    TrainOptions options =
        TrainOptions.builder()
            .learningRate(2e-2)
            .batchSize(n)
            .maxUpdates(100)
            .validateEvery(50)
            .build();
    Autoencoder plain =
        Autoencoder.builder().layers(6, "2:linear", 6).dataType(DataType.DOUBLE).build();
    Autoencoder net =
        Autoencoder.builder().layers(6, "2:linear", 6).dataType(DataType.DOUBLE).build();
    net.addLoss("mmd(output=hid1, target=prior, bandwidth=2, weight=5)");

    Map<String, Double> before = net.evaluate(data);
    plain.train(data, options);
    TrainingResult result = net.train(data, options);
    Map<String, Double> after = net.evaluate(data);

    assertThat(before.keySet()).containsExactly("loss", "err", "mse", "mmd");
    assertThat(before.get("mmd")).isCloseTo(mmd(plainCodes(x), prior, 2), within(1e-10));
    assertThat(after.get("mmd")).isCloseTo(mmd(net.encode(x), prior, 2), within(1e-10));
    assertThat(after.get("mmd")).isLessThan(mmd(plain.encode(x), prior, 2) / 4);
    assertThat(after.get("mse")).isLessThan(before.get("mse") / 10);
    Map<String, Double> last = lastTrain(result);
    assertThat(last.get("loss")).isCloseTo(last.get("mse") + 5 * last.get("mmd"), within(1e-12));
  }

  /** The codes of a fresh copy of the test's autoencoder (same seed): its untrained encoder. */
  private static INDArray plainCodes(INDArray x) {
    return Autoencoder.builder()
        .layers(6, "2:linear", 6)
        .dataType(DataType.DOUBLE)
        .build()
        .encode(x);
  }

  /** The biased gaussian-kernel MMD of docs/losses.md, computed independently in double. */
  static double mmd(INDArray o, INDArray t, double bandwidth) {
    double[][] a = rows(o);
    double[][] b = rows(t);
    return meanKernel(b, b, bandwidth)
        - 2 * meanKernel(b, a, bandwidth)
        + meanKernel(a, a, bandwidth);
  }

  private static double meanKernel(double[][] p, double[][] q, double bandwidth) {
    double s = 0;
    for (double[] u : p) {
      for (double[] v : q) {
        double d = 0;
        for (int k = 0; k < u.length; k++) {
          d += (u[k] - v[k]) * (u[k] - v[k]);
        }
        s += Math.exp(-d / bandwidth);
      }
    }
    return s / (p.length * (double) q.length);
  }

  @Test
  void weightedScoreIsTheR2OfTheKnownEntriesAgainstAFloat64Reference() {
    Autoencoder net = doubleAutoencoder(5, "3:tanh", 5);
    INDArray x = TestData.gaussian(7, 12, 5);
    INDArray w = TestData.uniform(8, 12, 5, 0, 1).gt(0.4).castTo(DataType.DOUBLE);
    w.putScalar(0, 0, 2.5);
    double[][] p = rows(net.predict(x));
    double[][] xs = rows(x);
    double[][] ws = rows(w);
    double residual = 0;
    double total = 0;
    for (int j = 0; j < 5; j++) {
      double sw = 0;
      double swx = 0;
      for (int i = 0; i < 12; i++) {
        sw += ws[i][j];
        swx += ws[i][j] * xs[i][j];
      }
      double mean = swx / sw;
      for (int i = 0; i < 12; i++) {
        residual += ws[i][j] * (p[i][j] - xs[i][j]) * (p[i][j] - xs[i][j]);
        total += ws[i][j] * (xs[i][j] - mean) * (xs[i][j] - mean);
      }
    }

    assertThat(net.score(x, w)).isCloseTo(1 - residual / total, within(1e-12));
    assertThat(net.score(x, null)).isEqualTo(net.score(x));
    assertThat(net.score(x, x.like().assign(1.0))).isCloseTo(net.score(x), within(1e-12));
  }

  @Test
  void weightedScoreRefusesWeightsThatAreAllZeroOrMisshaped() {
    Autoencoder net = doubleAutoencoder(4, 2, 4);
    INDArray x = TestData.gaussian(10, 6, 4);

    assertThatThrownBy(() -> net.score(x, x.like()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot score with weights that are all 0 (shape [6, 4]): nothing would be scored;"
                + " give a positive weight to at least one element.");
    assertThatThrownBy(() -> net.score(x, TestData.gaussian(11, 6, 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The weights have shape [6, 3] but [6, 4] is needed.");
  }
}
