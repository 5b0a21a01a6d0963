package io.github.javanets.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.conventions.ErrorsClasses;
import io.github.javanets.models.Scaling;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every message of Spark training, with sample values, word for word. */
class ErrorsTest {
  @Test
  void everyMethodReturnsTheExceptionToThrow() {
    ErrorsClasses.assertEveryMethodReturnsAnException(Errors.class);
  }

  @Test
  void aMissingLossNamesTheLossTheExecutorAndHowToShipIt() {
    MissingLossException e = Errors.missingLoss("pinball(tau=0.9, weight=1.0)", "executor 3 on h");
    assertThat(e)
        .hasMessage(
            "Loss 'pinball' is not on the class path of executor 3 on h: ship the jar that"
                + " provides it to the cluster (spark-submit --jars, the spark.jars setting, or"
                + " SparkContext.addJar).");
    assertThat(e.loss()).isEqualTo("pinball(tau=0.9, weight=1.0)");
    assertThat(e.executor()).isEqualTo("executor 3 on h");
  }

  @Test
  void dataErrorsNameThePartitionTheBatchAndTheColumn() {
    assertThat(Errors.badBatch("training data", 2, 5, "executor 1 on h", "NaN in 'inputs'."))
        .hasMessage(
            "Batch 5 of partition 2 of training data (read on executor 1 on h) is not valid: NaN"
                + " in 'inputs'.");
    assertThat(Errors.lengthsDiffer("training data", 12, 9))
        .hasMessage(
            "The batches of training data have sequences of 12 and 9 steps, but a network with an"
                + " rnn layer is unrolled over one length: pad every sequence to one length (with"
                + " weight 0 on the padding).");
    assertThat(Errors.scalingNotApplied(Scaling.MIN_MAX, Scaling.STANDARD))
        .hasMessage(
            "The model scales its inputs (MIN_MAX) and targets (STANDARD), which Spark training does"
                + " not do to the batches it is given: build the model with"
                + " scaleInputs(Scaling.NONE) and scaleTargets(Scaling.NONE) and scale the batches"
                + " before, or train with javanets train --spark, which scales them.");
    assertThat(Errors.noBatches("training data"))
        .hasMessage("The training data hold no batch: every partition is empty.");
    assertThat(Errors.averagingIntervalTooSmall(0))
        .hasMessage("Parameters are averaged every k local steps with k >= 1, got 0.");
    assertThat(Errors.unknownColumn("pricee", List.of("a", "price")))
        .hasMessage("Unknown column 'pricee'. The rows have columns [a, price].");
    assertThat(Errors.badCell("a", null))
        .hasMessage("Column 'a' holds null where a finite number is needed.");
    assertThat(Errors.noInputColumns(List.of("y")))
        .hasMessage("No input column: the rows have columns [y], all of them targets or weights.");
  }

  @Test
  void rowAndSequenceErrorsNameTheColumnTheValueAndWhatIsAccepted() {
    assertThat(Errors.badRows("training data", 1, "executor 2 on h", "Column 'a' holds x."))
        .hasMessage(
            "The rows of partition 1 of training data (read on executor 2 on h) are not valid:"
                + " Column 'a' holds x.");
    assertThat(Errors.badLabel("species", 1.5))
        .hasMessage("Column 'species' holds 1.5 where a class index (an integer >= 0) is needed.");
    assertThat(Errors.sequenceStepsTooSmall(-1))
        .hasMessage("Sequences are padded to a length of steps >= 1, got -1.");
    assertThat(Errors.orderWithoutSequence(null, 4))
        .hasMessage(
            "An order column (none) and a length (4) only apply to sequences, but no sequence"
                + " column is named: use RowColumns.sequence(column, order, steps).");
    assertThat(Errors.noSequenceColumn("recurrent.Classifier"))
        .hasMessageStartingWith(
            "A recurrent.Classifier trains on sequences, but the columns name no sequence column:");
    assertThat(Errors.sequencesForFeedForward("Autoencoder", "user"))
        .hasMessage(
            "The columns group rows into sequences by 'user', but the Autoencoder is"
                + " feed-forward and takes one row per example: drop the sequence column, or train a recurrent"
                + " model.");
    assertThat(Errors.sequencesNeedWeights("recurrent.Autoencoder", 12))
        .hasMessage(
            "Sequences are padded to 12 steps with weight 0, but the recurrent.Autoencoder is not"
                + " weighted and would train on the padding: build it with weighted(true).");
    assertThat(Errors.columnHasTwoRoles("user", "sequence"))
        .hasMessage(
            "Column 'user' is the sequence column: it cannot also be an input, a target, the"
                + " weights or the order column.");
    assertThat(Errors.sequenceIdType("user", "array<int>"))
        .hasMessage(
            "Sequence column 'user' holds values of type array<int>; sequence ids are strings or"
                + " integers (string, byte, short, int or long).");
    assertThat(Errors.emptySequenceId("user", ""))
        .hasMessage(
            "Column 'user' holds an empty sequence id (''), where every row needs the id of its"
                + " sequence.");
    assertThat(Errors.sequenceTooLong("user", 42L, 13, 12))
        .hasMessage(
            "Sequence '42' (column 'user') has 13 rows, more than the 12 steps sequences are"
                + " padded to: give RowColumns.sequence a length of at least 13, or split the"
                + " sequence.");
    assertThat(Errors.repeatedStep("user", "u7", "time", 1.5))
        .hasMessage(
            "Sequence 'u7' (column 'user') has two rows with 1.5 in the order column 'time': its"
                + " values order a sequence's rows, one value per row.");
  }
}
