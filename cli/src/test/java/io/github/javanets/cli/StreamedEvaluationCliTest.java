package io.github.javanets.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.javanets.models.Dataset;
import io.github.javanets.models.Model;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;

/**
 * {@code evaluate} streams and is exact over several batches: a weighted file of more than {@link
 * Evaluation#BATCH_ROWS} rows gives the model's {@code evaluate} on all its rows in memory; a
 * recurrent model's file of consecutive sequences streams ({@code evaluate} and {@code predict})
 * and gives what the whole-file reading of the same rows interleaved gives.
 */
class StreamedEvaluationCliTest {
  /** Rows in the weighted file: more than one batch. */
  private static final int ROWS = Evaluation.BATCH_ROWS + 700;

  private static final String NUMBER = "(-?\\d+\\.\\d+(?:e-?\\d+)?)";

  @TempDir static Path dir;

  @BeforeAll
  static void trainTheModels() throws IOException {
    weightedFile(dir.resolve("weighted.csv"), ROWS);
    weightedFile(dir.resolve("small.csv"), 400);
    train(
        "--model",
        "regressor",
        "--data",
        "small.csv",
        "--target-column",
        "y",
        "--weights-column",
        "w",
        "--layers",
        "2,6,1",
        "--save",
        "weighted.model");
    Files.writeString(dir.resolve("seq.csv"), String.join("", sequenceCsv(40, 1)));
    train(
        "--recurrent",
        "--sequence-column",
        "seq",
        "--model",
        "regressor",
        "--data",
        "seq.csv",
        "--layers",
        "1,6:gru,1",
        "--save",
        "seq.model");
  }

  @Test
  void aWeightedFileOfSeveralBatchesGivesTheValuesOnAllItsRows() throws IOException {
    Map<String, Double> printed =
        monitors(evaluate("--model", "weighted.model", "--data", "weighted.csv"));

    Model model = Model.load(dir.resolve("weighted.model"));
    Dataset all = weightedRows(dir.resolve("weighted.csv"), 0, ROWS);
    Map<String, Double> inMemory = model.evaluate(all);
    assertThat(printed.keySet()).containsExactly("loss", "err", "mse", "score");
    // Printed with 4 decimals.
    assertThat(printed.get("mse")).isCloseTo(inMemory.get("mse"), within(6e-5));
    assertThat(printed.get("loss")).isCloseTo(inMemory.get("loss"), within(6e-5));
    // The batches' values weighted by rows, as evaluate gave before, are far from it.
    Dataset first = weightedRows(dir.resolve("weighted.csv"), 0, Evaluation.BATCH_ROWS);
    Dataset rest = weightedRows(dir.resolve("weighted.csv"), Evaluation.BATCH_ROWS, ROWS);
    double byRows =
        (first.rows() * model.evaluate(first).get("mse")
                + rest.rows() * model.evaluate(rest).get("mse"))
            / ROWS;
    assertThat(Math.abs(byRows - inMemory.get("mse"))).isGreaterThan(1e-2);
  }

  @Test
  void consecutiveSequencesStreamAndGiveTheWholeFilesMonitors() throws IOException {
    // 11,000 sequences: two batches of at most BATCH_ROWS sequences.
    List<String> lines = sequenceCsv(11_000, 2);
    Files.writeString(dir.resolve("many.csv"), String.join("", lines));
    Files.writeString(dir.resolve("many-mixed.csv"), String.join("", interleaved(lines)));

    String streamed = evaluate("--model", "seq.model", "--data", "many.csv");
    String whole = evaluate("--model", "seq.model", "--data", "many-mixed.csv");

    assertThat(streamed).contains("on " + dir.resolve("many.csv") + ", 11000 sequences of 1-9");
    Map<String, Double> s = monitors(streamed);
    Map<String, Double> w = monitors(whole);
    assertThat(s.keySet()).containsExactly("loss", "err", "mse", "score");
    s.forEach((k, v) -> assertThat(v).as(k).isCloseTo(w.get(k), within(2e-4)));
  }

  @Test
  void consecutiveSequencesPredictBatchByBatchInFileOrder() throws IOException {
    // 300 sequences of up to 9 steps: batches of 1024 / 9 = 113 sequences.
    List<String> lines = sequenceCsv(300, 3);
    List<String> mixed = interleaved(lines);
    Files.writeString(dir.resolve("p.csv"), String.join("", lines));
    Files.writeString(dir.resolve("p-mixed.csv"), String.join("", mixed));

    List<String> streamed = predict("--model", "seq.model", "--data", "p.csv", "--header");
    List<String> whole = predict("--model", "seq.model", "--data", "p-mixed.csv", "--header");

    assertThat(streamed).hasSize(lines.size()).first().isEqualTo("y");
    assertThat(whole).hasSize(lines.size());
    Map<String, Double> byRow = new LinkedHashMap<>();
    for (int i = 1; i < mixed.size(); i++) {
      byRow.put(mixed.get(i), Double.parseDouble(whole.get(i)));
    }
    for (int i = 1; i < lines.size(); i++) {
      assertThat(Double.parseDouble(streamed.get(i)))
          .as(lines.get(i))
          .isCloseTo(byRow.get(lines.get(i)), within(1e-5));
    }
  }

  private static void train(String... args) {
    List<String> all = new ArrayList<>(List.of("train"));
    for (String a : args) {
      all.add(a.endsWith(".csv") || a.endsWith(".model") ? dir.resolve(a).toString() : a);
    }
    all.addAll(
        List.of(
            "--epochs",
            "3",
            "--progress",
            "none",
            "--plot",
            dir.resolve(args[args.length - 1] + ".png").toString()));
    assertThat(Javanets.execute(all.toArray(String[]::new))).as(all.toString()).isZero();
  }

  private static String evaluate(String... args) throws IOException {
    EvaluateCommand cmd = new EvaluateCommand();
    new CommandLine(cmd).parseArgs(resolved(args));
    StringWriter text = new StringWriter();
    Evaluation.run(cmd, new PrintWriter(text));
    return text.toString();
  }

  private static List<String> predict(String... args) throws IOException {
    PredictCommand cmd = new PredictCommand();
    new CommandLine(cmd).parseArgs(resolved(args));
    StringWriter text = new StringWriter();
    Prediction.run(cmd, new PrintWriter(text));
    return text.toString().lines().toList();
  }

  private static String[] resolved(String... args) {
    return java.util.Arrays.stream(args)
        .map(a -> a.endsWith(".csv") || a.endsWith(".model") ? dir.resolve(a).toString() : a)
        .toArray(String[]::new);
  }

  /** The monitors and score of {@code evaluate}'s table, by name. */
  private static Map<String, Double> monitors(String output) {
    Map<String, Double> values = new LinkedHashMap<>();
    var m =
        java.util.regex.Pattern.compile("(?m)^  (\\S+) +" + NUMBER + "( \\(.*\\))?$")
            .matcher(output);
    while (m.find()) {
      values.put(m.group(1), Double.parseDouble(m.group(2)));
    }
    return values;
  }

  /**
   * Rows {@code a,b,y,w}: {@code y = a - b} plus noise, weight 1, but every 16th row from row
   * 10,000 on: weight 40 and a target 3 away, so that the rows after the first batch weigh more and
   * fit worse.
   */
  private static void weightedFile(Path path, int rows) throws IOException {
    Random random = new Random(rows);
    try (BufferedWriter out = Files.newBufferedWriter(path)) {
      out.write("a,b,y,w\n");
      for (int r = 0; r < rows; r++) {
        double a = random.nextDouble() * 2 - 1;
        double b = random.nextDouble() * 2 - 1;
        boolean heavy = r >= Evaluation.BATCH_ROWS && r % 16 == 0;
        double y = a - b + 0.1 * random.nextGaussian() + (heavy ? 3 : 0);
        out.write(String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%d%n", a, b, y, heavy ? 40 : 1));
      }
    }
  }

  /** Rows {@code from} to {@code to} of a weighted file, as the command reads them (FLOAT). */
  private static Dataset weightedRows(Path path, int from, int to) throws IOException {
    List<String> lines = Files.readAllLines(path).subList(1 + from, 1 + to);
    float[][] x = new float[lines.size()][2];
    float[][] y = new float[lines.size()][1];
    float[][] w = new float[lines.size()][1];
    for (int i = 0; i < lines.size(); i++) {
      String[] cells = lines.get(i).split(",");
      x[i][0] = (float) Double.parseDouble(cells[0]);
      x[i][1] = (float) Double.parseDouble(cells[1]);
      y[i][0] = (float) Double.parseDouble(cells[2]);
      w[i][0] = (float) Double.parseDouble(cells[3]);
    }
    return Dataset.of(array(x), array(y), array(w));
  }

  private static INDArray array(float[][] values) {
    return Nd4j.createFromArray(values).castTo(DataType.FLOAT);
  }

  /**
   * A header and one line per row: {@code count} sequences {@code s0, s1, ...} of 1 to 9 steps (the
   * first two of at least 2), {@code x} uniform in [-1, 1], {@code y = x} of the step before (0
   * first).
   */
  private static List<String> sequenceCsv(int count, long seed) {
    Random random = new Random(seed);
    List<String> lines = new ArrayList<>(List.of("seq,x,y\n"));
    for (int s = 0; s < count; s++) {
      int length = s < 2 ? 2 + random.nextInt(8) : 1 + random.nextInt(9);
      double previous = 0;
      for (int t = 0; t < length; t++) {
        double x = random.nextDouble() * 2 - 1;
        lines.add(String.format(Locale.ROOT, "s%d,%.4f,%.4f%n", s, x, previous));
        previous = x;
      }
    }
    return lines;
  }

  /** The lines with the rows of the first two sequences taken in turns: ids interleave. */
  private static List<String> interleaved(List<String> lines) {
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String id = line.substring(0, line.indexOf(','));
      (id.equals("s0") ? first : id.equals("s1") ? second : rest).add(line);
    }
    List<String> out = new ArrayList<>(List.of(lines.get(0)));
    for (int i = 0; i < Math.max(first.size(), second.size()); i++) {
      if (i < first.size()) {
        out.add(first.get(i));
      }
      if (i < second.size()) {
        out.add(second.get(i));
      }
    }
    out.addAll(rest);
    return out;
  }
}
