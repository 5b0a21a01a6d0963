package io.github.javanets.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.javanets.models.Dataset;
import io.github.javanets.models.Model;
import io.github.javanets.models.Regressor;
import io.github.javanets.models.TrainOptions;
import io.github.javanets.models.TrainingResult;
import io.github.javanets.models.recurrent.Autoencoder;
import io.github.javanets.models.recurrent.Classifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Recurrent models from a Spark {@code Dataset<Row>} whose rows carry a sequence id and a step
 * order: the batches equal those built here by hand from the same rows (each id's rows sorted by
 * order, padded with zeros and weight 0, the sequence of id {@code v} in partition {@code
 * pmod(hash(v), n)}, a partition's sequences by id), and training on them equals single-process
 * training on those batches after every step (1e-10 in DOUBLE, 1e-5 in FLOAT) with 1, 2 and 3
 * partitions; bad sequences are refused naming the value.
 */
class SequenceRowsTest {
  private static final int STEPS = 4;
  private static JavaSparkContext sc;
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    sc = Fixtures.local(2);
    spark = SparkSession.builder().sparkContext(sc.sc()).getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    sc.stop();
  }

  /** One row: its sequence, its place in it, two inputs, a value, a class and a weight. */
  private record Step(String id, int t, double a, double b, double y, int c, double w) {
    Row row() {
      return RowFactory.create(id, t, a, b, y, c, w);
    }
  }

  private static final StructType SCHEMA =
      new StructType()
          .add("id", DataTypes.StringType)
          .add("t", DataTypes.IntegerType)
          .add("a", DataTypes.DoubleType)
          .add("b", DataTypes.DoubleType)
          .add("y", DataTypes.DoubleType)
          .add("c", DataTypes.IntegerType)
          .add("w", DataTypes.DoubleType);

  /** Sequences of 1 to STEPS rows with gaps in their order values, rows in a shuffled order. */
  private static List<Step> steps(long seed, int sequences) {
    Random r = new Random(seed);
    List<Step> out = new ArrayList<>();
    for (int s = 0; s < sequences; s++) {
      int length = 1 + (s * 7 + 3) % STEPS;
      double state = 0;
      for (int t = 0; t < length; t++) {
        double a = 2 * r.nextDouble() - 1;
        double b = 2 * r.nextDouble() - 1;
        state = 0.5 * state + a - 0.5 * b;
        out.add(new Step("s" + s, 10 * t + s % 3, a, b, state, state > 0 ? 1 : 0, r.nextInt(3)));
      }
    }
    Collections.shuffle(out, r);
    return out;
  }

  private static org.apache.spark.sql.Dataset<Row> table(List<Step> steps, int partitions) {
    List<Row> rows = steps.stream().map(Step::row).toList();
    return spark.createDataFrame(rows, SCHEMA).repartition(partitions);
  }

  private static final int VALUES = 0;
  private static final int LABELS = 1;
  private static final int INPUTS = 2;

  private static List<List<Batch>> byHand(
      List<Step> steps,
      int partitions,
      int batchSize,
      boolean labels,
      boolean weighted,
      DataType type) {
    return byHand(steps, partitions, batchSize, labels ? LABELS : VALUES, weighted, type);
  }

  /**
   * The batches by hand: which partition each id goes to, then each partition's sequences; {@code
   * target} is VALUES, LABELS or INPUTS (an autoencoder's).
   */
  private static List<List<Batch>> byHand(
      List<Step> steps,
      int partitions,
      int batchSize,
      int target,
      boolean weighted,
      DataType type) {
    TreeMap<String, List<Step>> sequences = new TreeMap<>();
    for (Step s : steps) {
      sequences.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(s);
    }
    sequences.values().forEach(l -> l.sort((p, q) -> Integer.compare(p.t(), q.t())));
    List<Row> ids = sequences.keySet().stream().map(id -> RowFactory.create(id)).toList();
    Map<String, Integer> partitionOf = new TreeMap<>();
    for (Row r :
        spark
            .createDataFrame(ids, new StructType().add("id", DataTypes.StringType))
            .select(
                functions.col("id"),
                functions.pmod(functions.hash(functions.col("id")), functions.lit(partitions)))
            .collectAsList()) {
      partitionOf.put(r.getString(0), r.getInt(1));
    }
    int perBatch = (batchSize + partitions - 1) / partitions;
    List<List<Batch>> parts = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      List<List<Step>> mine = new ArrayList<>();
      for (Map.Entry<String, List<Step>> e : sequences.entrySet()) {
        if (partitionOf.get(e.getKey()) == p) {
          mine.add(e.getValue());
        }
      }
      List<Batch> batches = new ArrayList<>();
      for (int from = 0; from < mine.size(); from += perBatch) {
        batches.add(
            Batch.of(
                padded(
                    mine.subList(from, Math.min(mine.size(), from + perBatch)),
                    target,
                    weighted,
                    type)));
      }
      parts.add(batches);
    }
    return parts;
  }

  private static Dataset padded(
      List<List<Step>> seqs, int target, boolean weighted, DataType type) {
    int n = seqs.size();
    boolean labels = target == LABELS;
    INDArray x = Nd4j.zeros(DataType.DOUBLE, n, STEPS, 2);
    INDArray y =
        labels ? Nd4j.zeros(DataType.INT64, n, STEPS) : Nd4j.zeros(DataType.DOUBLE, n, STEPS, 1);
    INDArray w =
        labels
            ? Nd4j.zeros(DataType.DOUBLE, n, STEPS)
            : Nd4j.zeros(DataType.DOUBLE, n, STEPS, target == INPUTS ? 2 : 1);
    for (int i = 0; i < n; i++) {
      List<Step> seq = seqs.get(i);
      for (int t = 0; t < seq.size(); t++) {
        Step s = seq.get(t);
        x.putScalar(new long[] {i, t, 0}, s.a());
        x.putScalar(new long[] {i, t, 1}, s.b());
        double weight = weighted ? s.w() : 1;
        if (labels) {
          y.putScalar(new long[] {i, t}, s.c());
          w.putScalar(new long[] {i, t}, weight);
        } else {
          y.putScalar(new long[] {i, t, 0}, s.y());
          w.get(
                  org.nd4j.linalg.indexing.NDArrayIndex.point(i),
                  org.nd4j.linalg.indexing.NDArrayIndex.point(t),
                  org.nd4j.linalg.indexing.NDArrayIndex.all())
              .assign(weight);
        }
      }
    }
    if (target == INPUTS) {
      return Dataset.builder().inputs(x.castTo(type)).weights(w.castTo(type)).build();
    }
    return Dataset.of(x.castTo(type), labels ? y : y.castTo(type), w.castTo(type));
  }

  /** Trains on Spark from the rows and in one process on the batches by hand; both recorders. */
  private static Fixtures.Recorder[] trainBoth(
      Supplier<Model.Builder<?, ?>> builder,
      org.apache.spark.sql.Dataset<Row> table,
      RowColumns columns,
      List<List<Batch>> byHand,
      TrainOptions options) {
    Fixtures.Recorder spark = new Fixtures.Recorder();
    Model onSpark = builder.get().injector(Fixtures.injector(spark)).build();
    spark.model = onSpark;
    TrainingResult a = SparkTrainer.exact(sc).train(onSpark, table, columns, null, options);
    Fixtures.Recorder local = new Fixtures.Recorder();
    Model inProcess = builder.get().injector(Fixtures.injector(local)).build();
    local.model = inProcess;
    List<Dataset> global = Fixtures.global(byHand);
    TrainingResult b =
        inProcess.train(
            Fixtures.shuffled(global, options.seed()), Fixtures.inOrder(global), options);
    spark.parameters.add(onSpark.parameters());
    local.parameters.add(inProcess.parameters());
    assertThat(a.history()).hasSameSizeAs(b.history());
    return new Fixtures.Recorder[] {spark, local};
  }

  /** The batches Spark makes of the rows equal those by hand, array for array. */
  private static void assertSameBatches(List<List<Batch>> made, List<List<Batch>> byHand) {
    assertThat(made).hasSameSizeAs(byHand);
    for (int p = 0; p < made.size(); p++) {
      assertThat(made.get(p)).as("partition %d", p).hasSameSizeAs(byHand.get(p));
      for (int b = 0; b < made.get(p).size(); b++) {
        Dataset m = made.get(p).get(b).toDataset();
        Dataset h = byHand.get(p).get(b).toDataset();
        assertThat(m.names()).containsExactlyInAnyOrderElementsOf(h.names());
        for (String name : h.names()) {
          assertThat(m.array(name))
              .as("partition %d, batch %d, %s", p, b, name)
              .isEqualTo(h.array(name));
        }
      }
    }
  }

  @Test
  void aRecurrentRegressorTrainsFromRowsAsFromItsPaddedSequencesWithOneTwoAndThreePartitions() {
    List<Step> steps = steps(1, 13);
    RowColumns columns = RowColumns.targets("y").inputs("a", "b").sequence("id", "t", STEPS);
    TrainOptions options =
        TrainOptions.builder()
            .algorithm("adam")
            .learningRate(0.02)
            .batchSize(6)
            .maxUpdates(2)
            .seed(4)
            .build();
    Supplier<Model.Builder<?, ?>> make =
        () ->
            io.github.javanets.models.recurrent.Regressor.builder()
                .layers(2, "4:lstm", 1)
                .weighted(true)
                .dataType(DataType.DOUBLE)
                .seed(1);
    for (int partitions = 1; partitions <= 3; partitions++) {
      org.apache.spark.sql.Dataset<Row> table = table(steps, partitions);
      List<List<Batch>> byHand =
          byHand(steps, partitions, options.batchSize(), false, false, DataType.DOUBLE);
      List<List<Batch>> made =
          RowBatches.of(table, columns, make.get().build(), options.batchSize()).glom().collect();
      assertSameBatches(made, byHand);
      if (partitions == 3) {
        assertThat(byHand).allSatisfy(p -> assertThat(p).isNotEmpty());
      }
      ExactTrainingTest.assertSameSteps(trainBoth(make, table, columns, byHand, options), 1e-10);
    }
  }

  @Test
  void sparkPadsEachSequenceAtItsEndWithZerosAndWeightZero() {
    List<Step> steps = steps(1, 13);
    RowColumns columns = RowColumns.targets("y").inputs("a", "b").sequence("id", "t", STEPS);
    Model model =
        io.github.javanets.models.recurrent.Regressor.builder()
            .layers(2, "4:lstm", 1)
            .weighted(true)
            .build();
    List<List<Batch>> made = RowBatches.of(table(steps, 1), columns, model, 13).glom().collect();
    assertThat(made).hasSize(1);
    assertThat(made.get(0)).hasSize(1);
    Dataset all = made.get(0).get(0).toDataset();
    assertThat(all.inputs().shape()).containsExactly(13, STEPS, 2);
    assertThat(all.target().shape()).containsExactly(13, STEPS, 1);
    assertThat(all.array("weights").shape()).containsExactly(13, STEPS, 1);
    // Ids in Spark's order: s0, s1, s10, s11, s12, s2, ...; s10 has 2 rows, at t = 1 and 11.
    Step second =
        steps.stream().filter(s -> s.id().equals("s10") && s.t() == 11).findFirst().orElseThrow();
    assertThat(all.inputs().getFloat(2, 1, 0)).isEqualTo((float) second.a());
    assertThat(all.target().getFloat(2, 1, 0)).isEqualTo((float) second.y());
    assertThat(all.array("weights").getFloat(2, 1, 0)).isEqualTo(1f);
    for (int t = 2; t < STEPS; t++) {
      assertThat(all.array("weights").getFloat(2, t, 0)).isZero();
      assertThat(all.inputs().getFloat(2, t, 0)).isZero();
      assertThat(all.inputs().getFloat(2, t, 1)).isZero();
      assertThat(all.target().getFloat(2, t, 0)).isZero();
    }
  }

  @Test
  void aWeightedRecurrentClassifierInFloatTrainsFromRowsAsFromItsPaddedSequences() {
    List<Step> steps = steps(2, 11);
    RowColumns columns =
        RowColumns.targets("c").inputs("a", "b").weightedBy("w").sequence("id", "t", STEPS);
    TrainOptions options =
        TrainOptions.builder()
            .algorithm("sgd")
            .learningRate(0.1)
            .batchSize(5)
            .maxUpdates(2)
            .seed(8)
            .build();
    Supplier<Model.Builder<?, ?>> make =
        () -> Classifier.builder().layers(2, "3:gru", 2).weighted(true).seed(2);
    for (int partitions = 1; partitions <= 3; partitions++) {
      org.apache.spark.sql.Dataset<Row> table = table(steps, partitions);
      List<List<Batch>> byHand =
          byHand(steps, partitions, options.batchSize(), true, true, DataType.FLOAT);
      assertSameBatches(
          RowBatches.of(table, columns, make.get().build(), options.batchSize()).glom().collect(),
          byHand);
      ExactTrainingTest.assertSameSteps(trainBoth(make, table, columns, byHand, options), 1e-5);
    }
  }

  @Test
  void theSameRowsInAnotherOrderAndPartitioningWithARetriedTaskGiveTheSameParameters() {
    List<Step> steps = steps(4, 10);
    List<Step> reversed = new ArrayList<>(steps);
    Collections.reverse(reversed);
    RowColumns columns = RowColumns.targets("y").inputs("a", "b").sequence("id", "t", STEPS);
    TrainOptions options =
        TrainOptions.builder()
            .algorithm("adam")
            .learningRate(0.02)
            .batchSize(4)
            .maxUpdates(1)
            .seed(6)
            .build();
    Supplier<Model> make =
        () ->
            io.github.javanets.models.recurrent.Regressor.builder()
                .layers(2, "3:rnn", 1)
                .weighted(true)
                .dataType(DataType.DOUBLE)
                .seed(5)
                .build();
    Model clean = make.get();
    SparkTrainer.exact(sc).train(clean, table(steps, 2), columns, null, options);
    Model retried = make.get();
    org.apache.spark.sql.Dataset<Row> other =
        spark
            .createDataFrame(reversed.stream().map(Step::row).toList(), SCHEMA)
            .repartition(2, functions.col("t"));
    Faults.failFirstAttempts(p -> p == 1, 2);
    try {
      SparkTrainer.exact(sc).train(retried, other, columns, null, options);
      assertThat(Faults.remainingForTests()).isZero();
    } finally {
      Faults.clear();
    }
    io.github.javanets.conventions.SameBits.assertSameBits(
        retried.parameters(), clean.parameters());
  }

  @Test
  void parameterAveragingTrainsARecurrentAutoencoderFromRows() {
    List<Step> steps = steps(3, 9);
    RowColumns columns =
        new RowColumns(List.of("a", "b"), List.of(), null).sequence("id", "t", STEPS);
    TrainOptions options =
        TrainOptions.builder()
            .algorithm("adam")
            .learningRate(0.02)
            .batchSize(4)
            .maxUpdates(2)
            .seed(5)
            .build();
    Supplier<Model> make =
        () ->
            Autoencoder.builder()
                .layers(2, "3:lstm", 2)
                .weighted(true)
                .dataType(DataType.DOUBLE)
                .seed(3)
                .build();
    // One partition averaged after every step: each round is a step of one process on the
    // batches in order.
    Model averaged = make.get();
    SparkTrainer.averaging(sc, 1).train(averaged, table(steps, 1), columns, null, options);
    List<Dataset> global =
        Fixtures.global(byHand(steps, 1, options.batchSize(), INPUTS, false, DataType.DOUBLE));
    assertThat(global).hasSize(3);
    Model inProcess = make.get();
    inProcess.train(Fixtures.inOrder(global), Fixtures.inOrder(global), options);
    Map<String, INDArray> expected = inProcess.parameters();
    averaged
        .parameters()
        .forEach(
            (name, value) ->
                assertThat(value.sub(expected.get(name)).amaxNumber().doubleValue())
                    .as(name)
                    .isLessThanOrEqualTo(1e-10));

    TrainingResult two =
        SparkTrainer.averaging(sc, 2).train(make.get(), table(steps, 2), columns, null, options);
    assertThat(two.history()).hasSize(2);
    assertThat(two.history().get(1).train().get("mse")).isFinite();
  }

  private static final RowColumns SEQUENCES =
      RowColumns.targets("y").inputs("a", "b").sequence("id", "t", 2);

  private static Model recurrentRegressor(boolean weighted) {
    return io.github.javanets.models.recurrent.Regressor.builder()
        .layers(2, "3:rnn", 1)
        .weighted(weighted)
        .build();
  }

  private static void assertRefused(List<Step> steps, String why) {
    Model model = recurrentRegressor(true);
    Map<String, INDArray> before = model.parameters();
    TrainOptions options = TrainOptions.builder().batchSize(4).maxUpdates(1).build();
    assertThatThrownBy(
            () -> SparkTrainer.exact(sc).train(model, table(steps, 1), SEQUENCES, null, options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("The rows of partition 0 of training data (read on executor ")
        .hasMessageEndingWith(") are not valid: " + why);
    io.github.javanets.conventions.SameBits.assertSameBits(model.parameters(), before);
  }

  private static Step step(String id, int t) {
    return new Step(id, t, 0.5, -0.5, 1, 0, 1);
  }

  @Test
  void aSequenceLongerThanItsPaddedLengthIsRefusedNamingItsIdAndRows() {
    assertRefused(
        List.of(step("s1", 0), step("s0", 0), step("s0", 1), step("s0", 2)),
        "Sequence 's0' (column 'id') has 3 rows, more than the 2 steps sequences are padded to:"
            + " give RowColumns.sequence a length of at least 3, or split the sequence.");
  }

  @Test
  void twoRowsOfASequenceAtOneStepAreRefusedNamingTheValue() {
    assertRefused(
        List.of(step("s0", 0), step("s1", 3), step("s1", 3)),
        "Sequence 's1' (column 'id') has two rows with 3 in the order column 't': its values"
            + " order a sequence's rows, one value per row.");
  }

  @Test
  void anEmptyOrNullSequenceIdIsRefused() {
    assertRefused(
        List.of(step("s0", 0), step("", 1)),
        "Column 'id' holds an empty sequence id (''), where every row needs the id of its"
            + " sequence.");
    assertRefused(
        List.of(step("s0", 0), step(null, 1)),
        "Column 'id' holds an empty sequence id (null), where every row needs the id of its"
            + " sequence.");
  }

  @Test
  void columnsThatDoNotFitTheModelAreRefusedBeforeSparkRuns() {
    org.apache.spark.sql.Dataset<Row> table = table(List.of(step("s0", 0)), 1);
    TrainOptions options = TrainOptions.defaults();
    SparkTrainer exact = SparkTrainer.exact(sc);
    assertThatThrownBy(
            () ->
                exact.train(
                    recurrentRegressor(true), table, RowColumns.targets("y"), null, options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "A recurrent.Regressor trains on sequences, but the columns name no sequence column:"
                + " group the rows with RowColumns.sequence(column, order, steps), naming the"
                + " sequence id column (as --sequence-column names it), the column that orders a"
                + " sequence's rows and the length sequences are padded to.");
    assertThatThrownBy(
            () ->
                exact.train(
                    Regressor.builder().layers(2, 3, 1).weighted(true).build(),
                    table,
                    SEQUENCES,
                    null,
                    options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The columns group rows into sequences by 'id', but the Regressor is feed-forward and"
                + " takes one row per example: drop the sequence column, or train a recurrent"
                + " model.");
    assertThatThrownBy(
            () -> exact.train(recurrentRegressor(false), table, SEQUENCES, null, options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Sequences are padded to 2 steps with weight 0, but the recurrent.Regressor is not"
                + " weighted and would train on the padding: build it with weighted(true).");
    assertThatThrownBy(
            () ->
                exact.train(
                    recurrentRegressor(true),
                    table,
                    RowColumns.targets("y").inputs("a", "t").sequence("id", "t", 2),
                    null,
                    options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Column 't' is the order column: it cannot also be an input, a target, the weights or"
                + " the sequence column.");
    assertThatThrownBy(
            () ->
                exact.train(
                    recurrentRegressor(true),
                    table,
                    RowColumns.targets("y").inputs("b").sequence("a", "t", 2),
                    null,
                    options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Sequence column 'a' holds values of type double; sequence ids are strings or"
                + " integers (string, byte, short, int or long).");
    assertThatThrownBy(() -> RowColumns.targets("y").sequence("id", "t", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Sequences are padded to a length of steps >= 1, got 0.");
    assertThatThrownBy(() -> new RowColumns(List.of(), List.of("y"), null, null, "t", 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "An order column ('t') and a length (3) only apply to sequences, but no sequence"
                + " column is named: use RowColumns.sequence(column, order, steps).");
  }
}
