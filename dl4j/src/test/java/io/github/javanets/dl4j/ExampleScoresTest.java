package io.github.javanets.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossContext;
import io.github.javanets.loss.LossName;
import io.github.javanets.loss.LossRegistry;
import io.github.javanets.loss.TargetKind;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Per-example scores, in DOUBLE to 1e-10: each is the loss's value on its row alone, they sum to
 * the summed score, masked rows score 0, and a loss that does not reduce with its weights as rule 3
 * says still gets right scores (row by row).
 */
class ExampleScoresTest {
  private static final double TOLERANCE = 1e-10;
  private static final int ROWS = 6;
  private static final int OUTPUTS = 3;
  private static final LossRegistry REGISTRY = LossRegistry.discover();

  static Stream<Arguments> losses() {
    IActivation identity = new ActivationIdentity();
    IActivation softmax = new ActivationSoftmax();
    return Stream.of(
        Arguments.of("mse", identity),
        Arguments.of("mae", new ActivationTanH()),
        Arguments.of("huber(delta=0.5)", identity),
        Arguments.of("kl", softmax),
        Arguments.of("bce", new ActivationSigmoid()),
        Arguments.of("xe", softmax),
        Arguments.of("hinge(margin=1)", identity),
        Arguments.of("pinball(tau=0.9)", identity),
        Arguments.of("focal", softmax),
        Arguments.of("step", identity));
  }

  private static INDArray preOutput() {
    return TestArrays.uniform(11, ROWS, OUTPUTS, -2, 2);
  }

  /** Labels each loss accepts: one-hot, distributions, probabilities or plain values. */
  private static INDArray labels(Loss loss) {
    if (loss.targetKind() == TargetKind.LABELS) {
      return TestArrays.oneHot(OUTPUTS, 0, 2, 1, 1, 0, 2);
    }
    INDArray values = TestArrays.uniform(12, ROWS, OUTPUTS, 0.05, 1);
    return loss.name().equals("kl") ? values.divColumnVector(values.sum(true, 1)) : values;
  }

  /** The javanets loss's own value on row {@code i} alone, as Loss.value computes it. */
  private static double valueOnRow(Loss loss, IActivation act, INDArray labels, int i) {
    INDArray output = act.getActivation(preOutput(), true).getRow(i, true);
    INDArray row = labels.getRow(i, true);
    INDArray target =
        switch (loss.targetKind()) {
          case LABELS -> Nd4j.argMax(row, 1);
          case NONE -> null;
          default -> row;
        };
    return loss.value(output, target, null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("losses")
  void eachScoreIsTheLossOnItsRowAloneAndTheySumToTheScore(String spec, IActivation act) {
    Loss loss = REGISTRY.create(spec);
    INDArray labels = labels(loss);
    LossFunctionAdapter adapter = new LossFunctionAdapter(spec);
    INDArray scores = adapter.computeScoreArray(labels, preOutput(), act, null);

    assertThat(scores.shape()).isEqualTo(new long[] {ROWS, 1});
    for (int i = 0; i < ROWS; i++) {
      assertThat(scores.getDouble(i, 0))
          .as("row %d", i)
          .isCloseTo(valueOnRow(loss, act, labels, i), within(TOLERANCE));
    }
    double sum = scores.sumNumber().doubleValue();
    assertThat(adapter.computeScore(labels, preOutput(), act, null, false))
        .isCloseTo(sum, within(TOLERANCE));
    assertThat(adapter.computeScore(labels, preOutput(), act, null, true))
        .isCloseTo(sum / ROWS, within(TOLERANCE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("losses")
  void maskedRowsScoreZeroAndTheOthersKeepTheirScores(String spec, IActivation act) {
    INDArray labels = labels(REGISTRY.create(spec));
    INDArray mask = TestArrays.column(1, 0, 1, 1, 0, 1);
    LossFunctionAdapter adapter = new LossFunctionAdapter(spec);
    INDArray unmasked = adapter.computeScoreArray(labels, preOutput(), act, null);
    INDArray masked = adapter.computeScoreArray(labels, preOutput(), act, mask);

    assertThat(masked.sub(unmasked.mul(mask)).amaxNumber().doubleValue()).isLessThan(TOLERANCE);
    assertThat(adapter.computeScore(labels, preOutput(), act, mask, false))
        .isCloseTo(masked.sumNumber().doubleValue(), within(TOLERANCE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("losses")
  void everyRegisteredPerExampleLossGetsItsScoresInOnePass(String spec, IActivation act) {
    Loss loss = REGISTRY.create(spec);
    Dl4jBatch batch = Dl4jBatch.of(loss, labels(loss), preOutput(), act, null);
    LossGraph graph = LossGraph.build(loss, "out:out", DataType.DOUBLE, OUTPUTS);
    INDArray onePass = ExampleScores.onePass(graph, batch);

    assertThat(onePass).isNotNull();
    INDArray rowByRow = ExampleScores.rowByRow(graph, batch);
    assertThat(onePass.sub(rowByRow).amaxNumber().doubleValue()).isLessThan(TOLERANCE);
  }

  @Test
  void theLossWeightScalesEveryScore() {
    INDArray labels = TestArrays.uniform(12, ROWS, OUTPUTS, 0, 1);
    IActivation act = new ActivationIdentity();
    INDArray once =
        new LossFunctionAdapter("mse").computeScoreArray(labels, preOutput(), act, null);
    INDArray twice =
        new LossFunctionAdapter("mse(weight=2)").computeScoreArray(labels, preOutput(), act, null);
    assertThat(twice.sub(once.mul(2)).amaxNumber().doubleValue()).isLessThan(TOLERANCE);
  }

  /** Squared error that ignores its weights, against rule 3. */
  @LossName("ignoresweights")
  public static final class IgnoresWeights extends Loss {
    @Override
    public SDVariable compute(LossContext ctx) {
      SDVariable e = ctx.output().sub(ctx.target());
      return e.mul(e).mean();
    }
  }

  /** Squared error weighted as {@code mean(w * err)}: not divided by {@code sum(w)}. */
  @LossName("countsweights")
  public static final class CountsWeights extends Loss {
    @Override
    public SDVariable compute(LossContext ctx) {
      SDVariable e = ctx.output().sub(ctx.target());
      return e.mul(e).mul(ctx.weights()).mean();
    }
  }

  static Stream<Loss> rule3Breakers() {
    return Stream.of(new IgnoresWeights(), new CountsWeights());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rule3Breakers")
  void aLossThatBreaksRule3IsScoredRowByRow(Loss loss) {
    INDArray labels = TestArrays.uniform(12, ROWS, OUTPUTS, 0, 1);
    INDArray mask = TestArrays.column(1, 1, 0, 1, 1, 1);
    INDArray output = preOutput();
    Dl4jBatch batch = Dl4jBatch.of(loss, labels, output, new ActivationIdentity(), mask);
    LossGraph graph = LossGraph.build(loss, "out:out", DataType.DOUBLE, OUTPUTS);

    assertThat(ExampleScores.onePass(graph, batch)).isNull();
    INDArray scores = ExampleScores.of(graph, batch);
    for (int i = 0; i < ROWS; i++) {
      INDArray e = output.getRow(i).sub(labels.getRow(i));
      double expected = mask.getDouble(i, 0) * e.mul(e).meanNumber().doubleValue();
      assertThat(scores.getDouble(i, 0)).as("row %d", i).isCloseTo(expected, within(TOLERANCE));
    }
    assertThat(scores.get(NDArrayIndex.point(2), NDArrayIndex.all()).getDouble(0)).isZero();
  }

  @Test
  void aLossThatIgnoresItsWeightsCannotBeMasked() {
    Loss loss = new IgnoresWeights();
    INDArray labels = TestArrays.uniform(12, ROWS, OUTPUTS, 0, 1);
    IActivation identity = new ActivationIdentity();
    LossGraph graph = LossGraph.build(loss, "out:out", DataType.DOUBLE, OUTPUTS);
    Dl4jBatch unmasked = Dl4jBatch.of(loss, labels, preOutput(), identity, null);
    Dl4jBatch masked =
        Dl4jBatch.of(loss, labels, preOutput(), identity, TestArrays.column(1, 1, 0, 1, 1, 1));

    assertThat(
            LossFunctionAdapter.gradientAndScore(loss, graph, unmasked, preOutput(), identity, true)
                .getFirst())
        .isCloseTo(loss.value(preOutput(), labels, null), within(TOLERANCE));
    assertThatThrownBy(
            () ->
                LossFunctionAdapter.gradientAndScore(
                    loss, graph, masked, preOutput(), identity, true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Loss 'ignoresweights' does not depend on its weights, so it cannot honour DL4J's"
                + " mask: a loss must reduce as sum(w * err) / sum(w), for example with"
                + " Loss.reduce(ctx, err).");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mse", "xe"})
  void floatBatchesAreScoredInOnePassToo(String spec) {
    Loss loss = REGISTRY.create(spec);
    int rows = 256;
    int classes = 10;
    INDArray pre = TestArrays.uniform(13, rows, classes, -3, 3);
    INDArray labels = TestArrays.uniform(14, rows, classes, 0, 1);
    IActivation act = new ActivationIdentity();
    if (loss.targetKind() == TargetKind.LABELS) {
      labels = labels.eq(labels.max(true, 1)).castTo(DataType.DOUBLE);
      act = new ActivationSoftmax();
    }
    LossGraph graph = LossGraph.build(loss, "out:out", DataType.FLOAT, classes);
    Dl4jBatch batch =
        Dl4jBatch.of(loss, labels.castTo(DataType.FLOAT), pre.castTo(DataType.FLOAT), act, null);
    INDArray onePass = ExampleScores.onePass(graph, batch);
    INDArray exact = new LossFunctionAdapter(spec).computeScoreArray(labels, pre, act, null);

    assertThat(onePass).isNotNull();
    assertThat(
            onePass.castTo(DataType.DOUBLE).reshape(rows, 1).sub(exact).amaxNumber().doubleValue())
        .isLessThan(1e-5);
  }
}
