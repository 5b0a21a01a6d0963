package io.github.javanets.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.javanets.models.BatchSource;
import io.github.javanets.models.Classifier;
import io.github.javanets.models.Dataset;
import io.github.javanets.models.Regressor;
import io.github.javanets.models.TrainOptions;
import io.github.javanets.train.BatchFailedException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training on a CSV file: the same parameters, bit for bit, as training on the same rows in memory,
 * and bad data met mid-stream stops training with the file, line and column named and the
 * parameters as they were before the call.
 */
class StreamedCsvTrainingTest {
  private static final int ROWS = 3000;

  @TempDir Path dir;

  /** {@code ROWS} rows of x1,x2,x3,y with y a linear function of the x, values to 4 places. */
  private Path regression(String name) throws IOException {
    Path path = dir.resolve(name);
    Random random = new Random(11);
    try (BufferedWriter out = Files.newBufferedWriter(path)) {
      out.write("x1,x2,x3,y\n");
      for (int r = 0; r < ROWS; r++) {
        double a = random.nextGaussian();
        double b = random.nextGaussian();
        double c = random.nextGaussian();
        out.write(
            String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f%n", a, b, c, a - 2 * b + 0.5 * c));
      }
    }
    return path;
  }

  /** The file's rows parsed here, independently, as one in-memory dataset. */
  private static Dataset inMemory(Path path) throws IOException {
    List<String> lines = Files.readAllLines(path);
    float[][] x = new float[lines.size() - 1][3];
    float[][] y = new float[lines.size() - 1][1];
    for (int r = 1; r < lines.size(); r++) {
      String[] cells = lines.get(r).split(",");
      for (int c = 0; c < 3; c++) {
        x[r - 1][c] = (float) Double.parseDouble(cells[c]);
      }
      y[r - 1][0] = (float) Double.parseDouble(cells[3]);
    }
    return Dataset.of(Nd4j.createFromArray(x), Nd4j.createFromArray(y));
  }

  private static Regressor regressor() {
    return Regressor.builder().layers(3, 8, 1).seed(5).build();
  }

  private static TrainOptions options() {
    return TrainOptions.builder().learningRate(0.01).maxUpdates(3).validateEvery(1).seed(9).build();
  }

  /**
   * The same names, data types, shapes and raw bits of every element (the parameters are FLOAT).
   * Not {@code INDArray.equals}, which allows differences up to 1e-5.
   */
  private static void assertBitIdentical(Map<String, INDArray> a, Map<String, INDArray> b) {
    assertThat(a.keySet()).isEqualTo(b.keySet());
    a.forEach(
        (k, v) -> {
          INDArray w = b.get(k);
          assertThat(v.dataType()).as(k).isEqualTo(DataType.FLOAT).isEqualTo(w.dataType());
          assertThat(v.shape()).as(k).isEqualTo(w.shape());
          assertThat(rawBits(v)).as(k).containsExactly(rawBits(w));
        });
  }

  private static int[] rawBits(INDArray floats) {
    float[] v = floats.dup('c').data().asFloat();
    int[] bits = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      bits[i] = Float.floatToRawIntBits(v[i]);
    }
    return bits;
  }

  @Test
  void streamingAFileGivesTheParametersOfTheSameRowsInMemoryBitForBit() throws IOException {
    Path path = regression("train.csv");
    Dataset all = inMemory(path);
    CsvBatchSource csv = CsvBatchSource.builder(path).targetColumns("y").batchSize(64).build();

    Regressor streamed = regressor();
    streamed.train(csv, options());
    Regressor memory = regressor();
    memory.train(BatchSource.of(all, 64), options());

    assertBitIdentical(streamed.parameters(), memory.parameters());
    assertThat(streamed.parameters().get(streamed.parameters().keySet().iterator().next()))
        .isNotEqualTo(
            regressor().parameters().get(regressor().parameters().keySet().iterator().next()));
  }

  @Test
  void theSameSeedGivesTheSameParametersAndAnotherSeedOthers() throws IOException {
    Path path = regression("train.csv");

    Regressor a = regressor();
    a.train(shuffled(path, 100, 1), options());
    Regressor b = regressor();
    b.train(shuffled(path, 100, 1), options());
    Regressor c = regressor();
    c.train(shuffled(path, 100, 2), options());

    assertBitIdentical(a.parameters(), b.parameters());
    assertThat(a.parameters().values().iterator().next())
        .isNotEqualTo(c.parameters().values().iterator().next());
  }

  private static CsvBatchSource shuffled(Path path, int buffer, long seed) {
    return CsvBatchSource.builder(path)
        .targetColumns("y")
        .batchSize(64)
        .shuffle(buffer, seed)
        .build();
  }

  /** Writes the regression file with line {@code line} (the header is line 1) replaced. */
  private Path withLine(String name, int line, String text) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(regression("base-" + name)));
    lines.set(line - 1, text);
    return Files.write(dir.resolve(name), lines);
  }

  private static void assertStopsAndKeepsTheParameters(CsvBatchSource source, String message) {
    Regressor net = regressor();
    Map<String, INDArray> before = net.parameters();

    assertThatThrownBy(() -> net.train(source, options()))
        .isInstanceOf(BatchFailedException.class)
        .hasMessageEndingWith(" failed: " + message)
        .satisfies(
            e -> assertThat(((BatchFailedException) e).source()).isEqualTo(source.description()));
    assertBitIdentical(net.parameters(), before);
  }

  @Test
  void aBadRowDeepInTheFileNamesItsLineAndStopsTraining() throws IOException {
    Path path = withLine("short.csv", 2500, "1,2,3");
    assertStopsAndKeepsTheParameters(
        CsvBatchSource.builder(path).targetColumns("y").batchSize(64).build(),
        path + " line 2500: 3 values, but the header has 4 columns (x1, x2, x3, y).");
  }

  @Test
  void aNanNamesItsLineAndColumn() throws IOException {
    Path path = withLine("nan.csv", 1777, "1,NaN,3,4");
    assertStopsAndKeepsTheParameters(
        CsvBatchSource.builder(path).targetColumns("y").batchSize(64).build(),
        path
            + " line 1777, column 'x2': 'NaN' is not a number; missing values are not supported,"
            + " so fill it in or drop the row.");
  }

  @Test
  void textThatIsNotANumberAndAnEmptyCellNameTheirLineAndColumn() throws IOException {
    Path text = withLine("text.csv", 9, "1,2,three,4");
    Path empty = withLine("empty.csv", 10, "1,2,3,");
    assertStopsAndKeepsTheParameters(
        CsvBatchSource.builder(text).targetColumns("y").build(),
        text + " line 9, column 'x3': 'three' is not a number.");
    assertStopsAndKeepsTheParameters(
        CsvBatchSource.builder(empty).targetColumns("y").build(),
        empty + " line 10, column 'y': empty cell; every row needs a number here.");
  }

  @Test
  void aNegativeWeightNamesItsLine() throws IOException {
    Path path = Files.writeString(dir.resolve("w.csv"), "x,y,w\n1,2,1\n2,3,-0.5\n");
    Regressor net = Regressor.builder().layers(1, 4, 1).weighted(true).seed(5).build();

    assertThatThrownBy(
            () ->
                net.train(
                    CsvBatchSource.builder(path).targetColumns("y").weightsColumn("w").build(),
                    options()))
        .isInstanceOf(BatchFailedException.class)
        .hasMessageEndingWith(
            path + " line 3, column 'w': weight -0.5 is negative; weights must be >= 0.");
  }

  @Test
  void aLabelOutOfTheClassesNamesItsLineAndTheClasses() throws IOException {
    Path path = Files.writeString(dir.resolve("l.csv"), "x,y\n1,a\n2,b\n3,c\n");
    Classifier net = Classifier.builder().layers(1, 4, 2).seed(5).build();
    Map<String, INDArray> before = net.parameters();

    assertThatThrownBy(
            () ->
                net.train(
                    CsvBatchSource.builder(path).labelColumn("y", List.of("a", "b")).build(),
                    options()))
        .isInstanceOf(BatchFailedException.class)
        .hasMessage(
            "Batch 0 of "
                + path
                + " failed: "
                + path
                + " line 4, column 'y': label 'c' is not one of the classes (a, b).");
    assertBitIdentical(net.parameters(), before);
  }

  @Test
  void aFileThatVanishesBetweenEpochsStopsTrainingWithTheParametersKept() throws IOException {
    Path path = regression("vanishing.csv");
    AtomicInteger opened = new AtomicInteger();
    CsvBatchSource csv = CsvBatchSource.builder(path).targetColumns("y").batchSize(500).build();
    BatchSource deleting =
        () -> {
          if (opened.incrementAndGet() == 2) {
            try {
              Files.delete(path);
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }
          return csv.open();
        };
    Regressor net = regressor();
    Map<String, INDArray> before = net.parameters();

    assertThatThrownBy(() -> net.train(deleting, BatchSource.of(inMemoryRows(), 100), options()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(path + " cannot be opened any more (")
        .hasMessageEndingWith("); was it moved or deleted?");
    assertBitIdentical(net.parameters(), before);
  }

  private Dataset inMemoryRows() throws IOException {
    return inMemory(regression("valid.csv"));
  }

  @Test
  void aSequenceThatComesBackOrIsTooLongNamesTheLine() throws IOException {
    Path back = Files.writeString(dir.resolve("back.csv"), "s,x,y\na,1,1\nb,2,2\na,3,3\n");
    Path longer = Files.writeString(dir.resolve("long.csv"), "s,x,y\na,1,1\na,2,2\na,3,3\n");

    assertThatThrownBy(
            () ->
                CsvBatchSourceTest.pass(
                    CsvBatchSource.builder(back).sequenceColumn("s", 5).targetColumns("y").build()))
        .hasMessage(
            back
                + " line 4, column 's': sequence 'a' began earlier and other rows came between;"
                + " the rows of a sequence must be consecutive, so sort the file by this column.");
    assertThatThrownBy(
            () ->
                CsvBatchSourceTest.pass(
                    CsvBatchSource.builder(longer)
                        .sequenceColumn("s", 2)
                        .targetColumns("y")
                        .build()))
        .hasMessage(
            longer
                + " line 4, column 's': sequence 'a' has more than 2 rows, the length sequences"
                + " are padded to; give a larger length.");
  }

  @Test
  void aWeightsFileShorterThanTheDataIsAnError() throws IOException {
    Path data = Files.writeString(dir.resolve("d.csv"), "x,y\n1,2\n3,4\n");
    Path weights = Files.writeString(dir.resolve("w.csv"), "w\n1\n");

    assertThatThrownBy(
            () ->
                CsvBatchSourceTest.pass(
                    CsvBatchSource.builder(data).targetColumns("y").weightsFile(weights).build()))
        .hasMessage(
            weights
                + " has fewer rows than "
                + data
                + "; it needs one row of weights per data row.");
  }

  @Test
  void notUtf8NamesTheLineAndTheByte() throws IOException {
    Path path = dir.resolve("latin1.csv");
    Files.write(
        path, "x,y\n1,2\n3,caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

    assertThatThrownBy(
            () -> CsvBatchSourceTest.pass(CsvBatchSource.builder(path).targetColumns("y").build()))
        .hasMessage(path + " line 3: not valid UTF-8 (byte 0xE9); save the file as UTF-8.");
  }
}
