package io.github.javanets.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Several threads on one model (and on several): every call gives what it gives on one thread, bit
 * for bit, and nothing crashes. Calls of different batch sizes and sequence lengths are interleaved
 * so that the graphs re-plan their arrays and the recurrent models build graphs while others run.
 */
class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final int CALLS = 40;

  /** One call and what it must give. */
  private record Call(String name, Callable<Object> body, Object expected) {}

  private static Call call(String name, Callable<Object> body) throws Exception {
    return new Call(name, body, body.call());
  }

  /** Runs the calls from {@link #THREADS} threads, {@link #CALLS} each, in rotating order. */
  private static void hammer(List<Call> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < CALLS; i++) {
                    Call c = calls.get((thread + i) % calls.size());
                    assertIdentical(c.name(), c.body().call(), c.expected());
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @SuppressWarnings("unchecked")
  private static void assertIdentical(String name, Object actual, Object expected) {
    if (expected instanceof INDArray) {
      INDArray a = (INDArray) actual;
      INDArray e = (INDArray) expected;
      assertThat(a.shape()).as(name).isEqualTo(e.shape());
      assertThat(a.dataType()).as(name).isEqualTo(e.dataType());
      assertThat(bits(a)).as(name).isEqualTo(bits(e));
    } else if (expected instanceof Map) {
      Map<Object, Object> a = (Map<Object, Object>) actual;
      Map<Object, Object> e = (Map<Object, Object>) expected;
      assertThat(a.keySet()).as(name).containsExactlyElementsOf(e.keySet());
      e.forEach((k, v) -> assertIdentical(name + " " + k, a.get(k), v));
    } else {
      assertThat(actual).as(name).isEqualTo(expected);
    }
  }

  private static long[] bits(INDArray a) {
    double[] v = TestData.flat(a);
    long[] b = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = Double.doubleToRawLongBits(v[i]);
    }
    return b;
  }

  @Test
  @Timeout(300)
  void eightThreadsOnOneClassifierGetWhatOneThreadGets() throws Exception {
    Classifier clf = Classifier.builder().layers(4, "16:tanh", 3).build();
    INDArray small = TestData.gaussian(1, 3, 4);
    INDArray large = TestData.gaussian(2, 37, 4);
    INDArray labels = Nd4j.createFromArray(new long[] {0, 1, 2});

    hammer(
        List.of(
            call("predictProba 3", () -> clf.predictProba(small)),
            call("predict 37", () -> clf.predict(large)),
            call("score 3", () -> clf.score(small, labels)),
            call("feedForward 37", () -> clf.feedForward(large)),
            call("predictProba 37", () -> clf.predictProba(large))));
  }

  @Test
  @Timeout(300)
  void eightThreadsOnOneAutoencoderAndOneRegressorGetWhatOneThreadGets() throws Exception {
    Autoencoder ae = Autoencoder.builder().layers(6, 4, 2, "4:tied", 6).build();
    Regressor reg = new Regressor(5, 8, 2);
    INDArray x = TestData.gaussian(3, 11, 6);
    INDArray x2 = TestData.gaussian(4, 2, 6);
    INDArray z = TestData.gaussian(5, 9, 2);
    INDArray r = TestData.gaussian(6, 13, 5);
    INDArray y = TestData.gaussian(7, 13, 2);

    hammer(
        List.of(
            call("encode 11", () -> ae.encode(x)),
            call("decode 9", () -> ae.decode(z)),
            call("predict 2", () -> ae.predict(x2)),
            call("score 11", () -> ae.score(x)),
            call("feedForward 2", () -> ae.feedForward(x2)),
            call("regressor predict 13", () -> reg.predict(r)),
            call("regressor score 13", () -> reg.score(r, y))));
  }

  @Test
  @Timeout(300)
  void eightThreadsOnRecurrentModelsGetWhatOneThreadGets() throws Exception {
    var rnn = io.github.javanets.models.recurrent.Regressor.builder().layers(3, "6:rnn", 2).build();
    var lstm =
        io.github.javanets.models.recurrent.Classifier.builder()
            .layers(3, "5:lstm", "4:gru", 3)
            .build();
    var ae =
        io.github.javanets.models.recurrent.Autoencoder.builder().layers(3, "4:rnn", 3).build();
    INDArray short3 = sequences(8, 2, 3);
    INDArray long7 = sequences(9, 5, 7);
    INDArray long5 = sequences(10, 4, 5);
    INDArray codes = sequences(11, 3, 6, 4);

    hammer(
        List.of(
            call("rnn predict T=3", () -> rnn.predict(short3)),
            call("rnn predict T=7", () -> rnn.predict(long7)),
            call("rnn feedForward T=5", () -> rnn.feedForward(long5)),
            call("lstm predictProba T=3", () -> lstm.predictProba(short3)),
            call("lstm predict T=7", () -> lstm.predict(long7)),
            call("ae encode T=5", () -> ae.encode(long5)),
            call("ae decode T=6", () -> ae.decode(codes)),
            call("ae predict T=3", () -> ae.predict(short3))));
  }

  @Test
  @Timeout(300)
  void predictDuringTrainingWaitsAndSeesTheParametersFromBeforeOrAfterIt() throws Exception {
    Dataset data = TestData.blobs(12, 400, 4, 3);
    Classifier clf = Classifier.builder().layers(4, "16:tanh", 3).build();
    INDArray x = TestData.gaussian(13, 5, 4);
    INDArray before = clf.predictProba(x);
    TrainOptions options =
        TrainOptions.builder().batchSize(16).maxUpdates(20).validateEvery(5).build();
    AtomicBoolean training = new AtomicBoolean(true);
    List<INDArray> seen = new ArrayList<>();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<TrainingResult> run =
          pool.submit(
              () -> {
                try {
                  return clf.train(data, options);
                } finally {
                  training.set(false);
                }
              });
      while (training.get()) {
        INDArray p = clf.predictProba(x);
        assertThat(p.shape()).containsExactly(5, 3);
        assertThat(p.isInfinite().any() || p.isNaN().any()).isFalse();
        seen.add(p);
      }
      assertThat(run.get(2, TimeUnit.MINUTES).history()).hasSize(20);
    } finally {
      pool.shutdownNow();
    }
    INDArray after = clf.predictProba(x);
    assertThat(bits(after)).isNotEqualTo(bits(before));
    for (INDArray p : seen) {
      // Never a mixture of parameters from the middle of training.
      assertThat(bits(p))
          .satisfiesAnyOf(
              b -> assertThat(b).isEqualTo(bits(before)),
              b -> assertThat(b).isEqualTo(bits(after)));
    }
  }

  @Test
  @Timeout(300)
  void twoModelsTrainingOnTwoThreadsLearnWhatEachLearnsAlone() throws Exception {
    Dataset data = TestData.blobs(14, 120, 3, 2);
    TrainOptions options = TrainOptions.builder().batchSize(16).maxUpdates(5).build();
    Map<String, INDArray> alone = trained(data, options).parameters();

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Classifier> a = pool.submit(() -> trained(data, options));
      Future<Classifier> b = pool.submit(() -> trained(data, options));
      TestData.assertBitIdentical(a.get(2, TimeUnit.MINUTES).parameters(), alone);
      TestData.assertBitIdentical(b.get(2, TimeUnit.MINUTES).parameters(), alone);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Classifier trained(Dataset data, TrainOptions options) {
    Classifier clf = Classifier.builder().layers(3, "8:tanh", 2).build();
    clf.train(data, options);
    return clf;
  }

  private static INDArray sequences(long seed, int b, int t) {
    return sequences(seed, b, t, 3);
  }

  private static INDArray sequences(long seed, int b, int t, int f) {
    return TestData.gaussian(seed, b * t, f).reshape(b, t, f);
  }
}
