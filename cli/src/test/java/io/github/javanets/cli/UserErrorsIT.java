package io.github.javanets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.cli.JavanetsProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mistakes a user can make end with exit code 2 and one line on stderr saying what is wrong,
 * without a stack trace (unless {@code --debug}).
 */
class UserErrorsIT {
  @TempDir Path dir;

  @BeforeEach
  void writeData() throws Exception {
    Files.writeString(dir.resolve("good.csv"), "a,b,w,y\n1,2,1,3\n2,3,1,5\n3,4,1,7\n4,5,1,9\n");
    Files.writeString(dir.resolve("bad.csv"), "a,b,w,y\n1,2,1,3\n2,3,1,5\n3,x,1,7\n4,5,1,9\n");
    Files.writeString(dir.resolve("short.csv"), "a,b,w,y\n1,2,1,3\n\n2,3\n");
    Files.writeString(dir.resolve("negative.csv"), "a,b,w,y\n1,2,1,3\n2,3,-0.5,5\n3,4,1,7\n");
  }

  @Test
  void missingDataFile() throws Exception {
    assertOneLineError(
        JavanetsProcess.jar(dir, "train", "--data", "missing.csv"),
        "javanets: --data file 'missing.csv' does not exist.");
  }

  @Test
  void cellThatIsNotANumberNamesItsLineAndColumn() throws Exception {
    assertOneLineError(
        JavanetsProcess.jar(dir, "train", "--model", "regressor", "--data", "bad.csv"),
        "javanets: bad.csv line 4, column 'b': 'x' is not a number.");
  }

  @Test
  void rowWithTooFewValuesNamesItsLine() throws Exception {
    assertOneLineError(
        JavanetsProcess.jar(dir, "train", "--model", "regressor", "--data", "short.csv"),
        "javanets: short.csv line 4: 2 values, but the header has 4 columns (a, b, w, y).");
  }

  @Test
  void unknownColumnListsTheColumns() throws Exception {
    assertOneLineError(
        JavanetsProcess.jar(
            dir, "train", "--model", "regressor", "--data", "good.csv", "--target-column", "z"),
        "javanets: Column 'z' (--target-column) is not in good.csv. Columns: a, b, w, y.");
  }

  @Test
  void unknownLossSuggestsTheClosestOne() throws Exception {
    assertOneLineError(
        JavanetsProcess.jar(dir, "train", "--loss", "msee"),
        "javanets: Unknown loss 'msee'. Did you mean 'mse'? Available: bce, gll, hinge, huber, kl,"
            + " mae, mmd, mse, xe. Add the jar that provides it to the class path.");
  }

  @Test
  void badLayerSpecQuotesItAndListsWhatIsAccepted() throws Exception {
    assertOneLineError(
        JavanetsProcess.jar(dir, "train", "--layers", "4,16:tanhh,3"),
        "javanets: --layers '4,16:tanhh,3': Layer spec '16:tanhh' has an unknown word 'tanhh'."
            + " Accepted: one form (ff, rnn, lstm, gru, tied), one activation (linear, relu,"
            + " logistic, tanh, softmax, softplus, elu, leaky_relu (sigmoid = logistic)) and"
            + " name=<letters and digits>.");
  }

  @Test
  void layersThatDoNotFitTheDataSaySo() throws Exception {
    assertOneLineError(
        JavanetsProcess.jar(dir, "train", "--layers", "4,16,2"),
        "javanets: --layers '4,16,2' ends with 2 units but column 'species' has 3 classes"
            + " (setosa, versicolor, virginica).");
  }

  @Test
  void negativeWeightNamesItsLine() throws Exception {
    assertOneLineError(
        JavanetsProcess.jar(
            dir,
            "train",
            "--model",
            "regressor",
            "--data",
            "negative.csv",
            "--weights-column",
            "w"),
        "javanets: negative.csv line 3, column 'w': weight -0.5 is negative; weights must be >= 0.");
  }

  @Test
  void badOptionValueIsAParameterError() throws Exception {
    assertOneLineError(
        JavanetsProcess.jar(dir, "train", "--epochs", "many"),
        "javanets: Invalid value for option '--epochs': 'many' is not an int"
            + " (see 'javanets train --help')");
  }

  @Test
  void validAndValidFractionExcludeEachOther() throws Exception {
    assertOneLineError(
        JavanetsProcess.jar(dir, "train", "--valid", "good.csv", "--valid-fraction", "0.1"),
        "javanets: --valid=FILE.csv, --valid-fraction=F are mutually exclusive (specify only one)"
            + " (see 'javanets train --help')");
  }

  @Test
  void weightsColumnAndWeightsFileExcludeEachOther() throws Exception {
    assertOneLineError(
        JavanetsProcess.jar(
            dir,
            "evaluate",
            "--model",
            "none.zip",
            "--data",
            "good.csv",
            "--weights-column",
            "w",
            "--weights-file",
            "good.csv"),
        "javanets: --weights-column=NAME, --weights-file=FILE.csv are mutually exclusive (specify"
            + " only one) (see 'javanets evaluate --help')");
  }

  @Test
  void evaluateNamesAMissingTargetColumnAsTheModelsNotAsAnOptionItLacks() throws Exception {
    Result trained =
        JavanetsProcess.jar(
            dir,
            "train",
            "--model",
            "regressor",
            "--data",
            "good.csv",
            "--epochs",
            "1",
            "--save",
            "m.zip",
            "--plot",
            "m.png");
    assertThat(trained.exitCode()).as(trained.stderr()).isZero();
    Files.writeString(dir.resolve("unlabelled.csv"), "a,b,w\n1,2,1\n");

    assertOneLineError(
        JavanetsProcess.jar(dir, "evaluate", "--model", "m.zip", "--data", "unlabelled.csv"),
        "javanets: Column 'y' (a target column of the model) is not in unlabelled.csv. Columns:"
            + " a, b, w.");
  }

  @Test
  void missingModelFileForPredict() throws Exception {
    assertOneLineError(
        JavanetsProcess.jar(dir, "predict", "--model", "none.zip", "--data", "good.csv"),
        "javanets: --model file 'none.zip' does not exist.");
  }

  @Test
  void debugAddsTheStackTrace() throws Exception {
    Result r = JavanetsProcess.jar(dir, "train", "--data", "missing.csv", "--debug");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(Javanets.USER_ERROR);
    assertThat(r.stderr())
        .startsWith("javanets: --data file 'missing.csv' does not exist.")
        .contains("java.lang.IllegalArgumentException")
        .contains("\tat io.github.javanets.cli.TrainingData.read");
  }

  @Test
  void sparkWithoutTheSparkModuleSaysHowToRunIt() throws Exception {
    assertOneLineError(
        JavanetsProcess.jar(dir, "train", "--spark", "local[2]"),
        "javanets: --spark needs javanets-spark and Spark on the class path, which javanets.jar"
            + " does not carry: run sh spark/target/javanets-spark/javanets-spark.sh train --spark"
            + " MASTER ... (built by mvn package), or spark-submit --class"
            + " io.github.javanets.spark.SparkMain --jars cli/target/javanets.jar"
            + " spark/target/javanets-spark-<version>.jar train ...");
  }

  private static void assertOneLineError(Result r, String line) {
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(Javanets.USER_ERROR);
    assertThat(r.stdout()).as(r.toString()).isEmpty();
    assertThat(r.stderr()).as(r.toString()).isEqualTo(line + System.lineSeparator());
  }
}
