package io.github.javanets.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.javanets.train.BatchFailedException;
import io.github.javanets.train.JavanetsModule;
import io.github.javanets.train.ProgressSink;
import io.github.javanets.train.TrainingDivergedException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training, evaluating and predicting on a {@link BatchSource}: the same bits as in memory, bad
 * batches named by source and index with the model left as it was, the loader thread ended on every
 * path.
 */
class StreamedTrainingTest {
  private static final Dataset TRAIN = TestData.regression(1, 100, 3, 2);
  private static final Dataset VALID = TestData.regression(2, 40, 3, 2);

  private static TrainOptions.Builder options() {
    return TrainOptions.builder()
        .batchSize(16)
        .maxUpdates(6)
        .validateEvery(2)
        .learningRate(0.01)
        .seed(7)
        .regularizer("hidden_dropout", 0.2);
  }

  private static Regressor regressor() {
    return Regressor.builder().layers(3, 8, 2).dataType(DataType.DOUBLE).seed(3).build();
  }

  @AfterEach
  void noLoaderThreadOutlivesItsCall() {
    assertThat(loaders()).isEmpty();
  }

  private static List<String> loaders() {
    List<String> names = new ArrayList<>();
    Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("javanets-loader-") && t.isAlive())
        .forEach(t -> names.add(t.getName()));
    return names;
  }

  /** The minibatches that training on TRAIN takes, in its order, epoch after epoch. */
  private static BatchSource inMemoryOrder(Dataset data, int batchSize, long seed) {
    int batches = (int) ((data.rows() + batchSize - 1) / batchSize);
    Random order = new Random(seed ^ 0x5DEECE66DL);
    Iterator<Dataset>[] epoch = new Iterator[1];
    return BatchSource.generate(
        () -> {
          if (epoch[0] == null || !epoch[0].hasNext()) {
            List<Integer> indices = new ArrayList<>();
            for (int i = 0; i < batches; i++) {
              indices.add(i);
            }
            Collections.shuffle(indices, order);
            List<Dataset> list = new ArrayList<>();
            for (int b : indices) {
              long from = (long) b * batchSize;
              list.add(data.rows(from, Math.min(data.rows(), from + batchSize)));
            }
            epoch[0] = list.iterator();
          }
          return epoch[0].next();
        },
        batches);
  }

  @Test
  void aFunctionGivingTheInMemoryMinibatchesTrainsToTheSameBits() {
    Regressor inMemory = regressor();
    Regressor streamed = regressor();

    TrainingResult expected = inMemory.train(TRAIN, VALID, options().build());
    TrainingResult actual =
        streamed.train(inMemoryOrder(TRAIN, 16, 7), BatchSource.of(VALID, 16), options().build());

    TestData.assertBitIdentical(streamed.parameters(), inMemory.parameters());
    assertThat(actual.history()).hasToString(expected.history().toString());
    assertThat(actual.bestEpoch()).isEqualTo(expected.bestEpoch());
  }

  @Test
  void aShuffledDatasetSourceTrainsAsTheDatasetDoes() {
    Regressor inMemory = regressor();
    Regressor streamed = regressor();

    inMemory.train(TRAIN, VALID, options().build());
    streamed.train(
        BatchSource.shuffled(TRAIN, 16, 7), BatchSource.of(VALID, 16), options().build());

    TestData.assertBitIdentical(streamed.parameters(), inMemory.parameters());
  }

  @Test
  void theSameSeedAndSourceGiveTheSameBits() {
    Regressor a = regressor();
    Regressor b = regressor();

    a.train(BatchSource.shuffled(TRAIN, 10, 5), options().build());
    b.train(BatchSource.shuffled(TRAIN, 10, 5), options().build());

    TestData.assertBitIdentical(a.parameters(), b.parameters());
    assertThat(TestData.differ(a.parameters(), regressor().parameters())).isTrue();
  }

  /** Batches of 10 rows of TRAIN; batch {@code bad} of epoch {@code epoch} is made by {@code f}. */
  private static BatchSource failingAt(int epoch, int bad, java.util.function.Supplier<Dataset> f) {
    AtomicInteger calls = new AtomicInteger();
    return BatchSource.generate(
            () -> {
              int call = calls.getAndIncrement();
              if (call == epoch * 10 + bad) {
                return f.get();
              }
              long from = (call % 10) * 10L;
              return TRAIN.rows(from, from + 10);
            },
            10)
        .named("the test stream");
  }

  private static void assertFailsAndKeepsTheParameters(
      BatchSource source, int batch, String cause) {
    Regressor net = regressor();
    Map<String, INDArray> before = net.parameters();

    assertThatThrownBy(() -> net.train(source, BatchSource.of(VALID, 20), options().build()))
        .isInstanceOf(BatchFailedException.class)
        .hasMessage("Batch " + batch + " of the test stream failed: " + cause)
        .satisfies(
            e -> {
              assertThat(((BatchFailedException) e).source()).isEqualTo("the test stream");
              assertThat(((BatchFailedException) e).batch()).isEqualTo(batch);
              assertThat(e.getCause()).isNotNull();
            });
    TestData.assertBitIdentical(net.parameters(), before);
  }

  @Test
  void aBatchOfTheWrongShapeInTheThirdEpochNamesTheSourceAndBatch() {
    assertFailsAndKeepsTheParameters(
        failingAt(2, 4, () -> Dataset.of(Nd4j.zeros(DataType.DOUBLE, 10, 5), Nd4j.zeros(10, 2))),
        4,
        "The training dataset's 'inputs' have shape [10, 5] but this Regressor takes (N, 3).");
  }

  @Test
  void aFunctionThatThrowsMidStreamNamesTheSourceAndBatch() {
    assertFailsAndKeepsTheParameters(
        failingAt(
            1,
            7,
            () -> {
              throw new IllegalStateException("the database went away");
            }),
        7,
        "the database went away");
  }

  @Test
  void aNanInABatchNamesTheSourceAndBatch() {
    INDArray x = TRAIN.rows(0, 10).inputs().dup();
    x.putScalar(3, 1, Double.NaN);
    assertFailsAndKeepsTheParameters(
        failingAt(1, 2, () -> Dataset.of(x, TRAIN.rows(0, 10).target())),
        2,
        "Array 'inputs' has NaN at index [3, 1]; every value must be finite.");
  }

  @Test
  void aLabelOutOfRangeNamesTheSourceAndBatch() {
    Dataset blobs = TestData.blobs(4, 60, 2, 3);
    long[] bad = new long[10];
    bad[5] = 3;
    Classifier net = Classifier.builder().layers(2, 5, 3).dataType(DataType.DOUBLE).build();
    Map<String, INDArray> before = net.parameters();
    AtomicInteger calls = new AtomicInteger();
    BatchSource source =
        BatchSource.generate(
                () -> {
                  int call = calls.getAndIncrement();
                  long from = (call % 6) * 10L;
                  Dataset rows = blobs.rows(from, from + 10);
                  return call == 8 ? Dataset.of(rows.inputs(), Nd4j.createFromArray(bad)) : rows;
                },
                6)
            .named("blobs");

    assertThatThrownBy(() -> net.train(source, BatchSource.of(blobs, 30), options().build()))
        .isInstanceOf(BatchFailedException.class)
        .hasMessageStartingWith("Batch 2 of blobs failed: ")
        .hasMessageContaining("3");
    TestData.assertBitIdentical(net.parameters(), before);
  }

  @Test
  void aDivergingStreamKeepsTheParametersOfBeforeTheCall() {
    Regressor net = regressor();
    net.train(TRAIN, options().maxUpdates(1).build());
    Map<String, INDArray> before = net.parameters();
    INDArray huge = TRAIN.target().mul(1e300);

    assertThatThrownBy(
            () ->
                net.train(
                    BatchSource.of(Dataset.of(TRAIN.inputs(), huge), 25),
                    (BatchSource) null,
                    TrainOptions.builder().learningRate(1).maxUpdates(5).build()))
        .isInstanceOf(TrainingDivergedException.class);
    TestData.assertBitIdentical(net.parameters(), before);
  }

  @Test
  void anInterruptWhileWaitingForABatchStopsTrainingAndKeepsTheParameters() throws Exception {
    Regressor net = regressor();
    Map<String, INDArray> before = net.parameters();
    CountDownLatch blocked = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    BatchSource slow =
        BatchSource.generate(
                () -> {
                  if (calls.incrementAndGet() == 5) {
                    blocked.countDown();
                    try {
                      Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                      throw new IllegalStateException("stopped", e);
                    }
                  }
                  return TRAIN.rows(0, 10);
                },
                10)
            .named("slow");
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread trainer =
        new Thread(
            () -> {
              try {
                net.train(slow, BatchSource.of(VALID, 40), options().build());
              } catch (Throwable e) {
                thrown.set(e);
              }
            });
    trainer.start();
    blocked.await();
    trainer.interrupt();
    trainer.join(30_000);

    assertThat(trainer.isAlive()).isFalse();
    assertThat(thrown.get())
        .isInstanceOf(CancellationException.class)
        .hasMessageStartingWith("Interrupted while waiting for batch ")
        .hasMessageEndingWith(" of slow.");
    TestData.assertBitIdentical(net.parameters(), before);
  }

  @Test
  void aStreamIsReadOnANamedDaemonLoaderAndADatasetOnTheTrainingThread() {
    List<String> readers = new ArrayList<>();
    List<Boolean> daemons = new ArrayList<>();
    BatchSource recorded =
        BatchSource.generate(
            () -> {
              readers.add(Thread.currentThread().getName());
              daemons.add(Thread.currentThread().isDaemon());
              return TRAIN.rows(0, 10);
            },
            6);
    List<List<String>> loadersDuringBatches = new ArrayList<>();
    io.github.javanets.train.TrainingListener spy =
        new io.github.javanets.train.TrainingListener() {
          @Override
          public void onBatch(
              io.github.javanets.train.TrainingRun run, int batch, Map<String, Double> monitors) {
            loadersDuringBatches.add(loaders());
          }
        };
    Regressor net =
        Regressor.builder()
            .layers(3, 4, 2)
            .trainers(
                new io.github.javanets.train.Trainers(
                    Map.of("sgd", s -> new org.nd4j.linalg.learning.config.Sgd(s.learningRate())),
                    java.util.Set.of(spy)))
            .build();
    TrainOptions sgd = options().algorithm("sgd").maxUpdates(2).build();

    net.train(recorded, BatchSource.of(VALID, 40), sgd);
    assertThat(readers).hasSize(12).allMatch(name -> name.startsWith("javanets-loader-"));
    assertThat(daemons).containsOnly(true);
    // At an epoch's first batch the loader cannot have read the whole pass: 2 wait at most.
    assertThat(loadersDuringBatches).hasSize(12);
    assertThat(loadersDuringBatches.get(0)).hasSize(1);
    assertThat(loadersDuringBatches.get(6)).hasSize(1);

    loadersDuringBatches.clear();
    net.train(TRAIN, sgd);
    assertThat(loadersDuringBatches).hasSize(14).allMatch(List::isEmpty);
  }

  @Test
  void earlyStoppingStopsAStreamAndItsLoader() {
    Regressor net = regressor();
    Dataset opposite = Dataset.of(VALID.inputs(), VALID.target().neg());

    TrainingResult result =
        net.train(
            BatchSource.shuffled(TRAIN, 10, 1),
            BatchSource.of(opposite, 40),
            options().validateEvery(1).patience(1).maxUpdates(50).build());

    assertThat(result.stopReason()).isEqualTo("patience");
    assertThat(result.history().size()).isLessThan(50);
  }

  @Test
  void aStreamOfUnknownLengthShowsProgressWithoutATotal() {
    List<Long> totals = new ArrayList<>();
    List<Long> steps = new ArrayList<>();
    ProgressSink sink =
        new ProgressSink() {
          @Override
          public void start(long total) {
            totals.add(total);
          }

          @Override
          public void step(long done, Map<String, Double> monitors) {
            steps.add(done);
          }
        };
    Regressor net =
        Regressor.builder()
            .layers(3, 4, 2)
            .injector(
                com.google.inject.Guice.createInjector(
                    com.google.inject.util.Modules.override(new JavanetsModule())
                        .with(b -> b.bind(ProgressSink.class).toInstance(sink))))
            .build();
    BatchSource unknown =
        () -> BatchIterator.of(List.of(TRAIN.rows(0, 50), TRAIN.rows(50, 100)).iterator());

    net.train(unknown, options().maxUpdates(3).build());

    assertThat(totals).containsExactly(ProgressSink.UNKNOWN);
    assertThat(steps).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
  }

  @Test
  void streamedEvaluationEqualsInMemoryForMseAndXe() {
    Regressor regressor = regressor();
    regressor.train(TRAIN, options().maxUpdates(2).build());
    Map<String, Double> whole = regressor.evaluate(TRAIN);
    Map<String, Double> streamed = regressor.evaluate(BatchSource.of(TRAIN, 7));
    assertThat(streamed.keySet()).isEqualTo(whole.keySet());
    whole.forEach((k, v) -> assertThat(streamed.get(k)).as(k).isCloseTo(v, within(1e-12)));

    Dataset blobs = TestData.blobs(5, 90, 2, 3);
    Classifier classifier = Classifier.builder().layers(2, 6, 3).dataType(DataType.DOUBLE).build();
    classifier.train(blobs, options().maxUpdates(2).build());
    Map<String, Double> wholeXe = classifier.evaluate(blobs);
    Map<String, Double> streamedXe = classifier.evaluate(BatchSource.of(blobs, 13));
    assertThat(streamedXe).containsKeys("xe", "acc");
    wholeXe.forEach((k, v) -> assertThat(streamedXe.get(k)).as(k).isCloseTo(v, within(1e-12)));
  }

  @Test
  void streamedPredictionsAreThoseOfTheWholeSetBatchByBatch() {
    Regressor net = regressor();
    List<INDArray> outputs = new ArrayList<>();
    List<Long> rows = new ArrayList<>();

    net.predict(
        BatchSource.of(TRAIN, 30),
        (batch, y) -> {
          rows.add(batch.rows());
          outputs.add(y);
        });

    assertThat(rows).containsExactly(30L, 30L, 30L, 10L);
    TestData.assertSameBits(
        "predictions",
        Nd4j.concat(0, outputs.toArray(INDArray[]::new)),
        net.predict(TRAIN.inputs()));

    Dataset blobs = TestData.blobs(5, 20, 2, 3);
    Classifier classifier = Classifier.builder().layers(2, 6, 3).build();
    List<INDArray> labels = new ArrayList<>();
    classifier.predict(BatchSource.of(blobs, 8), (batch, y) -> labels.add(y));
    TestData.assertSameBits(
        "labels",
        Nd4j.concat(0, labels.toArray(INDArray[]::new)),
        classifier.predict(blobs.inputs()));
  }

  @Test
  void streamedScoresEqualThoseOfTheWholeSet() {
    Regressor regressor = regressor();
    regressor.train(TRAIN, options().maxUpdates(2).build());
    assertThat(regressor.score(BatchSource.of(TRAIN, 7)))
        .isCloseTo(regressor.score(TRAIN.inputs(), TRAIN.target()), within(1e-12));
    INDArray w = TestData.uniform(9, 100, 2, 0, 1);
    Dataset weighted = Dataset.of(TRAIN.inputs(), TRAIN.target(), w);
    assertThat(regressor.score(BatchSource.of(weighted, 30)))
        .isCloseTo(regressor.score(TRAIN.inputs(), TRAIN.target(), w), within(1e-12));

    Dataset blobs = TestData.blobs(5, 90, 2, 3);
    Classifier classifier = Classifier.builder().layers(2, 6, 3).dataType(DataType.DOUBLE).build();
    classifier.train(blobs, options().maxUpdates(2).build());
    assertThat(classifier.score(BatchSource.of(blobs, 13)))
        .isEqualTo(classifier.score(blobs.inputs(), blobs.target()));

    Autoencoder autoencoder =
        Autoencoder.builder().layers(3, 2, 3).dataType(DataType.DOUBLE).build();
    assertThat(autoencoder.score(BatchSource.of(Dataset.of(TRAIN.inputs()), 16)))
        .isCloseTo(autoencoder.score(TRAIN.inputs()), within(1e-12));
  }

  @Test
  void aBatchWhoseInputsDoNotFitStopsPredictionNamingTheBatch() {
    Regressor net = regressor();
    BatchSource source =
        BatchSource.generate(() -> Dataset.of(Nd4j.zeros(DataType.DOUBLE, 4, 2)), 3).named("wrong");

    assertThatThrownBy(() -> net.predict(source, (batch, y) -> {}))
        .isInstanceOf(BatchFailedException.class)
        .hasMessageStartingWith("Batch 0 of wrong failed: ");
  }

  @Test
  void aSourceWithoutBatchesIsAnError() {
    BatchSource empty = () -> BatchIterator.of(Collections.emptyIterator());

    assertThatThrownBy(() -> regressor().train(empty.named("nothing"), options().build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "A pass of nothing gave no batch; a source must give at least one batch per pass.");
  }
}
