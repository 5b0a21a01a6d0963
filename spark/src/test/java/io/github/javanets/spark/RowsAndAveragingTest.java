package io.github.javanets.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.javanets.models.Classifier;
import io.github.javanets.models.Dataset;
import io.github.javanets.models.Model;
import io.github.javanets.models.Regressor;
import io.github.javanets.models.Scaling;
import io.github.javanets.models.TrainOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training from a Spark {@code Dataset<Row>} with the command line's column names, exactly; and
 * parameter averaging against exact training on Fisher's Iris data (as the command line embeds it).
 */
class RowsAndAveragingTest {
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

  @Test
  void rowsTrainAsTheirBatchesTrainInOneProcess() {
    StructType schema =
        new StructType()
            .add("a", DataTypes.DoubleType)
            .add("b", DataTypes.DoubleType)
            .add("price", DataTypes.DoubleType)
            .add("w", DataTypes.DoubleType);
    Random r = new Random(3);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 37; i++) {
      double a = r.nextGaussian();
      double b = r.nextGaussian();
      rows.add(RowFactory.create(a, b, 2 * a - b + 0.1 * r.nextGaussian(), (double) r.nextInt(3)));
    }
    org.apache.spark.sql.Dataset<Row> table = spark.createDataFrame(rows, schema).repartition(3);
    RowColumns columns = RowColumns.targets("price").weightedBy("w");
    TrainOptions options =
        TrainOptions.builder()
            .algorithm("adam")
            .learningRate(0.05)
            .batchSize(8)
            .maxUpdates(3)
            .seed(2)
            .build();
    java.util.function.Supplier<Model> make =
        () ->
            Regressor.builder()
                .layers(2, "4:tanh", 1)
                .weighted(true)
                .dataType(DataType.DOUBLE)
                .seed(7)
                .build();
    Model onSpark = make.get();
    SparkTrainer.exact(sc).train(onSpark, table, columns, null, options);

    List<List<Batch>> parts =
        RowBatches.of(table, columns, onSpark, options.batchSize()).glom().collect();
    assertThat(parts).hasSize(3);
    assertThat(parts.get(0).get(0).rows()).isEqualTo(3); // ceil(8 / 3) rows per shard
    assertThat(parts.get(0).get(0).names()).containsExactly("inputs", "target", "weights");
    Model inProcess = make.get();
    inProcess.train(
        Fixtures.shuffled(Fixtures.global(parts), options.seed()),
        Fixtures.inOrder(Fixtures.global(parts)),
        options);
    Map<String, INDArray> expected = inProcess.parameters();
    onSpark
        .parameters()
        .forEach(
            (name, value) ->
                assertThat(value.sub(expected.get(name)).amaxNumber().doubleValue())
                    .as(name)
                    .isLessThanOrEqualTo(1e-10));
  }

  @Test
  void aClassIndexThatIsNotAnIntegerIsOneErrorNamingThePartitionTheColumnAndTheValue() {
    StructType schema =
        new StructType().add("a", DataTypes.DoubleType).add("species", DataTypes.DoubleType);
    List<Row> rows = List.of(RowFactory.create(0.5, 1.0), RowFactory.create(0.25, 1.5));
    org.apache.spark.sql.Dataset<Row> table = spark.createDataFrame(rows, schema).coalesce(1);
    Model model = Classifier.builder().layers(1, 3, 2).seed(1).build();
    assertThatThrownBy(
            () ->
                SparkTrainer.exact(sc)
                    .train(
                        model,
                        table,
                        RowColumns.targets("species"),
                        null,
                        TrainOptions.builder().maxUpdates(1).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("The rows of partition 0 of training data (read on executor ")
        .hasMessageEndingWith(
            ") are not valid: Column 'species' holds 1.5 where a class index (an integer >= 0) is"
                + " needed.");
  }

  @Test
  void aModelThatScalesIsRefusedSinceTheBatchesAreTrainedOnAsGiven() {
    Model model =
        Regressor.builder().layers(2, "4:tanh", 1).scaleInputs(Scaling.STANDARD).seed(7).build();
    Dataset data = Dataset.of(Nd4j.rand(DataType.FLOAT, 12, 2), Nd4j.rand(DataType.FLOAT, 12, 1));
    TrainOptions options = TrainOptions.builder().batchSize(4).maxUpdates(1).build();
    assertThatThrownBy(
            () ->
                SparkTrainer.exact(sc)
                    .train(model, SparkTrainer.distribute(sc, data, 2, 4), null, options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("The model scales its inputs (STANDARD) and targets (NONE)");
  }

  @Test
  void theCommandLinePathScalesTheRowsAsTheModelScalesThemInOneProcess() {
    Random r = new Random(11);
    int n = 30;
    INDArray x = Nd4j.create(DataType.DOUBLE, n, 2);
    INDArray y = Nd4j.create(DataType.DOUBLE, n, 1);
    for (int i = 0; i < n; i++) {
      double a = 1000 + 50 * r.nextGaussian();
      double b = 0.01 * r.nextGaussian();
      x.putScalar(i, 0, a);
      x.putScalar(i, 1, b);
      y.putScalar(i, 0, 3 * a + 2e4 * b);
    }
    Dataset raw = Dataset.of(x, y);
    TrainOptions options =
        TrainOptions.builder()
            .algorithm("adam")
            .learningRate(0.05)
            .batchSize(8)
            .maxUpdates(3)
            .seed(2)
            .build();
    java.util.function.Supplier<Regressor> make =
        () ->
            Regressor.builder()
                .layers(2, "4:tanh", 1)
                .scaleInputs(Scaling.STANDARD)
                .scaleTargets(Scaling.MIN_MAX)
                .dataType(DataType.DOUBLE)
                .seed(7)
                .build();

    Regressor onSpark = make.get();
    onSpark.fitScaling(raw);
    Dataset scaled = CommandLineTraining.scaled(onSpark, raw);
    assertThat(scaled.inputs().getDouble(4, 0))
        .isCloseTo(
            (x.getDouble(4, 0) - onSpark.inputScaler().orElseThrow().offsets()[0])
                / onSpark.inputScaler().orElseThrow().scales()[0],
            within(1e-12));
    SparkTrainer.exact(sc)
        .trainScaled(onSpark, SparkTrainer.distribute(sc, scaled, 2, 8), null, options);

    // One process, on the same global minibatches of raw rows: the model scales them itself.
    List<Dataset> global = Fixtures.global(SparkTrainer.distribute(sc, raw, 2, 8).glom().collect());
    Regressor inProcess = make.get();
    inProcess.fitScaling(raw); // as the command line fits it: all rows at once, in file order
    inProcess.train(Fixtures.shuffled(global, options.seed()), Fixtures.inOrder(global), options);
    assertThat(onSpark.inputScaler()).isEqualTo(inProcess.inputScaler());
    assertThat(onSpark.targetScaler()).isEqualTo(inProcess.targetScaler());
    Map<String, INDArray> expected = inProcess.parameters();
    onSpark
        .parameters()
        .forEach(
            (name, value) ->
                assertThat(value.sub(expected.get(name)).amaxNumber().doubleValue())
                    .as(name)
                    .isLessThanOrEqualTo(1e-10));
    assertThat(onSpark.predict(x).sub(inProcess.predict(x)).amaxNumber().doubleValue())
        .isLessThanOrEqualTo(1e-8);
  }

  @Test
  void parameterAveragingTrainsIrisAsWellAsExactTrainingWithFewerRoundTrips() throws Exception {
    org.apache.spark.sql.Dataset<Row> iris = iris().repartition(2);
    RowColumns columns = RowColumns.targets("species");
    TrainOptions options =
        TrainOptions.builder()
            .algorithm("adam")
            .learningRate(0.05)
            .batchSize(32)
            .maxUpdates(20)
            .validateEvery(10)
            .seed(13)
            .build();
    Dataset all = irisInMemory();

    Classifier exact = Classifier.builder().layers(4, "16:tanh", 3).seed(13).build();
    SparkTrainer exactTrainer = SparkTrainer.exact(sc);
    exactTrainer.train(exact, iris, columns, null, options);
    double exactAccuracy = exact.score(all.inputs(), all.target());

    Classifier averaged = Classifier.builder().layers(4, "16:tanh", 3).seed(13).build();
    SparkTrainer averaging = SparkTrainer.averaging(sc, 4);
    averaging.train(averaged, iris, columns, null, options);
    double averagedAccuracy = averaged.score(all.inputs(), all.target());

    System.out.printf(
        "Iris, 20 epochs, batch 32, 2 partitions: exact accuracy %.3f (%s); averaging every 4: %.3f (%s)%n",
        exactAccuracy, exactTrainer.lastRun(), averagedAccuracy, averaging.lastRun());
    assertThat(exactAccuracy).isGreaterThan(0.9);
    assertThat(averagedAccuracy).isGreaterThan(0.85);
    // 75 rows per partition: 5 shards of 16 rows, so 5 exact steps or 2 rounds of 4 per epoch.
    assertThat(exactTrainer.lastRun().steps()).isEqualTo(100);
    assertThat(averaging.lastRun().rounds()).isEqualTo(40);
  }

  @Test
  void parameterAveragingTakesALossThatExactModeRefuses() {
    List<List<Batch>> parts =
        Fixtures.partitions(
            new int[] {2, 2},
            new int[] {6, 6},
            91,
            (n, r) ->
                Dataset.of(
                    Fixtures.uniform(r, DataType.FLOAT, n, 3),
                    Fixtures.uniform(r, DataType.FLOAT, n, 2)));
    Model model =
        Regressor.builder().layers(3, 4, 2).loss("mse").loss("mmd(weight=0.1)").seed(1).build();
    var result =
        SparkTrainer.averaging(sc, 2)
            .train(
                model, Fixtures.rdd(sc, parts), null, TrainOptions.builder().maxUpdates(2).build());
    assertThat(result.history()).hasSize(2);
    assertThat(result.history().get(1).train()).containsKeys("mse", "mmd");
    assertThat(result.history().get(1).train().get("mmd")).isFinite();
  }

  private static List<double[]> irisRows() throws Exception {
    List<double[]> out = new ArrayList<>();
    List<String> species = List.of("setosa", "versicolor", "virginica");
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                RowsAndAveragingTest.class.getResourceAsStream("/iris.csv"),
                StandardCharsets.UTF_8))) {
      in.readLine();
      for (String line; (line = in.readLine()) != null; ) {
        String[] cells = line.split(",");
        double[] row = new double[5];
        for (int i = 0; i < 4; i++) {
          row[i] = Double.parseDouble(cells[i]);
        }
        row[4] = species.indexOf(cells[4]);
        out.add(row);
      }
    }
    return out;
  }

  private static org.apache.spark.sql.Dataset<Row> iris() throws Exception {
    StructType schema =
        new StructType()
            .add("sepal_length", DataTypes.DoubleType)
            .add("sepal_width", DataTypes.DoubleType)
            .add("petal_length", DataTypes.DoubleType)
            .add("petal_width", DataTypes.DoubleType)
            .add("species", DataTypes.IntegerType);
    List<Row> rows = new ArrayList<>();
    for (double[] v : irisRows()) {
      rows.add(RowFactory.create(v[0], v[1], v[2], v[3], (int) v[4]));
    }
    return spark.createDataFrame(rows, schema);
  }

  private static Dataset irisInMemory() throws Exception {
    List<double[]> rows = irisRows();
    double[][] x = new double[rows.size()][];
    long[] y = new long[rows.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = java.util.Arrays.copyOf(rows.get(i), 4);
      y[i] = (long) rows.get(i)[4];
    }
    return Dataset.of(Nd4j.create(x).castTo(DataType.FLOAT), Nd4j.createFromArray(y));
  }
}
