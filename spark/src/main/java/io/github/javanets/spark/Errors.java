package io.github.javanets.spark;

import io.github.javanets.loss.LossSpec;
import io.github.javanets.models.Scaling;
import java.util.List;

/**
 * Every error message of Spark training, one named method each: what failed, the offending value,
 * what is accepted and how to fix it.
 */
final class Errors {
  private Errors() {}

  /**
   * A loss's jar is missing on an executor.
   *
   * @param spec the loss's spec
   * @param executor the executor
   */
  static MissingLossException missingLoss(String spec, String executor) {
    String name;
    try {
      name = LossSpec.parse(spec).name();
    } catch (RuntimeException e) {
      name = spec;
    }
    return new MissingLossException(
        "Loss '"
            + name
            + "' is not on the class path of "
            + executor
            + ": ship the jar that provides it to the cluster (spark-submit --jars, the spark.jars"
            + " setting, or SparkContext.addJar).",
        spec,
        executor);
  }

  /**
   * A batch on the cluster is not valid for the model.
   *
   * @param data the data's description
   * @param partition its partition
   * @param batch its index in the partition
   * @param executor the executor that read it
   * @param why the check's message
   */
  static IllegalArgumentException badBatch(
      String data, int partition, int batch, String executor, String why) {
    return new IllegalArgumentException(
        "Batch "
            + batch
            + " of partition "
            + partition
            + " of "
            + data
            + " (read on "
            + executor
            + ") is not valid: "
            + why);
  }

  /**
   * Batches of an unrolled rnn differ in length.
   *
   * @param data the data's description
   * @param first the first length
   * @param other another
   */
  static IllegalArgumentException lengthsDiffer(String data, int first, int other) {
    return new IllegalArgumentException(
        "The batches of "
            + data
            + " have sequences of "
            + first
            + " and "
            + other
            + " steps, but a network with an rnn layer is unrolled over one length: pad every"
            + " sequence to one length (with weight 0 on the padding).");
  }

  /**
   * The data hold no batch.
   *
   * @param data the data's description
   */
  static IllegalArgumentException noBatches(String data) {
    return new IllegalArgumentException(
        "The " + data + " hold no batch: every partition is empty.");
  }

  /**
   * An averaging interval is not positive.
   *
   * @param every the interval given
   */
  static IllegalArgumentException averagingIntervalTooSmall(int every) {
    return new IllegalArgumentException(
        "Parameters are averaged every k local steps with k >= 1, got " + every + ".");
  }

  /**
   * A column the model needs is missing.
   *
   * @param column the column
   * @param present the columns there are
   */
  static IllegalArgumentException unknownColumn(String column, List<String> present) {
    return new IllegalArgumentException(
        "Unknown column '" + column + "'. The rows have columns " + present + ".");
  }

  /**
   * A cell is null or not a number.
   *
   * @param column the column
   * @param value the value
   */
  static IllegalArgumentException badCell(String column, Object value) {
    return new IllegalArgumentException(
        "Column '" + column + "' holds " + value + " where a finite number is needed.");
  }

  /**
   * No input column is left.
   *
   * @param columns the columns there are
   */
  static IllegalArgumentException noInputColumns(List<String> columns) {
    return new IllegalArgumentException(
        "No input column: the rows have columns " + columns + ", all of them targets or weights.");
  }

  /**
   * The model scales its inputs or targets, which training on given batches does not do.
   *
   * @param inputs the model's input scaling
   * @param targets the model's target scaling
   */
  static IllegalArgumentException scalingNotApplied(Scaling inputs, Scaling targets) {
    return new IllegalArgumentException(
        "The model scales its inputs ("
            + inputs
            + ") and targets ("
            + targets
            + "), which Spark training does not do to the batches it is given: build the model"
            + " with scaleInputs(Scaling.NONE) and scaleTargets(Scaling.NONE) and scale the"
            + " batches before, or train with javanets train --spark, which scales them.");
  }
}
