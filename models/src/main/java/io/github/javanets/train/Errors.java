package io.github.javanets.train;

import io.github.javanets.loss.LossInfo;
import java.util.Arrays;
import java.util.Collection;

/**
 * Every error message of training (trainers, their settings, the Guice module, monitors, a run that
 * diverges), one named method each: what failed, the offending value, what is accepted and how to
 * fix it. Each method returns the exception for its caller to throw ({@code throw
 * Errors.unknownAlgorithm(name, names())}), so that a message is found, tested and reworded here
 * alone.
 */
final class Errors {
  private Errors() {}

  /**
   * No algorithm of the trainers has the name asked for.
   *
   * @param name the name as given
   * @param available the known names, in the order to list them
   */
  static IllegalArgumentException unknownAlgorithm(String name, Collection<String> available) {
    return new IllegalArgumentException(
        "Unknown algorithm '" + name + "'. Available: " + String.join(", ", available) + ".");
  }

  /**
   * A count of the training settings is below its least value.
   *
   * @param setting the setting's name, as {@code batchSize}
   * @param value its value
   * @param least the least value it may take
   */
  static IllegalArgumentException settingTooSmall(String setting, int value, int least) {
    return new IllegalArgumentException(
        "Training setting '" + setting + "' must be >= " + least + ", got " + value + ".");
  }

  /**
   * A Guice binding gives a loss under a name that is neither the loss's name nor an alias.
   *
   * @param bound the name it is bound under, as given
   * @param type the loss class bound
   * @param info what the loss class declares
   */
  static IllegalArgumentException lossBoundUnderAnotherName(
      String bound, Class<?> type, LossInfo info) {
    return new IllegalArgumentException(
        "The Guice binding of loss '"
            + bound
            + "' names "
            + type.getName()
            + ", whose name is '"
            + info.name()
            + "'"
            + (info.aliases().isEmpty() ? "" : " (aliases " + info.aliases() + ")")
            + "; bind it under that name.");
  }

  /**
   * A monitor's graph variable holds more (or fewer) than one number.
   *
   * @param monitor the monitor's name
   * @param shape the shape of its value
   */
  static IllegalArgumentException monitorNotScalar(String monitor, long[] shape) {
    return new IllegalArgumentException(
        "Monitor '"
            + monitor
            + "' computed a value of shape "
            + Arrays.toString(shape)
            + "; every monitor must be a scalar.");
  }

  /**
   * The objective, or one of its terms, of a minibatch is NaN or infinite.
   *
   * @param epoch the epoch, from 0
   * @param batch the minibatch's position in the epoch, from 0
   * @param term the first term that went bad (a loss or regularizer monitor), or null for the
   *     objective itself
   * @param value the bad value
   */
  static TrainingDivergedException trainingDiverged(
      int epoch, int batch, String term, double value) {
    return new TrainingDivergedException(
        "Training diverged at epoch "
            + epoch
            + ", batch "
            + batch
            + ": "
            + (term == null ? "the objective" : "'" + term + "'")
            + " is "
            + value
            + ". Lower the learning rate, set maxGradientNorm, or check the data.",
        epoch,
        batch,
        term);
  }

  /**
   * A minibatch of a streamed source could not be read or converted.
   *
   * @param source the source's description
   * @param batch the minibatch's index in its pass, from 0
   * @param cause what failed
   */
  static BatchFailedException batchFailed(String source, long batch, Throwable cause) {
    String why = cause.getMessage() != null ? cause.getMessage() : cause.toString();
    return new BatchFailedException(
        "Batch " + batch + " of " + source + " failed: " + why, source, batch, cause);
  }

  /**
   * The thread that reads a stream was interrupted while it waited for a minibatch.
   *
   * @param source the source's description
   * @param batch the index of the minibatch waited for, from 0
   */
  static java.util.concurrent.CancellationException interrupted(String source, long batch) {
    return new java.util.concurrent.CancellationException(
        "Interrupted while waiting for batch " + batch + " of " + source + ".");
  }

  /**
   * A pass of a streamed source gave no minibatch.
   *
   * @param source the source's description
   */
  static IllegalArgumentException passWithoutBatches(String source) {
    return new IllegalArgumentException(
        "A pass of " + source + " gave no batch; a source must give at least one batch per pass.");
  }

  /**
   * A minibatch was given with no rows.
   *
   * @param rows the rows given
   */
  static IllegalArgumentException feedWithoutRows(long rows) {
    return new IllegalArgumentException("A batch must have at least 1 row, got " + rows + ".");
  }
}
