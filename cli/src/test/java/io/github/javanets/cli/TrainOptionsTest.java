package io.github.javanets.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.javanets.models.ModelKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.MaxValuesExceededException;
import picocli.CommandLine.MutuallyExclusiveArgsException;
import picocli.CommandLine.ParameterException;

/**
 * The data options of {@code train} and the shared options of {@code predict} and {@code evaluate}:
 * what picocli refuses while parsing, with the text javanets prints, and what {@link DataOptions}
 * checks after.
 */
class TrainOptionsTest {
  private static TrainCommand train(String... args) {
    TrainCommand cmd = new TrainCommand();
    new CommandLine(cmd).parseArgs(args);
    return cmd;
  }

  private static String refused(Object command, String... args) {
    CommandLine cli = new CommandLine(command);
    try {
      cli.parseArgs(args);
    } catch (ParameterException e) {
      return ParameterMessages.of(e, List.of(args));
    }
    throw new AssertionError("parsed: " + List.of(args));
  }

  @Test
  void theDefaultsNameIrisAClassifierAndAFifthForValidation() {
    DataOptions options = DataOptions.of(train());

    assertThat(options.kind()).isEqualTo(ModelKind.CLASSIFIER);
    assertThat(options.data()).isNull();
    assertThat(options.valid()).isNull();
    assertThat(options.validFraction()).isEqualTo(TrainCommand.DEFAULT_VALID_FRACTION);
    assertThat(options.weighted()).isFalse();
    assertThat(options.columns()).isEqualTo(new ColumnRoles(List.of(), List.of(), null, null));
  }

  @Test
  void theOptionsReachTheirRoles() {
    DataOptions options =
        DataOptions.of(
            train(
                "--model",
                "regressor",
                "--recurrent",
                "--sequence-column",
                "id",
                "--weights-file",
                "w.csv",
                "--target-column",
                "y",
                "--input-column",
                "a",
                "--valid",
                "v.csv",
                "--seed",
                "5"));

    assertThat(options.kind()).isEqualTo(ModelKind.RECURRENT_REGRESSOR);
    assertThat(options.valid()).isEqualTo(Path.of("v.csv"));
    assertThat(options.weightsFile()).isEqualTo(Path.of("w.csv"));
    assertThat(options.weighted()).isTrue();
    assertThat(options.seed()).isEqualTo(5);
    assertThat(options.columns())
        .isEqualTo(new ColumnRoles(List.of("a"), List.of("y"), null, "id"));
  }

  @Test
  void validAndValidFractionExcludeEachOther() {
    assertThatThrownBy(() -> train("--valid", "v.csv", "--valid-fraction", "0.1"))
        .isInstanceOf(MutuallyExclusiveArgsException.class);
    assertThat(refused(new TrainCommand(), "--valid-fraction", "0.1", "--valid", "v.csv"))
        .isEqualTo(
            "--valid=FILE.csv, --valid-fraction=F are mutually exclusive (specify only one)");
  }

  @Test
  void weightsColumnAndWeightsFileExcludeEachOtherInTrainAndEvaluate() {
    String both = "--weights-column=NAME, --weights-file=FILE.csv are mutually exclusive";

    assertThat(refused(new TrainCommand(), "--weights-column", "w", "--weights-file", "w.csv"))
        .isEqualTo(both + " (specify only one)");
    assertThat(
            refused(
                new EvaluateCommand(),
                "--model",
                "m.zip",
                "--data",
                "d.csv",
                "--weights-file",
                "w.csv",
                "--weights-column",
                "w"))
        .isEqualTo(both + " (specify only one)");
  }

  @Test
  void anOptionOfAGroupGivenTwiceSaysSoAsAnyOtherOption() {
    assertThatThrownBy(() -> train("--valid", "a.csv", "--valid=b.csv"))
        .isInstanceOf(MaxValuesExceededException.class);
    assertThat(refused(new TrainCommand(), "--valid", "a.csv", "--valid=b.csv"))
        .isEqualTo("option '--valid' (FILE.csv) should be specified only once");
    assertThat(refused(new TrainCommand(), "--seed", "1", "--seed", "2"))
        .isEqualTo("option '--seed' (N) should be specified only once");
  }

  @Test
  void weightedNeedsASourceOfWeights() {
    assertThatThrownBy(() -> DataOptions.of(train("--weighted")))
        .hasMessage(
            "--weighted needs the weights: give --weights-column NAME or --weights-file FILE.csv.");
    assertThat(DataOptions.of(train("--weighted", "--weights-column", "w")).weighted()).isTrue();
  }

  @Test
  void sequenceColumnAndRecurrentGoTogether() {
    assertThatThrownBy(() -> DataOptions.of(train("--recurrent")))
        .hasMessageStartingWith("--recurrent needs --sequence-column NAME");
    assertThatThrownBy(() -> DataOptions.of(train("--sequence-column", "id")))
        .hasMessage(
            "--sequence-column groups rows into sequences for a recurrent model: add"
                + " --recurrent.");
  }

  @Test
  void theValidationShareIsBelowOne() {
    assertThatThrownBy(() -> DataOptions.of(train("--valid-fraction", "1")))
        .hasMessage("--valid-fraction must be in [0, 1), got 1.0.");
    assertThat(DataOptions.of(train("--valid-fraction", "0")).validFraction()).isZero();
  }

  @Test
  void predictAndEvaluateBothRequireTheModelAndTheData() {
    assertThat(refused(new PredictCommand(), "--data", "d.csv"))
        .isEqualTo("Missing required option: '--model=FILE'");
    assertThat(refused(new EvaluateCommand(), "--model", "m.zip"))
        .isEqualTo("Missing required option: '--data=FILE.csv'");
  }
}
