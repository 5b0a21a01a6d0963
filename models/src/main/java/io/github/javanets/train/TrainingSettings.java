package io.github.javanets.train;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a {@link Trainer}, its {@link Algorithm} and its {@link TrainingListener}s read about a run:
 * the algorithm's name and settings, minibatches, epochs, validation, early stopping, gradient
 * clipping and the seed. Models make one from their {@code TrainOptions}, which name and check each
 * value; regularizers are not here, since a model puts them into the graph it trains. Immutable.
 *
 * @param algorithm the algorithm's name, lower case; not null
 * @param learningRate the learning rate
 * @param momentum the momentum of {@code nag}
 * @param batchSize rows per minibatch, &gt;= 1
 * @param maxUpdates the most epochs to train, &gt;= 0
 * @param validateEvery validate before every epoch whose index is a multiple of this, &gt;= 1
 * @param patience stop after more than this many validations without improvement, &gt;= 0
 * @param minImprovement the relative improvement of the validation loss that counts as one
 * @param maxGradientNorm rescale gradients whose global L2 norm exceeds this; 0 for no limit
 * @param seed the training seed: batch order, noise and dropout masks
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TrainingSettings(
    String algorithm,
    double learningRate,
    double momentum,
    int batchSize,
    int maxUpdates,
    int validateEvery,
    int patience,
    double minImprovement,
    double maxGradientNorm,
    long seed) {

  /**
   * Checks what the trainer's loop relies on.
   *
   * @throws NullPointerException if {@code algorithm} is null
   * @throws IllegalArgumentException if a count is out of its range, naming it and its value
   */
  public TrainingSettings {
    Objects.requireNonNull(algorithm, "algorithm");
    atLeast("batchSize", batchSize, 1);
    atLeast("maxUpdates", maxUpdates, 0);
    atLeast("validateEvery", validateEvery, 1);
    atLeast("patience", patience, 0);
  }

  private static void atLeast(String name, int value, int least) {
    if (value < least) {
      throw Errors.settingTooSmall(name, value, least);
    }
  }
}
