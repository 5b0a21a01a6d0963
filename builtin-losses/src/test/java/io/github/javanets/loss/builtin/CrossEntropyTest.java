package io.github.javanets.loss.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.javanets.loss.ClassificationLoss;
import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossContext;
import io.github.javanets.loss.LossRegistry;
import io.github.javanets.testkit.GradientCheck;
import io.github.javanets.testkit.LossContractTest;
import io.github.javanets.testkit.RandomArrays;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@code xe} beyond the contract: its log-softmax form, its labels and its accuracy. */
class CrossEntropyTest {
  private static final LossRegistry REGISTRY = LossRegistry.discover();

  @BeforeAll
  static void useDouble() {
    LossContractTest.useDouble();
  }

  /** The graph of a softmax classifier's output: logits, their softmax and the loss over both. */
  private static final class SoftmaxGraph {
    final SameDiff sd = SameDiff.create();
    final SDVariable logits;
    final SDVariable loss;

    SoftmaxGraph(Loss xe, INDArray logitValues, INDArray labels, INDArray weights) {
      logits = sd.var("logits", logitValues.dup());
      SDVariable probabilities = sd.nn().softmax(logits, -1);
      LossContext ctx =
          LossContext.builder(sd)
              .output("out", probabilities, logitValues.shape())
              .softmaxLogits("out", logits)
              .target(sd.constant("labels", labels))
              .weights(weights == null ? null : sd.constant("weights", weights))
              .build();
      loss = xe.compute(ctx);
    }

    double value() {
      return loss.eval().getDouble(0);
    }

    INDArray gradientOfLogits() {
      sd.setLossVariables(loss.name());
      return sd.calculateGradients(Map.of(), "logits").get("logits");
    }
  }

  private static INDArray softmax(INDArray logits) {
    return Nd4j.nn().softmax(logits.dup(), -1);
  }

  @Test
  void logSoftmaxOfTheLogitsEqualsTheClippedFormOfTheProbabilities() {
    Loss xe = REGISTRY.create("xe");
    Random random = new Random(3);
    for (long[] shape : new long[][] {{4, 3}, {2, 4, 3}, {1, 3}}) {
      INDArray logits = RandomArrays.uniform(random, -3, 3, shape);
      long[] labelShape = Arrays.copyOf(shape, shape.length - 1);
      INDArray labels = RandomArrays.labels(random, 3, labelShape);
      INDArray weights = RandomArrays.weights(random, labelShape);
      INDArray p = softmax(logits);
      assertThat(new SoftmaxGraph(xe, logits, labels, null).value())
          .isCloseTo(xe.value(p, labels, null), within(1e-6));
      assertThat(new SoftmaxGraph(xe, logits, labels, weights).value())
          .isCloseTo(xe.value(p, labels, weights), within(1e-6));
    }
  }

  @Test
  void logSoftmaxGradientsMatchCentralDifferences() {
    Loss xe = REGISTRY.create("xe");
    Random random = new Random(4);
    for (long[] shape : new long[][] {{4, 3}, {2, 3, 4}}) {
      INDArray logits = RandomArrays.uniform(random, -3, 3, shape);
      long[] labelShape = Arrays.copyOf(shape, shape.length - 1);
      INDArray labels = RandomArrays.labels(random, (int) shape[shape.length - 1], labelShape);
      for (INDArray w : new INDArray[] {null, RandomArrays.weights(random, labelShape)}) {
        INDArray analytic = new SoftmaxGraph(xe, logits, labels, w).gradientOfLogits();
        assertThat(
                GradientCheck.compare(
                    at -> new SoftmaxGraph(xe, at.get("z"), labels, w).value(),
                    Map.of("z", logits),
                    Map.of("z", analytic)))
            .as("gradient of xe over the logits of shape %s", Arrays.toString(shape))
            .isEmpty();
      }
    }
  }

  @Test
  void logSoftmaxStaysExactForExtremeLogitsWhereTheClippedFormSaturates() {
    Loss xe = REGISTRY.create("xe");
    INDArray logits = Nd4j.createFromArray(new double[][] {{1000, 0, -1000}, {0, 1000, 0}});
    INDArray labels = Nd4j.createFromArray(2L, 1L);
    // -log softmax: row 0 is 1000 - (-1000) = 2000, row 1 is 0 (to 1e-434).
    SoftmaxGraph graph = new SoftmaxGraph(xe, logits, labels, null);
    assertThat(graph.value()).isCloseTo(1000.0, within(1e-9));
    // The clipped form caps row 0 at -log(1e-8).
    assertThat(xe.value(softmax(logits), labels, null))
        .isCloseTo(-Math.log(CrossEntropy.EPSILON) / 2, within(1e-9));
    // d/dz of the mean of -log softmax(z)[t] is (softmax(z) - onehot(t)) / N.
    INDArray expected = Nd4j.createFromArray(new double[][] {{0.5, 0, -0.5}, {0, 0, 0}});
    INDArray gradient = graph.gradientOfLogits();
    assertThat(gradient.shape()).containsExactly(2, 3);
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 3; j++) {
        assertThat(gradient.getDouble(i, j)).isCloseTo(expected.getDouble(i, j), within(1e-12));
      }
    }
  }

  @Test
  void aProbabilityOfZeroIsClippedTo1eMinus8() {
    Loss xe = REGISTRY.create("xe");
    INDArray p = Nd4j.createFromArray(new double[][] {{0.0, 1.0, 0.0}});
    assertThat(xe.value(p, Nd4j.createFromArray(0L), null))
        .isCloseTo(-Math.log(1e-8), within(1e-12));
    assertThat(xe.value(p, Nd4j.createFromArray(1L), null)).isZero();
  }

  @Test
  void labelsOutOfRangeAreRejectedNamingTheLabelItsIndexAndK() {
    Loss xe = REGISTRY.create("xe");
    INDArray p = RandomArrays.distributions(new Random(1), 4, 3);
    assertThatThrownBy(() -> xe.value(p, Nd4j.createFromArray(0L, 3L, 1L, 2L), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Array 'target' has label 3 at index [1]; labels must be whole numbers in [0, 3) for 3"
                + " classes.");
    assertThatThrownBy(() -> xe.value(p, Nd4j.createFromArray(0L, 1L, -1L, 2L), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Array 'target' has label -1 at index [2]; labels must be whole numbers in [0, 3) for 3"
                + " classes.");
    INDArray p3 = RandomArrays.distributions(new Random(1), 2, 4, 5);
    INDArray labels = Nd4j.zeros(DataType.INT64, 2, 4);
    labels.putScalar(new long[] {1, 2}, 5);
    assertThatThrownBy(() -> xe.value(p3, labels, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Array 'target' has label 5 at index [1, 2]; labels must be whole numbers in [0, 5) for 5"
                + " classes.");
  }

  @Test
  void nonIntegerLabelsAreRejected() {
    Loss xe = REGISTRY.create("xe");
    INDArray p = RandomArrays.distributions(new Random(1), 4, 3);
    INDArray labels = Nd4j.createFromArray(0.0, 1.0, 2.0, 1.5);
    assertThatThrownBy(() -> xe.value(p, labels, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Array 'target' has label 1.5 at index [3]; labels must be whole numbers in [0, 3) for 3"
                + " classes.");
  }

  @Test
  void labelsOfTheWrongShapeAreRejected() {
    Loss xe = REGISTRY.create("xe");
    INDArray p = RandomArrays.distributions(new Random(1), 4, 3);
    assertThatThrownBy(() -> xe.value(p, Nd4j.zeros(DataType.INT64, 4, 3), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Array 'target' has shape [4, 3] but loss 'xe' (one class label per row) reading output"
                + " 'out:out' of shape [4, 3] needs [4].");
    assertThatThrownBy(() -> xe.value(Nd4j.createFromArray(0.2, 0.8), Nd4j.zeros(1), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Loss 'xe' needs class scores along the last axis, but output 'out:out' of shape [2]"
                + " has rank 1.");
  }

  @Test
  void accuracyTakesTheFirstMaximumOnTiesAndHonoursWeights() {
    ClassificationLoss xe = (ClassificationLoss) REGISTRY.create("xe");
    INDArray p =
        Nd4j.createFromArray(
            new double[][] {{0.4, 0.4, 0.2}, {0.4, 0.4, 0.2}, {0.1, 0.2, 0.7}, {0.6, 0.3, 0.1}});
    INDArray labels = Nd4j.createFromArray(0L, 1L, 2L, 1L);
    assertThat(xe.accuracy(p, labels, null)).isEqualTo(0.5);
    INDArray w = Nd4j.createFromArray(1.0, 3.0, 2.0, 0.0);
    assertThat(xe.accuracy(p, labels, w)).isCloseTo(0.5, within(1e-15));
    assertThat(xe.accuracy(p, labels, Nd4j.createFromArray(0.0, 1.0, 0.0, 1.0))).isZero();
    assertThat(xe.accuracy(p, labels, Nd4j.zeros(4))).isZero();
  }
}
