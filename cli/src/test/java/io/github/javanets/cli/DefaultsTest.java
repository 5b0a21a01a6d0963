package io.github.javanets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.models.TrainOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The command line keeps defaults of its own for the learning rate, batch size, validation interval
 * and patience, and its help says for each what the library's is and why they differ.
 */
class DefaultsTest {
  private static String help() {
    return new CommandLine(new TrainCommand()).getUsageMessage(CommandLine.Help.Ansi.OFF);
  }

  /** The help with its line breaks and indentation folded into single spaces. */
  private static String flatHelp() {
    return help().replaceAll("\\s+", " ");
  }

  @Test
  void theCommandsDefaultsReachTheTrainOptions() {
    TrainCommand cmd = new TrainCommand();
    new CommandLine(cmd).parseArgs();

    TrainOptions options = Optimization.options(cmd);

    assertThat(options.learningRate()).isEqualTo(0.01);
    assertThat(options.batchSize()).isEqualTo(16);
    assertThat(options.validateEvery()).isEqualTo(1);
    assertThat(options.patience()).isEqualTo(20);
    assertThat(options.maxUpdates()).isEqualTo(TrainOptions.DEFAULT_MAX_UPDATES);
  }

  @Test
  void theHelpGivesEachDefaultTheLibrarysAndWhy() {
    String help = flatHelp();

    assertThat(help)
        .contains("(default: 0.01; the library's is 0.001, Adam's usual rate, because")
        .contains("(default: 16; the library's is 32, theanets' default, because")
        .contains("(default: 1; the library's is 10, theanets' default, because")
        .contains(
            "(default: 20; the library's is 5, theanets' default, because it counts validations"
                + " every 10 epochs: 20 validations every epoch wait 20 epochs, not 50).");
  }

  @Test
  void theLibrarysDefaultsAreTheOnesTheHelpNames() {
    TrainOptions library = TrainOptions.defaults();

    assertThat(library.learningRate()).isEqualTo(1e-3);
    assertThat(library.batchSize()).isEqualTo(32);
    assertThat(library.validateEvery()).isEqualTo(10);
    assertThat(library.patience()).isEqualTo(5);
  }
}
