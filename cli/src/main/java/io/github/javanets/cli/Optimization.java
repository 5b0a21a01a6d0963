package io.github.javanets.cli;

import io.github.javanets.models.TrainOptions;

/**
 * The optimisation options of {@code train} (algorithm, learning rate, momentum, batch size,
 * epochs, validation schedule, early stopping, gradient limit and regularizers), checked with
 * messages that name them.
 */
final class Optimization {
  private Optimization() {}

  /**
   * The {@link TrainOptions} that {@code cmd} gives.
   *
   * @throws IllegalArgumentException naming the option with a value out of its range
   */
  static TrainOptions options(TrainCommand cmd) {
    require(cmd.epochs >= 1, "--epochs must be >= 1, got " + cmd.epochs + ".");
    require(cmd.batchSize >= 1, "--batch-size must be >= 1, got " + cmd.batchSize + ".");
    require(
        cmd.learningRate > 0 && Double.isFinite(cmd.learningRate),
        "--learning-rate must be > 0, got " + cmd.learningRate + ".");
    require(
        cmd.momentum >= 0 && cmd.momentum < 1,
        "--momentum must be in [0, 1), got " + cmd.momentum + ".");
    require(
        cmd.validateEvery >= 1, "--validate-every must be >= 1, got " + cmd.validateEvery + ".");
    require(cmd.patience >= 0, "--patience must be >= 0, got " + cmd.patience + ".");
    require(
        cmd.minImprovement >= 0, "--min-improvement must be >= 0, got " + cmd.minImprovement + ".");
    require(
        cmd.maxGradientNorm >= 0,
        "--max-gradient-norm must be >= 0, got " + cmd.maxGradientNorm + ".");
    TrainOptions.Builder b =
        TrainOptions.builder()
            .algorithm(cmd.algorithm)
            .learningRate(cmd.learningRate)
            .momentum(cmd.momentum)
            .batchSize(cmd.batchSize)
            .maxUpdates(cmd.epochs)
            .validateEvery(cmd.validateEvery)
            .patience(cmd.patience)
            .minImprovement(cmd.minImprovement)
            .maxGradientNorm(cmd.maxGradientNorm)
            .seed(cmd.seed);
    cmd.regularizers.forEach(b::regularizer);
    return b.build();
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
