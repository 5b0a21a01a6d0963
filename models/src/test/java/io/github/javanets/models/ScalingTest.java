package io.github.javanets.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scaling of inputs and targets: statistics against float64 loops written here (with weights,
 * padding and constant columns), training equal to training on data scaled by hand, predictions in
 * the data's units, the units of {@code evaluate} and {@code score}, the model file, and the
 * warning about unscaled inputs.
 */
class ScalingTest {
  /** Relative tolerance of statistics computed in double against the loops here. */
  private static final double STATS = 1e-12;

  @TempDir Path dir;

  /** {@code (n, 4)} FLOAT: column c is {@code 1e6 + 10^(3 - 2c) * noise}, column 3 constant. */
  private static INDArray rawInputs(long seed, int n) {
    Random r = new Random(seed);
    float[] v = new float[n * 4];
    for (int i = 0; i < n; i++) {
      v[i * 4] = (float) (1e3 * r.nextGaussian() + 5e3);
      v[i * 4 + 1] = (float) (10 * r.nextGaussian() - 40);
      v[i * 4 + 2] = (float) (1e-3 * r.nextGaussian() + 1e-2);
      v[i * 4 + 3] = 7.5f;
    }
    return Nd4j.create(v, new long[] {n, 4}, DataType.FLOAT);
  }

  private static Dataset rawRegression(long seed, int n) {
    INDArray x = rawInputs(seed, n);
    float[] y = new float[n * 2];
    for (int i = 0; i < n; i++) {
      double a = (x.getDouble(i, 0) - 5e3) / 1e3;
      double b = (x.getDouble(i, 1) + 40) / 10;
      y[i * 2] = (float) (3e4 + 1e4 * Math.tanh(a - b));
      y[i * 2 + 1] = (float) (0.01 * (a + 0.5 * b));
    }
    return Dataset.of(x, Nd4j.create(y, new long[] {n, 2}, DataType.FLOAT));
  }

  /** Two-pass float64 mean and population standard deviation of the counted rows of column c. */
  private static double[] meanStd(INDArray a, boolean[] counted, int c) {
    long columns = a.size(a.rank() - 1);
    double[] v = a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    double sum = 0;
    int n = 0;
    for (int i = 0; i < counted.length; i++) {
      if (counted[i]) {
        sum += v[(int) (i * columns + c)];
        n++;
      }
    }
    double mean = sum / n;
    double sq = 0;
    for (int i = 0; i < counted.length; i++) {
      if (counted[i]) {
        double d = v[(int) (i * columns + c)] - mean;
        sq += d * d;
      }
    }
    return new double[] {mean, Math.sqrt(sq / n)};
  }

  private static TrainOptions options() {
    return TrainOptions.builder()
        .batchSize(16)
        .maxUpdates(5)
        .validateEvery(1)
        .learningRate(0.01)
        .seed(5)
        .build();
  }

  @Test
  void standardStatisticsEqualFloat64LoopsAndConstantColumnsGetScaleOne() {
    Dataset data = rawRegression(1, 300);
    Regressor m =
        Regressor.builder()
            .layers(4, 8, 2)
            .scaleInputs(Scaling.STANDARD)
            .scaleTargets(Scaling.STANDARD)
            .build();
    m.fitScaling(data);
    Scaler in = m.inputScaler().orElseThrow();
    Scaler out = m.targetScaler().orElseThrow();
    boolean[] all = new boolean[300];
    java.util.Arrays.fill(all, true);
    for (int c = 0; c < 3; c++) {
      double[] ms = meanStd(data.inputs(), all, c);
      assertThat(in.offsets()[c]).isCloseTo(ms[0], within(Math.abs(ms[0]) * STATS));
      assertThat(in.scales()[c]).isCloseTo(ms[1], within(ms[1] * STATS));
    }
    assertThat(in.offsets()[3]).isEqualTo(7.5);
    assertThat(in.scales()[3]).isEqualTo(1.0);
    for (int c = 0; c < 2; c++) {
      double[] ms = meanStd(data.target(), all, c);
      assertThat(out.offsets()[c]).isCloseTo(ms[0], within(Math.abs(ms[0]) * STATS));
      assertThat(out.scales()[c]).isCloseTo(ms[1], within(ms[1] * STATS));
    }
    // The same statistics from a stream of batches of 7 rows (Chan's merge), to rounding.
    Regressor streamed =
        Regressor.builder()
            .layers(4, 8, 2)
            .scaleInputs(Scaling.STANDARD)
            .scaleTargets(Scaling.STANDARD)
            .build();
    streamed.fitScaling(BatchSource.of(data, 7));
    for (int c = 0; c < 4; c++) {
      Scaler s = streamed.inputScaler().orElseThrow();
      assertThat(s.offsets()[c])
          .isCloseTo(in.offsets()[c], within(Math.abs(in.offsets()[c]) * STATS));
      assertThat(s.scales()[c]).isCloseTo(in.scales()[c], within(in.scales()[c] * STATS));
    }
  }

  @Test
  void aColumnOfLargeMeanKeepsItsSmallDeviation() {
    // 1e9 + {0, 1, 2, ...}: a sum of squares of raw values would lose every digit of the variance.
    int n = 1000;
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = 1e9 + (i % 10);
    }
    Dataset data =
        Dataset.of(
            Nd4j.create(v, new long[] {n, 1}, DataType.DOUBLE), Nd4j.zeros(DataType.DOUBLE, n, 1));
    Regressor m = Regressor.builder().layers(1, 2, 1).scaleInputs(Scaling.STANDARD).build();
    m.fitScaling(BatchSource.of(data, 3));
    assertThat(m.inputScaler().orElseThrow().offsets()[0]).isCloseTo(1e9 + 4.5, within(1e-6));
    assertThat(m.inputScaler().orElseThrow().scales()[0]).isCloseTo(Math.sqrt(8.25), within(1e-9));
  }

  @Test
  void minMaxStatisticsAreTheCountedRangeAndRowsOfWeightZeroCountNot() {
    Dataset raw = rawRegression(2, 50);
    INDArray w = Nd4j.ones(DataType.FLOAT, 50, 2);
    boolean[] counted = new boolean[50];
    for (int i = 0; i < 50; i++) {
      counted[i] = i % 5 != 0;
      if (!counted[i]) {
        w.putRow(i, Nd4j.zeros(DataType.FLOAT, 2));
        raw.inputs().putScalar(i, 0, 1e8); // not counted: must not be the maximum
      }
    }
    w.putScalar(1, 0, 0); // one of two weights 0: the row still counts for the inputs
    Dataset data = Dataset.of(raw.inputs(), raw.target(), w);
    Regressor m =
        Regressor.builder()
            .layers(4, 8, 2)
            .weighted(true)
            .scaleInputs(Scaling.MIN_MAX)
            .scaleTargets(Scaling.MIN_MAX)
            .build();
    m.fitScaling(data);
    double[] x = data.inputs().castTo(DataType.DOUBLE).data().asDouble();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < 50; i++) {
      if (counted[i]) {
        min = Math.min(min, x[i * 4]);
        max = Math.max(max, x[i * 4]);
      }
    }
    Scaler in = m.inputScaler().orElseThrow();
    assertThat(in.offsets()[0]).isEqualTo(min);
    assertThat(in.scales()[0]).isEqualTo(max - min);
    assertThat(in.scales()[3]).isEqualTo(1.0); // constant
    // Targets: per value; target (1, 0) has weight 0.
    double[] y = data.target().castTo(DataType.DOUBLE).data().asDouble();
    double tmin = Double.POSITIVE_INFINITY;
    for (int i = 0; i < 50; i++) {
      if (counted[i] && i != 1) {
        tmin = Math.min(tmin, y[i * 2]);
      }
    }
    assertThat(m.targetScaler().orElseThrow().offsets()[0]).isEqualTo(tmin);
  }

  @Test
  void paddedStepsOfARecurrentModelCountNot() {
    int b = 3;
    int t = 5;
    Random r = new Random(4);
    INDArray x = Nd4j.zeros(DataType.FLOAT, b, t, 2);
    INDArray y = Nd4j.zeros(DataType.FLOAT, b, t, 1);
    INDArray w = Nd4j.zeros(DataType.FLOAT, b, t, 1);
    int[] lengths = {5, 2, 3};
    boolean[] counted = new boolean[b * t];
    for (int s = 0; s < b; s++) {
      for (int k = 0; k < t; k++) {
        boolean real = k < lengths[s];
        counted[s * t + k] = real;
        x.putScalar(new long[] {s, k, 0}, real ? 100 + 10 * r.nextGaussian() : 1e6);
        x.putScalar(new long[] {s, k, 1}, real ? r.nextGaussian() : -1e6);
        y.putScalar(new long[] {s, k, 0}, real ? 50 * r.nextGaussian() : 1e7);
        w.putScalar(new long[] {s, k, 0}, real ? 1 : 0);
      }
    }
    io.github.javanets.models.recurrent.Regressor m =
        io.github.javanets.models.recurrent.Regressor.builder()
            .layers(2, "4:rnn", 1)
            .weighted(true)
            .scaleInputs(Scaling.STANDARD)
            .scaleTargets(Scaling.STANDARD)
            .build();
    m.fitScaling(Dataset.of(x, y, w));
    for (int c = 0; c < 2; c++) {
      double[] ms = meanStd(x, counted, c);
      assertThat(m.inputScaler().orElseThrow().offsets()[c])
          .isCloseTo(ms[0], within(Math.abs(ms[0]) * STATS));
      assertThat(m.inputScaler().orElseThrow().scales()[c]).isCloseTo(ms[1], within(ms[1] * STATS));
    }
    double[] ms = meanStd(y, counted, 0);
    assertThat(m.targetScaler().orElseThrow().offsets()[0])
        .isCloseTo(ms[0], within(Math.abs(ms[0]) * STATS));
    assertThat(m.targetScaler().orElseThrow().scales()[0]).isCloseTo(ms[1], within(ms[1] * STATS));
  }

  @Test
  void anAutoencodersUnknownEntriesCountNot() {
    INDArray x = TestData.gaussian(3, 40, 3).castTo(DataType.FLOAT).muli(5).addi(20);
    INDArray w = Nd4j.ones(DataType.FLOAT, 40, 3);
    boolean[] counted = new boolean[40];
    for (int i = 0; i < 40; i++) {
      counted[i] = i % 4 != 0;
      if (!counted[i]) {
        w.putScalar(i, 1, 0);
        x.putScalar(i, 1, 1e5);
      }
    }
    Autoencoder ae =
        Autoencoder.builder().layers(3, 2, 3).weighted(true).scaleInputs(Scaling.STANDARD).build();
    ae.fitScaling(Dataset.builder().inputs(x).weights(w).build());
    boolean[] every = new boolean[40];
    java.util.Arrays.fill(every, true);
    double[] col1 = meanStd(x, counted, 1);
    double[] col0 = meanStd(x, every, 0);
    Scaler s = ae.inputScaler().orElseThrow();
    assertThat(s.offsets()[1]).isCloseTo(col1[0], within(Math.abs(col1[0]) * STATS));
    assertThat(s.scales()[1]).isCloseTo(col1[1], within(col1[1] * STATS));
    assertThat(s.offsets()[0]).isCloseTo(col0[0], within(Math.abs(col0[0]) * STATS));
  }

  /** {@code a} scaled by hand, column by column, in double, rounded to FLOAT. */
  private static INDArray byHand(INDArray a, Scaler s) {
    double[] v = a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    double[] o = s.offsets();
    double[] k = s.scales();
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      int c = i % o.length;
      f[i] = (float) ((v[i] - o[c]) / k[c]);
    }
    return Nd4j.create(f, a.shape(), DataType.FLOAT);
  }

  @Test
  void trainingOnRawDataEqualsTrainingOnDataScaledByHand() {
    Dataset raw = rawRegression(5, 120);
    Regressor scaled =
        Regressor.builder()
            .layers(4, 8, 2)
            .seed(9)
            .scaleInputs(Scaling.STANDARD)
            .scaleTargets(Scaling.STANDARD)
            .build();
    scaled.train(raw, options());
    Scaler in = scaled.inputScaler().orElseThrow();
    Scaler out = scaled.targetScaler().orElseThrow();
    Regressor plain = Regressor.builder().layers(4, 8, 2).seed(9).build();
    plain.train(Dataset.of(byHand(raw.inputs(), in), byHand(raw.target(), out)), options());

    TestData.assertBitIdentical(scaled.parameters(), plain.parameters());
    INDArray p = scaled.predict(raw.inputs());
    double[] q = plain.predict(byHand(raw.inputs(), in)).castTo(DataType.DOUBLE).data().asDouble();
    double[] got = p.castTo(DataType.DOUBLE).data().asDouble();
    for (int i = 0; i < q.length; i++) {
      int c = i % 2;
      double expected = q[i] * out.scales()[c] + out.offsets()[c];
      // FLOAT outputs in the data's units: a relative 1e-6 of the column's size.
      assertThat(got[i]).isCloseTo(expected, within(1e-6 * (Math.abs(expected) + out.scales()[c])));
    }
  }

  @Test
  void scoreIsInTheDataUnitsAndEvaluateInTheScaledUnitsTheNetworkOptimises() {
    Dataset raw = rawRegression(6, 80);
    Regressor m =
        Regressor.builder()
            .layers(4, 8, 2)
            .scaleInputs(Scaling.STANDARD)
            .scaleTargets(Scaling.STANDARD)
            .build();
    m.train(raw, options());
    Scaler out = m.targetScaler().orElseThrow();
    double[] p = m.predict(raw.inputs()).castTo(DataType.DOUBLE).data().asDouble();
    double[] y = raw.target().castTo(DataType.DOUBLE).data().asDouble();
    double scaledMse = 0;
    double[] mean = new double[2];
    for (int i = 0; i < y.length; i++) {
      double d = (p[i] - y[i]) / out.scales()[i % 2];
      scaledMse += d * d;
      mean[i % 2] += y[i] / 80;
    }
    scaledMse /= y.length;
    double ssRes = 0;
    double ssTot = 0;
    for (int i = 0; i < y.length; i++) {
      ssRes += (y[i] - p[i]) * (y[i] - p[i]);
      ssTot += (y[i] - mean[i % 2]) * (y[i] - mean[i % 2]);
    }
    Map<String, Double> monitors = m.evaluate(raw);
    assertThat(monitors.get("mse")).isCloseTo(scaledMse, within(1e-4 * scaledMse));
    assertThat(m.score(raw.inputs(), raw.target())).isCloseTo(1 - ssRes / ssTot, within(1e-9));
    assertThat(m.score(BatchSource.of(raw, 16))).isCloseTo(1 - ssRes / ssTot, within(1e-6));
  }

  @Test
  void anAutoencoderReconstructsInTheDataUnits() {
    INDArray x = rawInputs(7, 60);
    Autoencoder ae =
        Autoencoder.builder().layers(4, 3, 4).seed(2).scaleInputs(Scaling.STANDARD).build();
    ae.train(Dataset.of(x), options());
    Scaler s = ae.inputScaler().orElseThrow();
    Autoencoder plain = Autoencoder.builder().layers(4, 3, 4).seed(2).build();
    plain.train(Dataset.of(byHand(x, s)), options());
    TestData.assertBitIdentical(ae.parameters(), plain.parameters());
    double[] got = ae.predict(x).castTo(DataType.DOUBLE).data().asDouble();
    double[] q = plain.predict(byHand(x, s)).castTo(DataType.DOUBLE).data().asDouble();
    double[] dec = ae.decode(ae.encode(x)).castTo(DataType.DOUBLE).data().asDouble();
    for (int i = 0; i < q.length; i++) {
      int c = i % 4;
      double expected = q[i] * s.scales()[c] + s.offsets()[c];
      double tol = 1e-6 * (Math.abs(expected) + s.scales()[c]);
      assertThat(got[i]).isCloseTo(expected, within(tol));
      assertThat(dec[i]).isCloseTo(expected, within(tol));
    }
    TestData.assertSameBits("codes", ae.encode(x), plain.encode(byHand(x, s)));
  }

  @Test
  void streamedTrainingOfAScaledModelEqualsTrainingOnTheDataSet() {
    Dataset raw = rawRegression(8, 64);
    TrainOptions o = options();
    Regressor a =
        Regressor.builder()
            .layers(4, 8, 2)
            .scaleInputs(Scaling.MIN_MAX)
            .scaleTargets(Scaling.STANDARD)
            .build();
    Regressor b =
        Regressor.builder()
            .layers(4, 8, 2)
            .scaleInputs(Scaling.MIN_MAX)
            .scaleTargets(Scaling.STANDARD)
            .build();
    // Fitted alike: a pass of shuffled batches sums in another order than the rows of a data set.
    a.fitScaling(raw);
    b.fitScaling(raw);
    a.train(raw, raw, o);
    b.train(BatchSource.shuffled(raw, o.batchSize(), o.seed()), BatchSource.of(raw, 64), o);
    assertThat(b.inputScaler()).isEqualTo(a.inputScaler());
    TestData.assertBitIdentical(b.parameters(), a.parameters());
    assertThat(b.evaluate(BatchSource.of(raw, 64))).isEqualTo(a.evaluate(raw));
  }

  @Test
  void aSecondTrainingKeepsTheStatisticsAndFitScalingReplacesThem() {
    Regressor m = Regressor.builder().layers(4, 8, 2).scaleInputs(Scaling.STANDARD).build();
    m.train(rawRegression(9, 50), options());
    Scaler first = m.inputScaler().orElseThrow();
    Dataset other = rawRegression(10, 50);
    m.train(other, options());
    assertThat(m.inputScaler()).contains(first);
    m.fitScaling(other);
    assertThat(m.inputScaler().orElseThrow()).isNotEqualTo(first);
  }

  @Test
  void aModelThatScalesRefusesToPredictBeforeItsStatisticsAreFitted() {
    Regressor m = Regressor.builder().layers(4, 8, 2).scaleInputs(Scaling.STANDARD).build();
    assertThat(m.inputScaler()).isEmpty();
    assertThatThrownBy(() -> m.predict(rawInputs(1, 3)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "This Regressor scales its inputs (STANDARD) and targets (NONE) but has no statistics"
                + " yet: train it, or call fitScaling on its training data, first.");
  }

  @Test
  void onlyRegressorsScaleTheirTargets() {
    assertThatThrownBy(
            () -> Classifier.builder().layers(4, 3).scaleTargets(Scaling.STANDARD).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "scaleTargets applies to regressors; a classifier's targets are labels: leave"
                + " scaleTargets at Scaling.NONE for a Classifier.");
    assertThatThrownBy(
            () -> Autoencoder.builder().layers(4, 2, 4).scaleTargets(Scaling.MIN_MAX).build())
        .hasMessageStartingWith(
            "scaleTargets applies to regressors; an autoencoder's target is its input, scaled by"
                + " scaleInputs");
  }

  @Test
  void theStatisticsAreSavedAndLoadedAndAFileWithoutThemScalesNothing() throws IOException {
    Dataset raw = rawRegression(11, 40);
    Regressor m =
        Regressor.builder()
            .layers(4, 8, 2)
            .scaleInputs(Scaling.STANDARD)
            .scaleTargets(Scaling.MIN_MAX)
            .build();
    m.train(raw, options());
    Path file = dir.resolve("scaled.zip");
    m.save(file);
    Regressor loaded = Regressor.load(file);
    assertThat(loaded.inputScaling()).isEqualTo(Scaling.STANDARD);
    assertThat(loaded.targetScaling()).isEqualTo(Scaling.MIN_MAX);
    assertThat(loaded.inputScaler()).isEqualTo(m.inputScaler());
    assertThat(loaded.targetScaler()).isEqualTo(m.targetScaler());
    TestData.assertSameBits("prediction", loaded.predict(raw.inputs()), m.predict(raw.inputs()));

    Path old = dir.resolve("old.zip");
    new Regressor(4, 8, 2).save(old);
    JsonNode json = ModelZips.JSON.readTree(ModelZips.read(old).get(ModelFile.JSON));
    assertThat(json.has("scaling")).isFalse();
    Model plain = Model.load(old);
    assertThat(plain.inputScaling()).isEqualTo(Scaling.NONE);
    assertThat(plain.inputScaler()).isEmpty();
  }

  @Test
  void unscaledInputsAreWarnedAboutAndScaledOnesAreNot() {
    Dataset raw = rawRegression(12, 60);
    Regressor plain = Regressor.builder().layers(4, 8, 2).build();
    boolean[] all = new boolean[60];
    java.util.Arrays.fill(all, true);
    double[] ms = meanStd(raw.inputs(), all, 0);
    String expected =
        String.format(
            java.util.Locale.ROOT,
            "The inputs look unscaled: input column 0 (from 0) has mean %.4g and standard"
                + " deviation %.4g, beyond +-10; scale them with Scaling.STANDARD on the model's"
                + " builder (scaleInputs), or --scale-inputs standard in the CLI.",
            ms[0],
            ms[1]);
    assertThat(plain.train(raw, options()).warnings()).contains(expected);
    assertThat(
            Regressor.builder()
                .layers(4, 8, 2)
                .build()
                .train(BatchSource.of(raw, 16), options())
                .warnings())
        .anySatisfy(
            w -> assertThat(w).startsWith("The inputs look unscaled: input column 0 (from 0)"));
    Regressor scaled = Regressor.builder().layers(4, 8, 2).scaleInputs(Scaling.STANDARD).build();
    assertThat(scaled.train(raw, options()).warnings()).noneMatch(w -> w.contains("unscaled"));
    // Standard normal inputs look scaled.
    Dataset normal = TestData.regression(1, 60, 4, 2);
    assertThat(new Regressor(4, 8, 2).train(normal, options()).warnings())
        .noneMatch(w -> w.contains("unscaled"));
  }

  @Test
  void theWarningIsComputedOncePerDataSet() {
    Dataset raw = rawRegression(12, 60);
    Regressor plain = Regressor.builder().layers(4, 8, 2).build();
    List<String> first = plain.train(raw, options()).warnings();
    assertThat(first).anyMatch(w -> w.startsWith("The inputs look unscaled"));
    // The same set again: its inputs are not read again (here, values changed in place after the
    // first call are not seen), so a loop of one-epoch calls pays for one pass.
    raw.inputs().muli(1e-6);
    assertThat(plain.train(raw, options()).warnings())
        .filteredOn(w -> w.contains("unscaled"))
        .isEqualTo(first.stream().filter(w -> w.contains("unscaled")).toList());
    // Another set is read.
    Dataset normal = TestData.regression(1, 60, 4, 2);
    assertThat(plain.train(normal, options()).warnings()).noneMatch(w -> w.contains("unscaled"));
    // A copy of the changed values is a new set: read, it gives the warning of its own values.
    assertThat(plain.train(Dataset.of(raw.inputs().dup(), raw.target()), options()).warnings())
        .anyMatch(
            w -> w.startsWith("The inputs look unscaled: the standard deviation of input column"))
        .noneMatch(first::contains);
  }

  @Test
  void aStreamedSourceIsTappedForTheWarningUntilOnePassIsReadToItsEnd() {
    Dataset raw = rawRegression(12, 64);
    Dataset normal = TestData.regression(1, 64, 4, 2);
    boolean[] unscaled = {true};
    boolean[] fail = {true};
    int[] batches = {0};
    // Four batches a pass; the values they hold switch between calls; the first call fails at
    // its third batch.
    BatchSource source =
        BatchSource.generate(
            () -> {
              if (fail[0] && ++batches[0] == 3) {
                throw new IllegalStateException("broken");
              }
              return (unscaled[0] ? raw : normal).rows(0, 16);
            },
            4);
    Regressor plain = Regressor.builder().layers(4, 8, 2).build();
    assertThatThrownBy(() -> plain.train(source, options()))
        .isInstanceOf(io.github.javanets.train.BatchFailedException.class);
    // That pass did not reach its end: the source is read for the warning again.
    fail[0] = false;
    unscaled[0] = false;
    assertThat(plain.train(source, options()).warnings()).noneMatch(w -> w.contains("unscaled"));
    // A whole pass was read: its warning stays with the source, which is not read for it again
    // (here, values changed after it are not seen).
    unscaled[0] = true;
    assertThat(plain.train(source, options()).warnings()).noneMatch(w -> w.contains("unscaled"));
    // Another source is read.
    assertThat(plain.train(BatchSource.of(raw, 16), options()).warnings())
        .anyMatch(w -> w.contains("unscaled"));
  }

  @Test
  void standardDeviationsOverThreeDecadesApartAreWarnedAbout() {
    ColumnMoments m = new ColumnMoments(2);
    m.add(Nd4j.create(new double[][] {{0, 0}, {2, 0.0002}}), null, false);
    assertThat(UnscaledInputs.warning(m))
        .contains(
            "The inputs look unscaled: the standard deviation of input column 0 (from 0), 1.000,"
                + " is over 1000 times that of input column 1, 0.0001000; scale them with"
                + " Scaling.STANDARD on the model's builder (scaleInputs), or --scale-inputs"
                + " standard in the CLI.");
  }

  @Test
  void aScalerRefusesStatisticsItCannotUseAndPrintsThem() {
    assertThatThrownBy(() -> Scaler.of(Scaling.NONE, new double[] {0}, new double[] {1}))
        .hasMessage(
            "A Scaler holds fitted statistics: give Scaling.STANDARD or Scaling.MIN_MAX, not NONE.");
    assertThatThrownBy(() -> Scaler.of(Scaling.STANDARD, new double[] {0, 1}, new double[] {1}))
        .hasMessage(
            "A Scaler needs one offset and one scale per column, at least one column; got 2"
                + " offsets and 1 scales.");
    assertThatThrownBy(
            () -> Scaler.of(Scaling.STANDARD, new double[] {Double.NaN}, new double[] {1}))
        .hasMessage("The offset of column 0 must be finite, got NaN.");
    assertThatThrownBy(() -> Scaler.of(Scaling.MIN_MAX, new double[] {0, 0}, new double[] {1, 0}))
        .hasMessage("The scale of column 1 must be finite and > 0, got 0.0.");
    Scaler s = Scaler.of(Scaling.MIN_MAX, new double[] {1, 2}, new double[] {4, 0.5});
    assertThat(s).hasToString("MIN_MAX(offsets=[1.0, 2.0], scales=[4.0, 0.5])");
    assertThatThrownBy(() -> s.transform(Nd4j.zeros(DataType.FLOAT, 3, 3), DataType.FLOAT))
        .hasMessage(
            "The Scaler has 2 columns, but the array has shape [3, 3]; its last dimension must be"
                + " 2.");
    INDArray x = Nd4j.create(new float[] {5, 3, 9, 2.5f}, new long[] {2, 2}, DataType.FLOAT);
    TestData.assertSameBits(
        "scaled",
        s.transform(x, DataType.DOUBLE),
        Nd4j.create(new double[] {1, 2, 2, 1}, new long[] {2, 2}, DataType.DOUBLE));
    TestData.assertSameBits(
        "unscaled", s.inverse(s.transform(x, DataType.FLOAT), DataType.FLOAT), x);
  }

  @Test
  void aRecurrentRegressorTrainsAndPredictsAsOnSequencesScaledByHand() {
    Random r = new Random(14);
    INDArray x = Nd4j.zeros(DataType.FLOAT, 6, 4, 2);
    INDArray y = Nd4j.zeros(DataType.FLOAT, 6, 4, 1);
    INDArray w = Nd4j.ones(DataType.FLOAT, 6, 4, 1);
    for (int s = 0; s < 6; s++) {
      for (int k = 0; k < 4; k++) {
        double a = r.nextGaussian();
        x.putScalar(new long[] {s, k, 0}, 1e3 * a + 200);
        x.putScalar(new long[] {s, k, 1}, 0.01 * r.nextGaussian());
        y.putScalar(new long[] {s, k, 0}, 5e3 * a);
      }
      w.putScalar(new long[] {s, 3, 0}, s % 2); // odd sequences are one step shorter
    }
    Dataset data = Dataset.of(x, y, w);
    io.github.javanets.models.recurrent.Regressor scaled =
        io.github.javanets.models.recurrent.Regressor.builder()
            .layers(2, "4:rnn", 1)
            .weighted(true)
            .scaleInputs(Scaling.STANDARD)
            .scaleTargets(Scaling.STANDARD)
            .build();
    scaled.train(data, options());
    Scaler in = scaled.inputScaler().orElseThrow();
    Scaler out = scaled.targetScaler().orElseThrow();
    io.github.javanets.models.recurrent.Regressor plain =
        io.github.javanets.models.recurrent.Regressor.builder()
            .layers(2, "4:rnn", 1)
            .weighted(true)
            .build();
    plain.train(Dataset.of(byHand(x, in), byHand(y, out), w), options());
    TestData.assertBitIdentical(scaled.parameters(), plain.parameters());
    double[] got = scaled.predict(x).castTo(DataType.DOUBLE).data().asDouble();
    double[] q = plain.predict(byHand(x, in)).castTo(DataType.DOUBLE).data().asDouble();
    for (int i = 0; i < q.length; i++) {
      double expected = q[i] * out.scales()[0] + out.offsets()[0];
      assertThat(got[i]).isCloseTo(expected, within(1e-6 * (Math.abs(expected) + out.scales()[0])));
    }
  }
}
