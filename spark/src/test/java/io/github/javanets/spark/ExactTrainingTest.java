package io.github.javanets.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.javanets.conventions.SameBits;
import io.github.javanets.models.Classifier;
import io.github.javanets.models.Dataset;
import io.github.javanets.models.Model;
import io.github.javanets.models.Regressor;
import io.github.javanets.models.TrainOptions;
import io.github.javanets.models.TrainingResult;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Exact mode in this JVM ({@code local[2]}): after every step the parameters equal single-process
 * training on the stacked minibatch (1e-10 in DOUBLE, 1e-5 in FLOAT), with partitions of unequal
 * sizes, weighted and unweighted losses and a penalty; losses that cannot split are refused.
 */
class ExactTrainingTest {
  private static JavaSparkContext sc;

  @BeforeAll
  static void startSpark() {
    sc = Fixtures.local(2);
  }

  @AfterAll
  static void stopSpark() {
    sc.stop();
  }

  @AfterEach
  void noFaults() {
    Faults.clear();
  }

  /** Trains a fresh model on Spark and one in one process; returns both recorders. */
  static Fixtures.Recorder[] trainBoth(
      Supplier<Model.Builder<?, ?>> builder,
      List<List<Batch>> parts,
      List<List<Batch>> valid,
      TrainOptions options) {
    return trainBoth(SparkTrainer.exact(sc), builder, parts, valid, options);
  }

  /** As above, with {@code trainer}. */
  static Fixtures.Recorder[] trainBoth(
      SparkTrainer trainer,
      Supplier<Model.Builder<?, ?>> builder,
      List<List<Batch>> parts,
      List<List<Batch>> valid,
      TrainOptions options) {
    Fixtures.Recorder spark = new Fixtures.Recorder();
    Model onSpark = builder.get().injector(Fixtures.injector(spark)).build();
    spark.model = onSpark;
    TrainingResult a =
        trainer.train(
            onSpark,
            Fixtures.rdd(sc, parts),
            valid == null ? null : Fixtures.rdd(sc, valid),
            options);
    Fixtures.Recorder local = new Fixtures.Recorder();
    Model inProcess = builder.get().injector(Fixtures.injector(local)).build();
    local.model = inProcess;
    TrainingResult b =
        inProcess.train(
            Fixtures.shuffled(Fixtures.global(parts), options.seed()),
            Fixtures.inOrder(Fixtures.global(valid == null ? parts : valid)),
            options);
    spark.parameters.add(onSpark.parameters());
    local.parameters.add(inProcess.parameters());
    assertThat(a.history()).hasSameSizeAs(b.history());
    assertThat(a.bestEpoch()).isEqualTo(b.bestEpoch());
    return new Fixtures.Recorder[] {spark, local};
  }

  static void assertSameSteps(Fixtures.Recorder[] runs, double tolerance) {
    Fixtures.Recorder spark = runs[0];
    Fixtures.Recorder local = runs[1];
    assertThat(spark.parameters).hasSameSizeAs(local.parameters).hasSizeGreaterThan(3);
    for (int s = 0; s < spark.parameters.size(); s++) {
      Map<String, INDArray> p = spark.parameters.get(s);
      Map<String, INDArray> q = local.parameters.get(s);
      assertThat(p.keySet()).isEqualTo(q.keySet());
      for (String name : p.keySet()) {
        double diff = p.get(name).sub(q.get(name)).amaxNumber().doubleValue();
        assertThat(diff).as("step %d, parameter %s", s, name).isLessThanOrEqualTo(tolerance);
      }
    }
    for (int s = 0; s < spark.monitors.size(); s++) {
      Map<String, Double> m = spark.monitors.get(s);
      Map<String, Double> expected = local.monitors.get(s);
      assertThat(m.keySet()).isEqualTo(expected.keySet());
      for (Map.Entry<String, Double> e : m.entrySet()) {
        double v = e.getValue();
        assertThat(v)
            .as("step %d, monitor %s", s, e.getKey())
            .isCloseTo(
                expected.get(e.getKey()),
                org.assertj.core.data.Offset.offset(tolerance * Math.max(1, Math.abs(v))));
      }
    }
  }

  private static Dataset regression(int rows, java.util.Random r, DataType type, boolean weighted) {
    INDArray x = Fixtures.uniform(r, type, rows, 3);
    INDArray y = Fixtures.uniform(r, type, rows, 2);
    return weighted ? Dataset.of(x, y, Fixtures.weights(r, type, rows, 2)) : Dataset.of(x, y);
  }

  @Test
  void weightedRegressionInDoubleEqualsOneProcessWithOneTwoAndThreePartitions() {
    TrainOptions options =
        TrainOptions.builder()
            .algorithm("adam")
            .learningRate(0.01)
            .maxUpdates(2)
            .validateEvery(1)
            .seed(5)
            .regularizer("weight_l2", 1e-3)
            .build();
    int[][] counts = {{3}, {3, 2}, {2, 3, 1}};
    int[][] rows = {{7}, {5, 3}, {4, 6, 2}};
    for (int i = 0; i < counts.length; i++) {
      List<List<Batch>> parts =
          Fixtures.partitions(
              counts[i], rows[i], 11 + i, (n, r) -> regression(n, r, DataType.DOUBLE, true));
      var runs =
          trainBoth(
              () ->
                  Regressor.builder()
                      .layers(3, "6:tanh", 2)
                      .loss("mse")
                      .loss("mae(weight=0.5)")
                      .weighted(true)
                      .dataType(DataType.DOUBLE)
                      .seed(3),
              parts,
              null,
              options);
      assertSameSteps(runs, 1e-10);
    }
  }

  @Test
  void unweightedClassifierInFloatEqualsOneProcess() {
    TrainOptions options =
        TrainOptions.builder().algorithm("sgd").learningRate(0.1).maxUpdates(2).seed(8).build();
    List<List<Batch>> parts =
        Fixtures.partitions(
            new int[] {3, 2, 3},
            new int[] {5, 9, 2},
            21,
            (n, r) ->
                Dataset.of(Fixtures.uniform(r, DataType.FLOAT, n, 4), Fixtures.labels(r, 3, n)));
    var runs =
        trainBoth(
            () ->
                Classifier.builder()
                    .layers(4, "8:relu", 3)
                    .loss("xe")
                    .loss("hinge(weight=0.3)")
                    .seed(2),
            parts,
            null,
            options);
    assertSameSteps(runs, 1e-5);
    assertThat(runs[0].monitors.get(0)).containsKeys("loss", "err", "xe", "hinge", "acc");
  }

  @Test
  void weightedClassifierWithOneWeightPerLabelAndValidationEqualsOneProcess() {
    TrainOptions options =
        TrainOptions.builder()
            .algorithm("adam")
            .learningRate(0.02)
            .maxUpdates(3)
            .validateEvery(1)
            .patience(0)
            .seed(9)
            .regularizer("hidden_l1", 1e-2)
            .build();
    java.util.function.BiFunction<Integer, java.util.Random, Dataset> make =
        (n, r) ->
            Dataset.of(
                Fixtures.uniform(r, DataType.DOUBLE, n, 4),
                Fixtures.labels(r, 3, n),
                Fixtures.weights(r, DataType.DOUBLE, n));
    List<List<Batch>> parts = Fixtures.partitions(new int[] {2, 3}, new int[] {6, 4}, 31, make);
    List<List<Batch>> valid = Fixtures.partitions(new int[] {1, 2}, new int[] {5, 3}, 32, make);
    var runs =
        trainBoth(
            () ->
                Classifier.builder()
                    .layers(4, "5:tanh", 3)
                    .weighted(true)
                    .dataType(DataType.DOUBLE)
                    .seed(4),
            parts,
            valid,
            options);
    assertSameSteps(runs, 1e-10);
  }

  @Test
  void recurrentRegressorWithPaddedStepsEqualsOneProcess() {
    TrainOptions options =
        TrainOptions.builder().algorithm("adam").learningRate(0.01).maxUpdates(1).seed(6).build();
    List<List<Batch>> parts =
        Fixtures.partitions(
            new int[] {3, 2},
            new int[] {3, 4},
            41,
            (n, r) ->
                Dataset.of(
                    Fixtures.uniform(r, DataType.DOUBLE, n, 5, 2),
                    Fixtures.uniform(r, DataType.DOUBLE, n, 5, 1),
                    Fixtures.weights(r, DataType.DOUBLE, n, 5, 1)));
    var runs =
        trainBoth(
            () ->
                io.github.javanets.models.recurrent.Regressor.builder()
                    .layers(2, "4:lstm", 1)
                    .weighted(true)
                    .dataType(DataType.DOUBLE)
                    .seed(1),
            parts,
            null,
            options);
    assertSameSteps(runs, 1e-10);
  }

  @Test
  void aTaskThatFailsOnceIsRetriedAndTrainingEndsWithTheSameParameters() {
    TrainOptions options =
        TrainOptions.builder().algorithm("adam").learningRate(0.01).maxUpdates(2).seed(5).build();
    List<List<Batch>> parts =
        Fixtures.partitions(
            new int[] {2, 3},
            new int[] {4, 3},
            51,
            (n, r) -> regression(n, r, DataType.DOUBLE, false));
    Supplier<Model> make =
        () -> Regressor.builder().layers(3, 4, 2).dataType(DataType.DOUBLE).seed(3).build();
    Model clean = make.get();
    SparkTrainer.exact(sc).train(clean, Fixtures.rdd(sc, parts), null, options);
    Model faulty = make.get();
    Faults.failFirstAttempts(p -> p == 1, 2);
    SparkTrainer.exact(sc).train(faulty, Fixtures.rdd(sc, parts), null, options);
    assertThat(Faults.remainingForTests()).isZero();
    SameBits.assertSameBits(faulty.parameters(), clean.parameters());
  }

  @Test
  void aTreeCombineEqualsOneProcessAndGivesTheSameParametersAfterARetry() {
    TrainOptions options =
        TrainOptions.builder()
            .algorithm("adam")
            .learningRate(0.01)
            .maxUpdates(2)
            .validateEvery(1)
            .seed(5)
            .build();
    // Five partitions in groups of two: 3 sums, then 2 for the driver (two levels).
    List<List<Batch>> parts =
        Fixtures.partitions(
            new int[] {2, 3, 1, 3, 2},
            new int[] {4, 3, 5, 2, 6},
            61,
            (n, r) -> regression(n, r, DataType.DOUBLE, true));
    Supplier<Model.Builder<?, ?>> builder =
        () ->
            Regressor.builder()
                .layers(3, "5:tanh", 2)
                .loss("mse")
                .loss("mae(weight=0.5)")
                .weighted(true)
                .dataType(DataType.DOUBLE)
                .seed(3);
    SparkTrainer tree = SparkTrainer.exact(sc).treeCombine(2);
    assertThat(tree.fanIn()).isEqualTo(2);
    assertThat(tree).hasToString("SparkTrainer(exact, tree combine of 2)");
    assertSameSteps(trainBoth(tree, builder, parts, null, options), 1e-10);
    StepStats treeStats = tree.lastRun();

    SparkTrainer flat = SparkTrainer.exact(sc);
    Model byDriver = builder.get().build();
    flat.train(byDriver, Fixtures.rdd(sc, parts), null, options);
    // The same shards ran; the driver received two sums a step instead of five results.
    assertThat(treeStats.tasks()).isEqualTo(flat.lastRun().tasks());
    assertThat(treeStats.resultBytes()).isLessThan(flat.lastRun().resultBytes() / 2);

    Model clean = builder.get().build();
    tree.train(clean, Fixtures.rdd(sc, parts), null, options);
    Model faulty = builder.get().build();
    Faults.failFirstAttempts(p -> p == 3, 2);
    tree.train(faulty, Fixtures.rdd(sc, parts), null, options);
    assertThat(Faults.remainingForTests()).isZero();
    SameBits.assertSameBits(faulty.parameters(), clean.parameters());
    assertThatThrownBy(() -> SparkTrainer.exact(sc).treeCombine(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "A tree combine sums groups of >= 2 results (0 sums them on the driver), got 1.");
  }

  @Test
  void mmdIsRefusedNamingTheLoss() {
    Model model = Regressor.builder().layers(3, 4, 2).loss("mse").loss("mmd(weight=0.1)").build();
    List<List<Batch>> parts =
        Fixtures.partitions(
            new int[] {1}, new int[] {4}, 61, (n, r) -> regression(n, r, DataType.FLOAT, false));
    assertThatThrownBy(
            () ->
                SparkTrainer.exact(sc)
                    .train(model, Fixtures.rdd(sc, parts), null, TrainOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Loss 'mmd' (io.github.javanets.loss.builtin.MaximumMeanDiscrepancy) cannot be split"
                + " exactly over shards of a minibatch: it does not declare @Decomposable (its"
                + " value is not a mean of per-row errors, as mmd compares whole batches). Train"
                + " it in one process, or with parameter averaging.");
  }

  @Test
  void noiseIsRefusedNamingTheRegularizer() {
    Model model = Regressor.builder().layers(3, 4, 2).build();
    List<List<Batch>> parts =
        Fixtures.partitions(
            new int[] {1}, new int[] {4}, 62, (n, r) -> regression(n, r, DataType.FLOAT, false));
    TrainOptions options = TrainOptions.builder().regularizer("input_noise", 0.1).build();
    assertThatThrownBy(
            () -> SparkTrainer.exact(sc).train(model, Fixtures.rdd(sc, parts), null, options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Regularizer 'input_noise' draws noise or dropout masks");
  }

  @Test
  void thePluginsPinballTrainsByName() {
    TrainOptions options =
        TrainOptions.builder().algorithm("adam").learningRate(0.01).maxUpdates(2).seed(5).build();
    List<List<Batch>> parts =
        Fixtures.partitions(
            new int[] {2, 3},
            new int[] {4, 3},
            71,
            (n, r) -> regression(n, r, DataType.DOUBLE, false));
    var runs =
        trainBoth(
            () ->
                Regressor.builder()
                    .layers(3, 4, 2)
                    .loss("pinball(tau=0.9)")
                    .dataType(DataType.DOUBLE)
                    .seed(3),
            parts,
            null,
            options);
    assertSameSteps(runs, 1e-10);
    assertThat(runs[0].monitors.get(0)).containsKey("pinball");
  }
}
