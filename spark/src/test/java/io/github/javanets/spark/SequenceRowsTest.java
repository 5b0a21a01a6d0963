package io.github.javanets.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.models.Dataset;
import io.github.javanets.models.Model;
import io.github.javanets.models.TrainOptions;
import io.github.javanets.models.TrainingResult;
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

  /** The batches by hand: which partition each id goes to, then each partition's sequences. */
  private static List<List<Batch>> byHand(
      List<Step> steps,
      int partitions,
      int batchSize,
      boolean labels,
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
                    labels,
                    weighted,
                    type)));
      }
      parts.add(batches);
    }
    return parts;
  }

  private static Dataset padded(
      List<List<Step>> seqs, boolean labels, boolean weighted, DataType type) {
    int n = seqs.size();
    INDArray x = Nd4j.zeros(DataType.DOUBLE, n, STEPS, 2);
    INDArray y =
        labels ? Nd4j.zeros(DataType.INT64, n, STEPS) : Nd4j.zeros(DataType.DOUBLE, n, STEPS, 1);
    INDArray w =
        labels ? Nd4j.zeros(DataType.DOUBLE, n, STEPS) : Nd4j.zeros(DataType.DOUBLE, n, STEPS, 1);
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
          w.putScalar(new long[] {i, t, 0}, weight);
        }
      }
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
    // Sequence s0 has 4 rows, s1 3 and s2 2: zeros and weight 0 after its last step.
    Dataset first =
        Batch.of(Fixtures.global(byHand(steps, 1, 6, false, false, DataType.DOUBLE)).get(0))
            .toDataset();
    assertThat(first.array("weights").getDouble(2, 1, 0)).isEqualTo(1.0);
    assertThat(first.array("weights").getDouble(2, 2, 0)).isZero();
    assertThat(first.array("weights").getDouble(2, 3, 0)).isZero();
    assertThat(first.inputs().getDouble(2, 3, 1)).isZero();
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
}
