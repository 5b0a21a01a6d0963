package io.github.javanets.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@code evaluate(BatchSource)} sums each loss that splits exactly as (value x denominator,
 * denominator) over the batches: it equals {@code evaluate(Dataset)} on all the rows at once and a
 * float64 loop written here, for weighted losses on batches of different sizes and weights,
 * classifiers' accuracy, and sequences of different lengths with padding; {@code mmd}, which does
 * not split, is the mean of the batches' values weighted by their rows.
 */
class StreamedEvaluationTest {
  /** Batch sizes that differ, so that a mean of batch means weighted by rows would be off. */
  private static final int[] SIZES = {3, 17, 1, 40, 9};

  @Test
  void weightedLossesOfSeveralWeightsOnUnevenBatchesAreTheValuesOnAllRows() {
    Regressor net =
        Regressor.builder()
            .layers(3, "6:tanh", 2)
            .loss("mse")
            .loss("mae(weight=0.5)")
            .loss("huber(delta=0.3, weight=2)")
            .weighted(true)
            .dataType(DataType.DOUBLE)
            .seed(3)
            .build();
    Dataset data = weighted(TestData.regression(1, 70, 3, 2), 2);

    Map<String, Double> streamed = net.evaluate(split(data, SIZES));
    Map<String, Double> whole = net.evaluate(data);

    double[][] p = TestData.rows(net.predict(data.inputs()));
    double[][] y = TestData.rows(data.target());
    double[][] w = TestData.rows(data.weights());
    double sw = 0;
    double se = 0;
    double ae = 0;
    double he = 0;
    for (int i = 0; i < p.length; i++) {
      for (int j = 0; j < p[i].length; j++) {
        double e = Math.abs(p[i][j] - y[i][j]);
        sw += w[i][j];
        se += w[i][j] * e * e;
        ae += w[i][j] * e;
        he += w[i][j] * (e <= 0.3 ? 0.5 * e * e : 0.3 * (e - 0.5 * 0.3));
      }
    }
    assertThat(streamed.keySet()).containsExactly("loss", "err", "mse", "mae", "huber");
    assertThat(streamed.get("mse")).isCloseTo(se / sw, within(1e-10));
    assertThat(streamed.get("mae")).isCloseTo(ae / sw, within(1e-10));
    assertThat(streamed.get("huber")).isCloseTo(he / sw, within(1e-10));
    assertThat(streamed.get("err")).isEqualTo(streamed.get("mse"));
    assertThat(streamed.get("loss"))
        .isCloseTo(se / sw + 0.5 * ae / sw + 2 * he / sw, within(1e-10));
    assertSameValues(streamed, whole, 1e-10);
    // A mean of the batches' values weighted by rows is not the value: the test would notice.
    double byRows = 0;
    for (Dataset b : batches(data, SIZES)) {
      byRows += b.rows() * net.evaluate(b).get("mse");
    }
    assertThat(Math.abs(byRows / data.rows() - se / sw)).isGreaterThan(1e-4);
  }

  @Test
  void aClassifiersWeightedCrossEntropyAndAccuracyAreTheValuesOnAllRows() {
    Classifier net =
        Classifier.builder().layers(2, 6, 3).weighted(true).dataType(DataType.DOUBLE).build();
    Dataset data = weighted(TestData.blobs(5, 90, 2, 3), 1);
    net.train(data, TrainOptions.builder().maxUpdates(2).seed(1).build());

    Map<String, Double> streamed = net.evaluate(split(data, 7, 30, 2, 51));

    double[][] proba = TestData.rows(net.predictProba(data.inputs()));
    double[] w = TestData.flat(data.weights());
    long[] labels = data.target().toLongVector();
    double sw = 0;
    double xe = 0;
    double correct = 0;
    for (int i = 0; i < proba.length; i++) {
      int argmax = 0;
      for (int k = 1; k < proba[i].length; k++) {
        argmax = proba[i][k] > proba[i][argmax] ? k : argmax;
      }
      sw += w[i];
      xe -= w[i] * Math.log(proba[i][(int) labels[i]]);
      correct += argmax == labels[i] ? w[i] : 0;
    }
    assertThat(streamed.get("xe")).isCloseTo(xe / sw, within(1e-10));
    assertThat(streamed.get("acc")).isCloseTo(correct / sw, within(1e-10));
    assertSameValues(streamed, net.evaluate(data), 1e-10);
  }

  @Test
  void sequencesOfDifferentLengthsPerBatchWithPaddingAreTheValuesOnAllSequences() {
    io.github.javanets.models.recurrent.Regressor net =
        io.github.javanets.models.recurrent.Regressor.builder()
            .layers(2, "5:gru", 2)
            .loss("mse")
            .loss("mae(weight=3)")
            .weighted(true)
            .dataType(DataType.DOUBLE)
            .seed(2)
            .build();
    // Three batches of 4, 2 and 5 sequences padded to 3, 8 and 5 steps.
    int[][] lengths = {{3, 1, 2, 3}, {8, 6}, {5, 2, 4, 1, 3}};
    int longest = 8;
    List<Dataset> batches = new ArrayList<>();
    for (int b = 0; b < lengths.length; b++) {
      int steps = Arrays.stream(lengths[b]).max().orElseThrow();
      batches.add(sequences(10 + b, lengths[b], steps));
    }
    Dataset whole = padAndJoin(batches, longest);

    Map<String, Double> streamed = net.evaluate(() -> BatchIterator.of(batches.iterator()));

    double[] p = TestData.flat(net.predict(whole.inputs()));
    double[] y = TestData.flat(whole.target());
    double[] w = TestData.flat(whole.weights());
    double sw = 0;
    double se = 0;
    double ae = 0;
    for (int i = 0; i < p.length; i++) {
      sw += w[i];
      se += w[i] * (p[i] - y[i]) * (p[i] - y[i]);
      ae += w[i] * Math.abs(p[i] - y[i]);
    }
    assertThat(streamed.get("mse")).isCloseTo(se / sw, within(1e-10));
    assertThat(streamed.get("mae")).isCloseTo(ae / sw, within(1e-10));
    assertThat(streamed.get("loss")).isCloseTo(se / sw + 3 * ae / sw, within(1e-10));
    assertSameValues(streamed, net.evaluate(whole), 1e-10);
  }

  @Test
  void anUnrolledRnnOnPaddedBatchesOfDifferentSizesGivesTheValueOnAllSequences() {
    io.github.javanets.models.recurrent.Classifier net =
        io.github.javanets.models.recurrent.Classifier.builder()
            .layers(2, "4:rnn", 3)
            .weighted(true)
            .dataType(DataType.DOUBLE)
            .seed(4)
            .build();
    List<Dataset> batches =
        List.of(
            labelled(20, new int[] {6, 1, 2}, 6),
            labelled(21, new int[] {4}, 6),
            labelled(22, new int[] {5, 6, 3, 3, 2, 1, 6}, 6));

    Map<String, Double> streamed = net.evaluate(() -> BatchIterator.of(batches.iterator()));

    assertThat(streamed).containsKeys("xe", "acc");
    assertSameValues(streamed, net.evaluate(padAndJoin(batches, 6)), 1e-10);
  }

  @Test
  void aFloatModelGivesTheValueOnAllRowsToFloatRounding() {
    Regressor net =
        Regressor.builder()
            .layers(4, "8:tanh", 3)
            .loss("mse")
            .loss("mae(weight=0.25)")
            .weighted(true)
            .seed(5)
            .build();
    Dataset data = weighted(TestData.regression(6, 200, 4, 3), 3);

    Map<String, Double> streamed = net.evaluate(split(data, 13, 100, 7, 80));

    double[][] p = TestData.rows(net.predict(data.inputs()));
    double[][] y = TestData.rows(data.target());
    double[][] w = TestData.rows(data.weights());
    double sw = 0;
    double se = 0;
    for (int i = 0; i < p.length; i++) {
      for (int j = 0; j < p[i].length; j++) {
        sw += w[i][j];
        se += w[i][j] * (p[i][j] - y[i][j]) * (p[i][j] - y[i][j]);
      }
    }
    assertThat(streamed.get("mse")).isCloseTo(se / sw, within(1e-5));
    assertSameValues(streamed, net.evaluate(data), 1e-5);
  }

  @Test
  void mmdIsTheMeanOfTheBatchesValuesWeightedByRowsBesideAnExactMse() {
    Regressor net =
        Regressor.builder()
            .layers(3, "5:tanh", 2)
            .loss("mse")
            .loss("mmd(bandwidth=2, weight=0.5)")
            .dataType(DataType.DOUBLE)
            .seed(6)
            .build();
    Dataset data = TestData.regression(7, 60, 3, 2);
    int[] sizes = {10, 45, 5};

    Map<String, Double> streamed = net.evaluate(split(data, sizes));

    double mmd = 0;
    for (Dataset b : batches(data, sizes)) {
      mmd += b.rows() * net.evaluate(b).get("mmd");
    }
    mmd /= data.rows();
    Map<String, Double> whole = net.evaluate(data);
    assertThat(streamed.get("mmd")).isCloseTo(mmd, within(1e-10));
    assertThat(streamed.get("mmd")).isNotCloseTo(whole.get("mmd"), within(1e-6));
    assertThat(streamed.get("mse")).isCloseTo(whole.get("mse"), within(1e-10));
    assertThat(streamed.get("loss")).isCloseTo(whole.get("mse") + 0.5 * mmd, within(1e-10));
  }

  @Test
  void everyWeightZeroGivesZeroAsOnAllRows() {
    Regressor net =
        Regressor.builder().layers(3, 2).weighted(true).dataType(DataType.DOUBLE).build();
    Dataset base = TestData.regression(8, 12, 3, 2);
    Dataset data = Dataset.of(base.inputs(), base.target(), base.target().like().assign(0));

    Map<String, Double> streamed = net.evaluate(split(data, 5, 7));

    assertThat(streamed).containsEntry("mse", 0.0).containsEntry("loss", 0.0);
    assertThat(net.evaluate(data)).containsEntry("mse", 0.0);
  }

  @Test
  void aPassWithoutBatchesIsRefusedNamingTheSource() {
    Regressor net = Regressor.builder().layers(3, 2).build();
    BatchSource empty = () -> BatchIterator.of(List.<Dataset>of().iterator());

    assertThatThrownBy(() -> net.evaluate(empty.named("nothing")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "A pass of nothing gave no batch; a source must give at least one batch per pass.");
  }

  @Test
  void aPassWithoutBatchesIsRefusedForAnUnrolledRnnToo() {
    io.github.javanets.models.recurrent.Regressor net =
        io.github.javanets.models.recurrent.Regressor.builder().layers(2, "3:rnn", 2).build();
    BatchSource empty = () -> BatchIterator.of(List.<Dataset>of().iterator());

    assertThatThrownBy(() -> net.evaluate(empty.named("nothing")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "A pass of nothing gave no batch; a source must give at least one batch per pass.");
  }

  private static void assertSameValues(
      Map<String, Double> actual, Map<String, Double> expected, double tolerance) {
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    expected.forEach((k, v) -> assertThat(actual.get(k)).as(k).isCloseTo(v, within(tolerance)));
  }

  /** {@code data} with weights in [0, 2), a tenth of them 0, shaped like its target. */
  private static Dataset weighted(Dataset data, long seed) {
    Random random = new Random(seed);
    INDArray w = data.target().castTo(DataType.DOUBLE).like();
    for (long i = 0; i < w.length(); i++) {
      w.putScalar(i, random.nextInt(10) == 0 ? 0 : 2 * random.nextDouble());
    }
    return Dataset.of(data.inputs(), data.target(), w.castTo(data.inputs().dataType()));
  }

  private static List<Dataset> batches(Dataset data, int... sizes) {
    List<Dataset> batches = new ArrayList<>();
    long from = 0;
    for (int i = 0; from < data.rows(); i++) {
      long to = Math.min(data.rows(), from + sizes[i % sizes.length]);
      batches.add(data.rows(from, to));
      from = to;
    }
    return batches;
  }

  private static BatchSource split(Dataset data, int... sizes) {
    List<Dataset> batches = batches(data, sizes);
    return () -> BatchIterator.of(batches.iterator());
  }

  /** Sequences of {@code lengths} padded to {@code steps}: values, weights 0 on the padding. */
  private static Dataset sequences(long seed, int[] lengths, int steps) {
    INDArray x = TestData.uniform(seed, lengths.length * steps, 2, -1, 1);
    INDArray y = TestData.uniform(seed + 100, lengths.length * steps, 2, -1, 1);
    INDArray w = mask(seed, lengths, steps, 2);
    return Dataset.of(
        x.reshape(lengths.length, steps, 2),
        y.reshape(lengths.length, steps, 2),
        w.reshape(lengths.length, steps, 2));
  }

  /** Labelled sequences of {@code lengths} padded to {@code steps}, weights 0 on the padding. */
  private static Dataset labelled(long seed, int[] lengths, int steps) {
    INDArray x = TestData.uniform(seed, lengths.length * steps, 2, -1, 1);
    Random random = new Random(seed);
    long[] labels = new long[lengths.length * steps];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = random.nextInt(3);
    }
    INDArray w = mask(seed, lengths, steps, 1);
    return Dataset.of(
        x.reshape(lengths.length, steps, 2),
        Nd4j.createFromArray(labels).reshape(lengths.length, steps),
        w.reshape(lengths.length, steps));
  }

  /** Weights in [0.5, 2) on each sequence's steps, 0 on its padding: (B * steps, width). */
  private static INDArray mask(long seed, int[] lengths, int steps, int width) {
    Random random = new Random(seed + 7);
    double[][] w = new double[lengths.length * steps][width];
    for (int s = 0; s < lengths.length; s++) {
      for (int t = 0; t < lengths[s]; t++) {
        for (int j = 0; j < width; j++) {
          w[s * steps + t][j] = 0.5 + 1.5 * random.nextDouble();
        }
      }
    }
    return Nd4j.createFromArray(w);
  }

  /** The batches' sequences in one set, padded with zeros and weight 0 to {@code steps}. */
  private static Dataset padAndJoin(List<Dataset> batches, int steps) {
    List<INDArray> x = new ArrayList<>();
    List<INDArray> y = new ArrayList<>();
    List<INDArray> w = new ArrayList<>();
    for (Dataset b : batches) {
      x.add(pad(b.inputs(), steps));
      y.add(pad(b.target(), steps));
      w.add(pad(b.weights(), steps));
    }
    return Dataset.of(
        Nd4j.concat(0, x.toArray(new INDArray[0])),
        Nd4j.concat(0, y.toArray(new INDArray[0])),
        Nd4j.concat(0, w.toArray(new INDArray[0])));
  }

  private static INDArray pad(INDArray a, int steps) {
    long[] shape = a.shape().clone();
    shape[1] = steps;
    INDArray padded = Nd4j.create(a.dataType(), shape);
    INDArrayIndex[] where = new INDArrayIndex[a.rank()];
    Arrays.fill(where, NDArrayIndex.all());
    where[1] = NDArrayIndex.interval(0, a.size(1));
    padded.get(where).assign(a);
    return padded;
  }
}
