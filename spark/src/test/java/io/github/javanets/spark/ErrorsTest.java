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
}
