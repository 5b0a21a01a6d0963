package io.github.javanets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.conventions.SameBits;
import io.github.javanets.csv.HoldOut;
import io.github.javanets.models.BatchSource;
import io.github.javanets.models.Dataset;
import io.github.javanets.models.Layer;
import io.github.javanets.models.Model;
import io.github.javanets.models.Regressor;
import io.github.javanets.models.TrainOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;

/**
 * {@code train} streams its data: the parameters it saves are those of training the same rows in
 * memory, bit for bit, and the same seed and file give the same parameters.
 */
class StreamedTrainTest {
  private static final int ROWS = 2003;

  @TempDir Path dir;

  /** {@code ROWS} rows of a,b,c,y with y a smooth function of the inputs, to 4 places. */
  private Path data() throws IOException {
    Path path = dir.resolve("data.csv");
    Random random = new Random(3);
    try (BufferedWriter out = Files.newBufferedWriter(path)) {
      out.write("a,b,c,y\n");
      for (int r = 0; r < ROWS; r++) {
        double a = random.nextDouble() * 2 - 1;
        double b = random.nextDouble() * 2 - 1;
        double c = random.nextDouble() * 2 - 1;
        out.write(
            String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f%n", a, b, c, Math.sin(2 * a) + b * c));
      }
    }
    return path;
  }

  private List<String> train(Path data, String save, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "train",
                "--model",
                "regressor",
                "--data",
                data.toString(),
                "--epochs",
                "4",
                "--progress",
                "none",
                "--save",
                dir.resolve(save).toString(),
                "--plot",
                dir.resolve(save + ".png").toString()));
    args.addAll(List.of(more));
    assertThat(Javanets.execute(args.toArray(String[]::new))).as(args.toString()).isZero();
    return args;
  }

  private Map<String, INDArray> saved(String name) throws IOException {
    return Model.load(dir.resolve(name)).parameters();
  }

  private static void assertBitIdentical(Map<String, INDArray> a, Map<String, INDArray> b) {
    SameBits.assertSameBits(a, b);
  }

  /** The rows of {@code path} whose index passes {@code keep}, parsed here, in file order. */
  private static Dataset rows(Path path, java.util.function.LongPredicate keep) throws IOException {
    List<float[]> x = new ArrayList<>();
    List<float[]> y = new ArrayList<>();
    List<String> lines = Files.readAllLines(path);
    for (int r = 1; r < lines.size(); r++) {
      if (!keep.test(r - 1)) {
        continue;
      }
      String[] cells = lines.get(r).split(",");
      x.add(
          new float[] {
            (float) Double.parseDouble(cells[0]),
            (float) Double.parseDouble(cells[1]),
            (float) Double.parseDouble(cells[2])
          });
      y.add(new float[] {(float) Double.parseDouble(cells[3])});
    }
    return Dataset.of(
        Nd4j.createFromArray(x.toArray(float[][]::new)),
        Nd4j.createFromArray(y.toArray(float[][]::new)));
  }

  @Test
  void theStreamedRunSavesTheParametersOfTheSameRowsTrainedInMemory() throws IOException {
    Path data = data();
    List<String> args =
        train(
            data,
            "streamed.zip",
            "--shuffle-buffer",
            "0",
            "--seed",
            "21",
            "--keep-in-memory",
            "no");

    HoldOut split = HoldOut.of(ROWS, TrainCommand.DEFAULT_VALID_FRACTION, 21);
    Dataset train = rows(data, i -> !split.held(i));
    Dataset valid = rows(data, split::held);
    TrainCommand cmd = new TrainCommand();
    new CommandLine(cmd).parseArgs(args.subList(1, args.size()).toArray(String[]::new));
    TrainOptions options = Optimization.options(cmd);
    Regressor memory =
        Regressor.builder()
            .layers(Layer.of(3), Layer.parse("16:tanh"), Layer.of(1))
            .seed(21)
            .scaleInputs(ScalingOptions.DEFAULT)
            .scaleTargets(ScalingOptions.DEFAULT)
            .build();
    int batch = Integer.parseInt(TrainCommand.BATCH_SIZE);
    memory.train(BatchSource.of(train, batch), BatchSource.of(valid, batch), options);

    assertThat(train.rows() + valid.rows()).isEqualTo(ROWS);
    assertThat(valid.rows()).isEqualTo(Math.round(ROWS * TrainCommand.DEFAULT_VALID_FRACTION));
    assertBitIdentical(saved("streamed.zip"), memory.parameters());
    // train scales by default: the statistics fitted on the streamed rows are those of memory.
    Regressor streamed = Regressor.load(dir.resolve("streamed.zip"));
    assertThat(streamed.inputScaler()).isEqualTo(memory.inputScaler());
    assertThat(streamed.targetScaler()).isEqualTo(memory.targetScaler());
  }

  @Test
  void theSameSeedAndFileGiveTheSameParametersStreamedOrKeptAndAnotherSeedOthers()
      throws IOException {
    Path data = data();
    train(data, "a.zip", "--seed", "5", "--shuffle-buffer", "50", "--keep-in-memory", "no");
    train(data, "b.zip", "--seed", "5", "--shuffle-buffer", "50", "--keep-in-memory", "no");
    train(data, "kept.zip", "--seed", "5", "--shuffle-buffer", "50", "--keep-in-memory", "yes");
    train(data, "c.zip", "--seed", "6", "--shuffle-buffer", "50");

    assertBitIdentical(saved("a.zip"), saved("b.zip"));
    assertBitIdentical(saved("a.zip"), saved("kept.zip"));
    String first = saved("a.zip").keySet().iterator().next();
    assertThat(saved("a.zip").get(first)).isNotEqualTo(saved("c.zip").get(first));
  }

  @Test
  void predictPrintsEachBatchAsItGoesAndABadRowStopsItWithItsLine() throws IOException {
    Path data = data();
    train(data, "m.zip");
    List<String> lines = new ArrayList<>(Files.readAllLines(data));
    lines.set(1499, "0.1,NaN,0.2,0.3");
    Path input = Files.write(dir.resolve("p.csv"), lines);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream stdout = System.out;
    java.io.PrintStream stderr = System.err;
    int code;
    try {
      System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
      System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
      code =
          Javanets.execute(
              "predict", "--model", dir.resolve("m.zip").toString(), "--data", input.toString());
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }

    assertThat(code).isEqualTo(Javanets.USER_ERROR);
    // The first batch of 1024 rows was printed before the batch holding line 1500 was read.
    assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8).lines())
        .hasSize(Prediction.BATCH)
        .allSatisfy(Double::parseDouble);
    assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8).lines())
        .containsExactly(
            "javanets: "
                + input
                + " line 1500, column 'b': 'NaN' is not a number; missing values are not"
                + " supported, so fill it in or drop the row.");
  }
}
