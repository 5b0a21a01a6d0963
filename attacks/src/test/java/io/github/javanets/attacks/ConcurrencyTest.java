package io.github.javanets.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossRegistry;
import io.github.javanets.models.Autoencoder;
import io.github.javanets.models.Classifier;
import io.github.javanets.models.Dataset;
import io.github.javanets.models.Model;
import io.github.javanets.models.Regressor;
import io.github.javanets.models.TrainOptions;
import io.github.javanets.models.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Threads against the library: before the fix, two threads calling {@code predict} on one model
 * crashed the JVM natively (the forward graphs reuse their op contexts and arrays). Every call here
 * must give, from eight threads at once, exactly what it gives on one thread, and nothing may
 * crash: calls of different batch sizes and sequence lengths are interleaved so that the graphs
 * re-plan their arrays and build new graphs while other threads run.
 */
class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final int CALLS = 60;

  private ExecutorService pool;

  @BeforeEach
  void startThreads() {
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterEach
  void stopThreads() {
    pool.shutdownNow();
  }

  /** One call and what it gave on one thread. */
  private record Call(String name, Callable<Object> body, Object expected) {
    static Call of(String name, Callable<Object> body) throws Exception {
      return new Call(name, body, body.call());
    }
  }

  /**
   * Starts the threads together, each making {@link #CALLS} calls in a rotating order, and checks
   * every result.
   */
  private void hammer(List<Call> calls) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      done.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < CALLS; i++) {
                  Call c = calls.get((thread * 3 + i) % calls.size());
                  assertIdentical(c.name(), c.body().call(), c.expected());
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(3, TimeUnit.MINUTES);
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
    } else if (expected instanceof Double) {
      assertThat(Double.doubleToRawLongBits((Double) actual))
          .as(name + ": " + actual + " vs " + expected)
          .isEqualTo(Double.doubleToRawLongBits((Double) expected));
    } else {
      assertThat(actual).as(name).isEqualTo(expected);
    }
  }

  private static long[] bits(INDArray a) {
    double[] v = a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    long[] b = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = Double.doubleToRawLongBits(v[i]);
    }
    return b;
  }

  private static INDArray gaussian(long seed, long... shape) {
    Random random = new Random(seed);
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    double[] v = new double[(int) n];
    for (int i = 0; i < v.length; i++) {
      v[i] = random.nextGaussian();
    }
    return Nd4j.create(v, shape, DataType.DOUBLE);
  }

  private static INDArray labels(long seed, int n, int k) {
    Random random = new Random(seed);
    long[] l = new long[n];
    for (int i = 0; i < n; i++) {
      l[i] = random.nextInt(k);
    }
    return Nd4j.createFromArray(l);
  }

  @Test
  @Timeout(600)
  void eightThreadsOnOneFeedForwardModelGetWhatOneThreadGets() throws Exception {
    Classifier clf = Classifier.builder().layers(5, "12:relu", "7:tanh", 4).build();
    Autoencoder ae = Autoencoder.builder().layers(6, "5:tanh", 3, "5:tied", 6).build();
    INDArray x1 = gaussian(1, 1, 5);
    INDArray x64 = gaussian(2, 64, 5);
    INDArray x9 = gaussian(3, 9, 5);
    INDArray y9 = labels(4, 9, 4);
    INDArray a3 = gaussian(5, 3, 6);
    INDArray a40 = gaussian(6, 40, 6);
    INDArray z7 = gaussian(7, 7, 3);

    hammer(
        List.of(
            Call.of("predictProba 1", () -> clf.predictProba(x1)),
            Call.of("predict 64", () -> clf.predict(x64)),
            Call.of("score 9", () -> clf.score(x9, y9)),
            Call.of("feedForward 9", () -> clf.feedForward(x9)),
            Call.of("predictProba 64", () -> clf.predictProba(x64)),
            Call.of("evaluate 9", () -> clf.evaluate(Dataset.of(x9, y9))),
            Call.of("encode 3", () -> ae.encode(a3)),
            Call.of("encode 40", () -> ae.encode(a40)),
            Call.of("decode 7", () -> ae.decode(z7)),
            Call.of("ae feedForward 3", () -> ae.feedForward(a3)),
            Call.of("ae score 40", () -> ae.score(a40))));
  }

  @Test
  @Timeout(600)
  void eightThreadsOnOneRecurrentModelGetWhatOneThreadGets() throws Exception {
    var unrolled =
        io.github.javanets.models.recurrent.Regressor.builder()
            .layers(3, "6:rnn", "4:lstm", 2)
            .build();
    var gated =
        io.github.javanets.models.recurrent.Classifier.builder().layers(3, "5:gru", 3).build();
    var ae =
        io.github.javanets.models.recurrent.Autoencoder.builder().layers(3, "4:lstm", 3).build();
    INDArray t2 = gaussian(8, 3, 2, 3);
    INDArray t9 = gaussian(9, 6, 9, 3);
    INDArray t4 = gaussian(10, 1, 4, 3);
    INDArray codes = gaussian(11, 2, 5, 4);

    hammer(
        List.of(
            Call.of("rnn predict T=2", () -> unrolled.predict(t2)),
            Call.of("rnn predict T=9", () -> unrolled.predict(t9)),
            Call.of("rnn feedForward T=4", () -> unrolled.feedForward(t4)),
            Call.of("gru predictProba T=9", () -> gated.predictProba(t9)),
            Call.of("gru predict T=2", () -> gated.predict(t2)),
            Call.of("lstm ae encode T=4", () -> ae.encode(t4)),
            Call.of("lstm ae decode T=5", () -> ae.decode(codes)),
            Call.of("lstm ae predict T=9", () -> ae.predict(t9))));
  }

  @Test
  @Timeout(600)
  void predictDuringTrainingOnAnotherThreadGivesFiniteOutputsOfTheRightShape() throws Exception {
    INDArray x = gaussian(12, 300, 4);
    INDArray y = x.mmul(gaussian(13, 4, 2));
    Regressor net = Regressor.builder().layers(4, "16:tanh", 2).build();
    TrainOptions options = TrainOptions.builder().batchSize(8).maxUpdates(10).build();
    AtomicBoolean training = new AtomicBoolean(true);
    Future<TrainingResult> run =
        pool.submit(
            () -> {
              try {
                return net.train(Dataset.of(x, y), options);
              } finally {
                training.set(false);
              }
            });
    List<Future<Integer>> readers = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      INDArray rows = gaussian(20 + t, 1 + 5 * t, 4);
      readers.add(
          pool.submit(
              () -> {
                int calls = 0;
                while (training.get() || calls == 0) {
                  INDArray p = net.predict(rows);
                  assertThat(p.shape()).containsExactly(rows.size(0), 2);
                  assertThat(p.isNaN().any() || p.isInfinite().any()).isFalse();
                  assertThat(net.parameters()).containsKeys("hid1.w", "out.b");
                  calls++;
                }
                return calls;
              }));
    }
    assertThat(run.get(3, TimeUnit.MINUTES).history()).hasSize(10);
    for (Future<Integer> r : readers) {
      assertThat(r.get(3, TimeUnit.MINUTES)).isPositive();
    }
  }

  @Test
  @Timeout(600)
  void differentModelsOnDifferentThreadsTrainAsTheyDoAlone() throws Exception {
    INDArray x = gaussian(14, 96, 3);
    INDArray y = labels(15, 96, 2);
    TrainOptions options = TrainOptions.builder().batchSize(16).maxUpdates(4).build();
    Map<String, INDArray> alone = trained(x, y, options).parameters();

    List<Future<Model>> models = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      models.add(pool.submit(() -> trained(x, y, options)));
    }
    for (Future<Model> m : models) {
      Map<String, INDArray> p = m.get(3, TimeUnit.MINUTES).parameters();
      assertThat(p.keySet()).containsExactlyElementsOf(alone.keySet());
      alone.forEach((name, a) -> assertThat(bits(p.get(name))).as(name).isEqualTo(bits(a)));
    }
  }

  private static Model trained(INDArray x, INDArray y, TrainOptions options) {
    Classifier clf = Classifier.builder().layers(3, "8:tanh", 2).build();
    clf.train(Dataset.of(x, y), options);
    return clf;
  }

  @Test
  @Timeout(600)
  void lossValuesAndGradientsFromEightThreadsAreWhatOneThreadGets() throws Exception {
    LossRegistry registry = LossRegistry.discover();
    Loss shared = registry.create("mse");
    Loss other = registry.create("mmd(bandwidth=0.5)");
    Loss weighted = registry.create("mae(weighted=true)");
    List<Call> calls = new ArrayList<>();
    int[] rows = {2, 17, 5, 33};
    for (int i = 0; i < rows.length; i++) {
      INDArray out = gaussian(30 + i, rows[i], 3);
      INDArray target = gaussian(40 + i, rows[i], 3);
      INDArray w = gaussian(50 + i, rows[i], 3).muli(0).addi(0.5);
      String n = " " + rows[i];
      calls.add(Call.of("mse value" + n, () -> shared.value(out, target, null)));
      calls.add(
          Call.of("mse gradient" + n, () -> shared.gradient(Map.of("out:out", out), target, null)));
      calls.add(Call.of("mmd value" + n, () -> other.value(out, target, null)));
      calls.add(Call.of("mae weighted value" + n, () -> weighted.value(out, target, w)));
      // A fresh instance per call: instances share nothing.
      calls.add(Call.of("fresh mse" + n, () -> registry.create("mse").value(out, target, null)));
    }
    hammer(calls);
  }
}
