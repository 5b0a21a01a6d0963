package io.github.javanets.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.javanets.loss.Loss;
import io.github.javanets.runtime.TestLosses.Pair;
import io.github.javanets.runtime.TestLosses.SquaredError;
import io.github.javanets.runtime.TestLosses.TopScore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The one builder of a loss in a graph of its own: placeholders, value, checks and gradients. */
class LossGraphTest {
  private static final double EPS = 1e-12;

  // e = o - t = [[1, 0, -2], [0, -3, 1]], e^2 sums to 15 over n = 6 elements
  private final INDArray output = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {4, 5, 6}});
  private final INDArray target = Nd4j.createFromArray(new double[][] {{0, 2, 5}, {4, 8, 5}});
  private final INDArray weights = Nd4j.createFromArray(new double[][] {{1, 0, 2}, {0.5, 1, 0}});

  @Test
  void placeholdersAreNamedAfterTheirRoleAndTheBatchSizeMayBeUnknown() {
    LossGraph g =
        LossGraph.builder(new SquaredError())
            .output("out", DataType.DOUBLE, -1, 3)
            .target(DataType.DOUBLE, -1, 3)
            .build();

    assertThat(g.outputPlaceholders()).containsExactly(Map.entry("out", "output_0"));
    assertThat(g.sameDiff().getVariable("output_0").isPlaceHolder()).isTrue();
    assertThat(g.sameDiff().getVariable(LossGraph.TARGET).isPlaceHolder()).isTrue();
    assertThat(g.sameDiff().hasVariable(LossGraph.WEIGHTS)).isFalse();
    assertThat(g.value(g.feed(Map.of("out", output), target, null)))
        .isCloseTo(15.0 / 6, within(EPS));
    // Another batch size, same graph.
    assertThat(g.value(g.feed(Map.of("out", output.getRow(0, true)), target.getRow(0, true), null)))
        .isCloseTo(5.0 / 3, within(EPS));
  }

  @Test
  void weightsGiveTheWeightedReduction() {
    Loss loss = new SquaredError().configure(Map.of("weighted", true));
    LossGraph g =
        LossGraph.builder(loss)
            .output("out", DataType.DOUBLE, 2, 3)
            .target(DataType.DOUBLE, 2, 3)
            .weights(DataType.DOUBLE, 2, 3)
            .build();

    // sum(w e^2) = 1*1 + 2*4 + 1*9 = 18, sum(w) = 4.5
    assertThat(g.value(g.feed(Map.of("out", output), target, weights))).isCloseTo(4.0, within(EPS));
  }

  @Test
  void severalOutputsGetAPlaceholderEachInTheOrderGiven() {
    INDArray a = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}});
    INDArray b = Nd4j.createFromArray(new double[][] {{0.5, 0}, {-1, 1}});
    INDArray t = Nd4j.createFromArray(new double[][] {{1, 1}, {1, 1}});
    LossGraph g =
        LossGraph.builder(new Pair())
            .output("a:out", DataType.DOUBLE, -1, 2)
            .output("b:pre", DataType.DOUBLE, -1, 2)
            .target(DataType.DOUBLE, -1, 2)
            .build();
    Map<String, INDArray> outputs = new LinkedHashMap<>();
    outputs.put("a:out", a);
    outputs.put("b:pre", b);

    assertThat(g.outputPlaceholders())
        .containsExactly(Map.entry("a:out", "output_0"), Map.entry("b:pre", "output_1"));
    // e = a + b - t = [[0.5, 1], [1, 4]], mean(e^2) = (0.25 + 1 + 1 + 16) / 4
    assertThat(g.value(g.feed(outputs, t, null))).isCloseTo(18.25 / 4, within(EPS));
    assertThatThrownBy(() -> g.feed(Map.of("c", a), t, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The graph of loss 'pair' has no output 'c'; it has [a:out, b:pre].");
  }

  @Test
  void anotherExpressionOfTheLossCanBeBuiltSuchAsAccuracy() {
    TopScore loss = new TopScore();
    INDArray scores = Nd4j.createFromArray(new double[][] {{0.1, 0.9}, {0.8, 0.2}, {0.3, 0.7}});
    LossGraph g =
        LossGraph.builder(loss)
            .output("out", DataType.DOUBLE, -1, 2)
            .target(DataType.INT64, -1)
            .expression(loss::accuracy)
            .build();

    assertThat(g.value(g.feed(Map.of("out", scores), Nd4j.createFromArray(1L, 1L, 1L), null)))
        .isCloseTo(2.0 / 3, within(EPS));
  }

  @Test
  void theGradientIsTakenWithRespectToTheOutputPlaceholders() {
    LossGraph g =
        LossGraph.builder(new SquaredError())
            .output("out", DataType.DOUBLE, -1, 3)
            .target(DataType.DOUBLE, -1, 3)
            .build();
    List<String> wrt = List.of("output_0");

    assertThat(g.differentiate(wrt)).isTrue();
    GraphExecutor gradients = g.gradients(List.of(g.valueName()), wrt);
    var r = gradients.runDetached(g.feed(Map.of("out", output), target, null));

    assertThat(g.scalar(r.getOutputs().get(g.valueName()))).isCloseTo(2.5, within(EPS));
    assertThat(r.getGradients().get("output_0").reshape(6).toDoubleVector())
        .containsExactly(new double[] {2.0 / 6, 0, -4.0 / 6, 0, -6.0 / 6, 2.0 / 6}, within(EPS));
    assertThatThrownBy(() -> g.differentiate(List.of("output_0", LossGraph.TARGET)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "The gradient function was built with respect to [output_0], not [output_0,"
                + " target].");
  }

  @Test
  void gradientsNeedDifferentiateFirst() {
    LossGraph g =
        LossGraph.builder(new SquaredError())
            .output("out", DataType.DOUBLE, -1, 3)
            .target(DataType.DOUBLE, -1, 3)
            .build();

    assertThatThrownBy(() -> g.gradients(List.of(), List.of("output_0")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "The value of loss 'squarederror' has no gradient function: differentiate first.");
  }

  @Test
  void aNullExpressionIsRefusedWhenTheGraphIsBuilt() {
    assertThatThrownBy(
            () ->
                LossGraph.builder(new SquaredError())
                    .output("out", DataType.DOUBLE, -1, 3)
                    .expression(ctx -> null)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Loss 'squarederror' ("
                + SquaredError.class.getName()
                + ") returned null from compute; compute must return a scalar, such as"
                + " reduce(ctx, err) of the per-element error err.");
  }

  @Test
  void aValueThatIsNotAScalarIsRefusedWhenItIsComputed() {
    LossGraph g =
        LossGraph.builder(new SquaredError())
            .output("out", DataType.DOUBLE, -1, 3)
            .target(DataType.DOUBLE, -1, 3)
            .expression(ctx -> ctx.output().sub(ctx.target()))
            .build();

    assertThatThrownBy(() -> g.value(g.feed(Map.of("out", output), target, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Loss 'squarederror' ("
                + SquaredError.class.getName()
                + ") computed a value of shape [2, 3]; compute must return a scalar, such as"
                + " reduce(ctx, err) of the per-element error err.");
  }

  @Test
  void aGraphNeedsAnOutputAndEachOutputOnce() {
    assertThatThrownBy(() -> LossGraph.builder(new SquaredError()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The graph of loss 'squarederror' needs an output.");
    assertThatThrownBy(
            () ->
                LossGraph.builder(new SquaredError())
                    .output("out", DataType.DOUBLE, 2)
                    .output("out", DataType.DOUBLE, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Output 'out' is added twice.");
  }
}
