package io.github.javanets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.cli.JavanetsProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --recurrent --sequence-column}: rows with one id form a sequence, sequences of
 * different lengths are padded with weight 0, and {@code predict} and {@code evaluate} group the
 * rows of a file the same way, one output line per input row. One regressor is trained for the
 * class (a delayed copy: {@code y_t = x_(t-1)}, 0 at the first step).
 */
class RecurrentCliIT {
  private static final String NUMBER = "-?\\d+\\.\\d+(e-?\\d+)?";

  @TempDir static Path dir;

  private static Result trained;
  private static int testRows;

  @BeforeAll
  static void trainARegressorOnSequencesOfDifferentLengths() throws Exception {
    Files.writeString(dir.resolve("seq.csv"), String.join("", sequenceCsv(30, 7, false)));
    List<String> test = sequenceCsv(8, 8, false);
    testRows = test.size() - 1;
    Files.writeString(dir.resolve("test.csv"), String.join("", test));
    Files.writeString(dir.resolve("flat.csv"), "x,y\n0.1,0\n0.2,0.1\n");
    trained =
        JavanetsProcess.jar(
            dir,
            "train",
            "--recurrent",
            "--sequence-column",
            "seq",
            "--model",
            "regressor",
            "--data",
            "seq.csv",
            "--layers",
            "1,8:gru,1",
            "--epochs",
            "20",
            "--save",
            "seq.model",
            "--plot",
            "seq.png");
  }

  @Test
  void trainingSplitsWholeSequencesAndWeighsTheModel() {
    assertThat(trained.exitCode()).as(trained.toString()).isZero();
    assertThat(trained.stdout())
        .containsPattern(
            "Data: seq\\.csv, 30 sequences of 5-9 steps \\(\\d+ rows\\): 24 for training, 6 for"
                + " validation\\.")
        .contains("Model: recurrent.Regressor 1,8:gru,1; losses mse(weighted=true);")
        .contains("Saved the model to seq.model");
    assertThat(dir.resolve("seq.model")).isNotEmptyFile();
    assertThat(dir.resolve("seq.png")).isNotEmptyFile();
  }

  @Test
  void predictPrintsOneNumberPerInputRow() throws Exception {
    Result r = JavanetsProcess.jar(dir, "predict", "--model", "seq.model", "--data", "test.csv");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.lines()).hasSize(testRows).allSatisfy(line -> Double.parseDouble(line));
  }

  @Test
  void predictGroupsInterleavedRowsBySequenceAndKeepsTheInputOrder() throws Exception {
    List<String> rows = sequenceCsv(8, 8, false);
    List<Integer> order = interleavedOrder(rows);
    StringBuilder shuffled = new StringBuilder(rows.get(0));
    order.forEach(i -> shuffled.append(rows.get(i + 1)));
    Files.writeString(dir.resolve("interleaved.csv"), shuffled);

    Result plain =
        JavanetsProcess.jar(dir, "predict", "--model", "seq.model", "--data", "test.csv");
    Result mixed =
        JavanetsProcess.jar(dir, "predict", "--model", "seq.model", "--data", "interleaved.csv");

    assertThat(mixed.exitCode()).as(mixed.toString()).isZero();
    List<String> expected = order.stream().map(i -> plain.lines().get(i)).toList();
    assertThat(mixed.lines()).isEqualTo(expected);
  }

  @Test
  void evaluatePrintsEveryLossAndTheScore() throws Exception {
    Result r = JavanetsProcess.jar(dir, "evaluate", "--model", "seq.model", "--data", "test.csv");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stdout())
        .contains("Evaluated recurrent.Regressor 1,8:gru,1 (losses mse(weighted=true))")
        .containsPattern("on test\\.csv, 8 sequences of \\d-\\d steps \\(" + testRows + " rows\\)");
    assertThat(r.lines())
        .map(line -> line.trim().split("\\s+")[0])
        .containsSubsequence("monitor", "loss", "err", "mse", "score");
    assertThat(r.stdout())
        .containsPattern("(?m)^  mse +" + NUMBER + "$")
        .containsPattern("(?m)^  score +" + NUMBER + " \\(R\\^2\\)$");
  }

  @Test
  void classifierLearnsStringLabelsPerStepWithTheDefaultLstm() throws Exception {
    Files.writeString(dir.resolve("labels.csv"), String.join("", sequenceCsv(20, 9, true)));
    Result train =
        JavanetsProcess.jar(
            dir,
            "train",
            "--recurrent",
            "--sequence-column",
            "seq",
            "--data",
            "labels.csv",
            "--epochs",
            "5",
            "--save",
            "labels.model",
            "--plot",
            "labels.png");
    assertThat(train.exitCode()).as(train.toString()).isZero();
    assertThat(train.stdout()).contains("Model: recurrent.Classifier 1,16:lstm,2; losses xe");

    Result predicted =
        JavanetsProcess.jar(dir, "predict", "--model", "labels.model", "--data", "labels.csv");
    long rows = Files.readAllLines(dir.resolve("labels.csv")).size() - 1;
    assertThat(predicted.exitCode()).as(predicted.toString()).isZero();
    assertThat(predicted.lines())
        .hasSize((int) rows)
        .allSatisfy(l -> assertThat(l).isIn("high", "low"));

    Result evaluated =
        JavanetsProcess.jar(dir, "evaluate", "--model", "labels.model", "--data", "labels.csv");
    assertThat(evaluated.exitCode()).as(evaluated.toString()).isZero();
    assertThat(evaluated.stdout())
        .containsPattern("(?m)^  acc +" + NUMBER + "$")
        .containsPattern("(?m)^  score +" + NUMBER + " \\(accuracy\\)$");
  }

  @Test
  void recurrentWithoutSequenceColumnSaysWhatIsMissing() throws Exception {
    assertOneLineError(
        JavanetsProcess.jar(
            dir, "train", "--recurrent", "--model", "regressor", "--data", "seq.csv"),
        "javanets: --recurrent needs --sequence-column NAME, the column whose value says which"
            + " sequence each row belongs to.");
  }

  @Test
  void unknownSequenceColumnListsTheColumns() throws Exception {
    assertOneLineError(
        JavanetsProcess.jar(
            dir, "train", "--recurrent", "--sequence-column", "id", "--data", "seq.csv"),
        "javanets: Column 'id' (--sequence-column) is not in seq.csv. Columns: seq, x, y.");
  }

  @Test
  void sequenceColumnWithoutRecurrentAsksForIt() throws Exception {
    assertOneLineError(
        JavanetsProcess.jar(dir, "train", "--sequence-column", "seq", "--data", "seq.csv"),
        "javanets: --sequence-column groups rows into sequences for a recurrent model: add"
            + " --recurrent.");
  }

  @Test
  void recurrentLayerWithoutRecurrentAsksForIt() throws Exception {
    assertOneLineError(
        JavanetsProcess.jar(
            dir, "train", "--model", "regressor", "--data", "seq.csv", "--layers", "1,8:gru,1"),
        "javanets: --layers '1,8:gru,1': layer '8:gru' is recurrent; add --recurrent and"
            + " --sequence-column NAME to train on sequences.");
  }

  @Test
  void gatedLayerWithOneUnitIsRefused() throws Exception {
    assertOneLineError(
        JavanetsProcess.jar(
            dir, "train", "--recurrent", "--sequence-column", "seq", "--layers", "1,1:gru,1"),
        "javanets: --layers '1,1:gru,1': layer '1:gru' has 1 unit; lstm and gru layers need at"
            + " least 2.");
  }

  @Test
  void predictOnAFileWithoutTheSequenceColumnNamesIt() throws Exception {
    assertOneLineError(
        JavanetsProcess.jar(dir, "predict", "--model", "seq.model", "--data", "flat.csv"),
        "javanets: Column 'seq' (the model's sequence column) is not in flat.csv. Columns: x, y.");
  }

  private static void assertOneLineError(Result r, String line) {
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(Javanets.USER_ERROR);
    assertThat(r.stdout()).as(r.toString()).isEmpty();
    assertThat(r.stderr()).as(r.toString()).isEqualTo(line + System.lineSeparator());
  }

  /**
   * A header line and one line per row: {@code count} sequences {@code s0, s1, ...} of 5 to 9
   * steps, {@code x} uniform in [-1, 1], then {@code y = x} of the step before (0 first), or the
   * {@code label} {@code high} or {@code low} (the sign of {@code x}).
   */
  private static List<String> sequenceCsv(int count, long seed, boolean labels) {
    Random random = new Random(seed);
    List<String> lines = new ArrayList<>(List.of(labels ? "seq,x,label\n" : "seq,x,y\n"));
    for (int s = 0; s < count; s++) {
      int length = 5 + random.nextInt(5);
      double previous = 0;
      for (int t = 0; t < length; t++) {
        double x = random.nextDouble() * 2 - 1;
        String target =
            labels ? (x > 0 ? "high" : "low") : String.format(Locale.ROOT, "%.4f", previous);
        lines.add(String.format(Locale.ROOT, "s%d,%.4f,%s%n", s, x, target));
        previous = x;
      }
    }
    return lines;
  }

  /**
   * The data rows (indexes without the header) with the rows of the first two sequences taken in
   * turns, then the others in order; the sequences still start in their original order.
   */
  private static List<Integer> interleavedOrder(List<String> lines) {
    List<Integer> first = new ArrayList<>();
    List<Integer> second = new ArrayList<>();
    List<Integer> rest = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String id = lines.get(i).substring(0, lines.get(i).indexOf(','));
      (id.equals("s0") ? first : id.equals("s1") ? second : rest).add(i - 1);
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < Math.max(first.size(), second.size()); i++) {
      if (i < first.size()) {
        order.add(first.get(i));
      }
      if (i < second.size()) {
        order.add(second.get(i));
      }
    }
    order.addAll(rest);
    return order;
  }
}
