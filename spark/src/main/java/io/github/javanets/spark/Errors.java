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

  /**
   * The rows of a partition cannot be made into batches.
   *
   * @param data the data's description
   * @param partition the partition
   * @param executor the executor that read it
   * @param why what is wrong
   */
  static IllegalArgumentException badRows(String data, int partition, String executor, String why) {
    return new IllegalArgumentException(
        "The rows of partition "
            + partition
            + " of "
            + data
            + " (read on "
            + executor
            + ") are not valid: "
            + why);
  }

  /**
   * A class index is not an integer &gt;= 0.
   *
   * @param column the column
   * @param value the value
   */
  static IllegalArgumentException badLabel(String column, Object value) {
    return new IllegalArgumentException(
        "Column '"
            + column
            + "' holds "
            + value
            + " where a class index (an integer >= 0) is needed.");
  }

  /**
   * The length sequences are padded to is not positive.
   *
   * @param steps the length given
   */
  static IllegalArgumentException sequenceStepsTooSmall(int steps) {
    return new IllegalArgumentException(
        "Sequences are padded to a length of steps >= 1, got " + steps + ".");
  }

  /**
   * An order column or a length is given without a sequence column.
   *
   * @param order the order column, or null
   * @param steps the length
   */
  static IllegalArgumentException orderWithoutSequence(String order, int steps) {
    return new IllegalArgumentException(
        "An order column ("
            + (order == null ? "none" : "'" + order + "'")
            + ") and a length ("
            + steps
            + ") only apply to sequences, but no sequence column is named: use"
            + " RowColumns.sequence(column, order, steps).");
  }

  /**
   * A recurrent model is given rows without a sequence column.
   *
   * @param model the model's kind
   */
  static IllegalArgumentException noSequenceColumn(String model) {
    return new IllegalArgumentException(
        "A "
            + model
            + " trains on sequences, but the columns name no sequence column: group the rows with"
            + " RowColumns.sequence(column, order, steps), naming the sequence id column (as"
            + " --sequence-column names it), the column that orders a sequence's rows and the"
            + " length sequences are padded to.");
  }

  /**
   * A feed-forward model is given a sequence column.
   *
   * @param model the model's kind
   * @param column the sequence column
   */
  static IllegalArgumentException sequencesForFeedForward(String model, String column) {
    return new IllegalArgumentException(
        "The columns group rows into sequences by '"
            + column
            + "', but the "
            + model
            + " is feed-forward and takes one row per example: drop the sequence column, or"
            + " train a recurrent model.");
  }

  /**
   * A recurrent model that reads no weights is given sequences, padded with weight 0.
   *
   * @param model the model's kind
   * @param steps the length sequences are padded to
   */
  static IllegalArgumentException sequencesNeedWeights(String model, int steps) {
    return new IllegalArgumentException(
        "Sequences are padded to "
            + steps
            + " steps with weight 0, but the "
            + model
            + " is not weighted and would train on the padding: build it with weighted(true).");
  }

  /**
   * A column has two roles.
   *
   * @param column the column
   * @param role its role as the sequence or the order column
   */
  static IllegalArgumentException columnHasTwoRoles(String column, String role) {
    return new IllegalArgumentException(
        "Column '"
            + column
            + "' is the "
            + role
            + " column: it cannot also be an input, a target, the weights or the "
            + (role.equals("sequence") ? "order" : "sequence")
            + " column.");
  }

  /**
   * A sequence column's type cannot hold ids.
   *
   * @param column the column
   * @param type its Spark type
   */
  static IllegalArgumentException sequenceIdType(String column, String type) {
    return new IllegalArgumentException(
        "Sequence column '"
            + column
            + "' holds values of type "
            + type
            + "; sequence ids are strings or integers (string, byte, short, int or long).");
  }

  /**
   * A row has a null or empty sequence id.
   *
   * @param column the sequence column
   * @param value the id
   */
  static IllegalArgumentException emptySequenceId(String column, Object value) {
    return new IllegalArgumentException(
        "Column '"
            + column
            + "' holds an empty sequence id ("
            + (value == null ? "null" : "'" + value + "'")
            + "), where every row needs the id of its sequence.");
  }

  /**
   * A sequence has more rows than its padded length.
   *
   * @param column the sequence column
   * @param id the sequence's id
   * @param rows its rows
   * @param steps the length sequences are padded to
   */
  static IllegalArgumentException sequenceTooLong(String column, Object id, long rows, int steps) {
    return new IllegalArgumentException(
        "Sequence '"
            + id
            + "' (column '"
            + column
            + "') has "
            + rows
            + " rows, more than the "
            + steps
            + " steps sequences are padded to: give RowColumns.sequence a length of at least "
            + rows
            + ", or split the sequence.");
  }

  /**
   * Two rows of one sequence have one order value.
   *
   * @param column the sequence column
   * @param id the sequence's id
   * @param order the order column
   * @param value the value both rows hold
   */
  static IllegalArgumentException repeatedStep(
      String column, Object id, String order, Object value) {
    return new IllegalArgumentException(
        "Sequence '"
            + id
            + "' (column '"
            + column
            + "') has two rows with "
            + value
            + " in the order column '"
            + order
            + "': its values order a sequence's rows, one value per row.");
  }

  /** A tree combine's fan-in that is not 0 or at least 2. */
  static IllegalArgumentException badFanIn(int fanIn) {
    return new IllegalArgumentException(
        "A tree combine sums groups of >= 2 results (0 sums them on the driver), got "
            + fanIn
            + ".");
  }
}
