package io.github.javanets.runtime.internal;

import static io.github.javanets.conventions.SameBits.assertSameBits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.javanets.loss.Loss;
import io.github.javanets.runtime.TestLosses.Norm;
import io.github.javanets.runtime.TestLosses.Pair;
import io.github.javanets.runtime.TestLosses.Positive;
import io.github.javanets.runtime.TestLosses.SquaredError;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A loss evaluated on plain arrays in DOUBLE: values, gradients, weights and bad inputs. */
class LossEvaluationTest {
  private static final double EPS = 1e-12;

  // e = o - t = [[1, 0, -2], [0, -3, 1]], e^2 sums to 15 over n = 6 elements
  private final INDArray output = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {4, 5, 6}});
  private final INDArray target = Nd4j.createFromArray(new double[][] {{0, 2, 5}, {4, 8, 5}});
  private final INDArray weights = Nd4j.createFromArray(new double[][] {{1, 0, 2}, {0.5, 1, 0}});

  private static Loss weighted() {
    return new SquaredError().configure(Map.of("weighted", true));
  }

  private static double[] flat(INDArray a) {
    return a.dup('c').reshape(a.length()).toDoubleVector();
  }

  @Test
  void theValueIsTheMeanOfTheSquaredErrors() {
    assertThat(output.dataType()).isEqualTo(DataType.DOUBLE);

    assertThat(new SquaredError().value(output, target, null)).isCloseTo(15.0 / 6, within(EPS));
  }

  @Test
  void theGradientIsTwiceTheErrorOverN() {
    INDArray g = new SquaredError().gradient(output, target, null);

    assertThat(g.shape()).containsExactly(2, 3);
    assertThat(g.dataType()).isEqualTo(DataType.DOUBLE);
    assertThat(flat(g))
        .containsExactly(new double[] {2.0 / 6, 0, -4.0 / 6, 0, -6.0 / 6, 2.0 / 6}, within(EPS));
  }

  @Test
  void theGradientMapIsKeyedAsTheOutputsWereGiven() {
    Map<String, INDArray> g = new SquaredError().gradient(Map.of("hid1", output), target, null);

    assertThat(g).containsOnlyKeys("hid1");
    assertThat(flat(g.get("hid1"))[4]).isCloseTo(-1.0, within(EPS));
  }

  @Test
  void evaluationLeavesTheArraysUntouched() {
    INDArray before = output.dup();

    new SquaredError().gradient(output, target, weights);

    assertSameBits("output", output, before);
  }

  @Test
  void theWeightedValueIsSumOfWeightedErrorsOverSumOfWeights() {
    // sum(w e^2) = 1*1 + 2*4 + 1*9 = 18, sum(w) = 4.5
    assertThat(weighted().value(output, target, weights)).isCloseTo(4.0, within(EPS));
  }

  @Test
  void theWeightedGradientIsTwiceTheWeightedErrorOverSumOfWeights() {
    INDArray g = weighted().gradient(output, target, weights);

    assertThat(flat(g))
        .containsExactly(new double[] {2 / 4.5, 0, -8 / 4.5, 0, -6 / 4.5, 0}, within(EPS));
  }

  @Test
  void weightsOfOneGiveTheUnweightedValue() {
    INDArray ones = Nd4j.onesLike(output);

    assertThat(weighted().value(output, target, ones)).isCloseTo(2.5, within(EPS));
    assertThat(flat(weighted().gradient(output, target, ones)))
        .containsExactly(flat(new SquaredError().gradient(output, target, null)), within(EPS));
  }

  @Test
  void allZeroWeightsGiveExactlyZeroAndAZeroGradient() {
    INDArray zeros = Nd4j.zeros(DataType.DOUBLE, 2, 3);

    assertThat(weighted().value(output, target, zeros)).isEqualTo(0.0);
    // -0.0 == 0.0: no NaN, no infinity, nothing but zeros
    assertThat(flat(weighted().gradient(output, target, zeros)))
        .containsExactly(new double[6], within(0.0));
  }

  @Test
  void aZeroWeightMeansTheElementIsAbsent() {
    INDArray w = Nd4j.createFromArray(new double[][] {{1, 1, 1}, {0, 0, 0}});
    INDArray changed = target.dup();
    changed.putScalar(1, 1, 1000.0);

    assertThat(weighted().value(output, changed, w))
        .isCloseTo(new SquaredError().value(output.getRow(0), target.getRow(0), null), within(EPS));
  }

  @Test
  void nullWeightsMeanUnweighted() {
    assertThat(new SquaredError().value(Map.of("out", output), target, null))
        .isCloseTo(2.5, within(EPS));
  }

  @Test
  void aWeightedLossWithoutWeightsIsAnError() {
    assertThatThrownBy(() -> weighted().value(output, target, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Loss 'squarederror' is weighted (weighted=true) but no weights were given.");
  }

  @Test
  void aTargetOfAnotherShapeNamesBothShapes() {
    INDArray wrong = Nd4j.zeros(DataType.DOUBLE, 2, 2);

    assertThatThrownBy(() -> new SquaredError().value(output, wrong, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Array 'target' has shape [2, 2] but loss 'squarederror' reading output 'out:out' of"
                + " shape [2, 3] needs [2, 3].");
  }

  @Test
  void weightsOfAnotherShapeNameBothShapes() {
    INDArray wrong = Nd4j.ones(DataType.DOUBLE, 3, 2);

    assertThatThrownBy(() -> weighted().value(output, target, wrong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Array 'weights' has shape [3, 2] but loss 'squarederror' (weights shaped like its"
                + " target) needs [2, 3].");
  }

  @Test
  void aNegativeNanOrInfiniteWeightIsRejectedWithItsIndex() {
    INDArray w = Nd4j.onesLike(output);
    w.putScalar(1, 0, -1.0);
    assertThatThrownBy(() -> weighted().value(output, target, w))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Array 'weights' has -1.0 at index [1, 0]; weights must be finite and >= 0.");

    INDArray nan = Nd4j.onesLike(output);
    nan.putScalar(0, 2, Double.NaN);
    assertThatThrownBy(() -> weighted().gradient(output, target, nan))
        .hasMessage("Array 'weights' has NaN at index [0, 2]; weights must be finite and >= 0.");

    INDArray inf = Nd4j.onesLike(output);
    inf.putScalar(1, 2, Double.POSITIVE_INFINITY);
    assertThatThrownBy(() -> weighted().value(output, target, inf))
        .hasMessage(
            "Array 'weights' has Infinity at index [1, 2]; weights must be finite and >= 0.");
  }

  @Test
  void anIntegerOutputIsRejected() {
    INDArray ints = Nd4j.createFromArray(new int[][] {{1, 2, 3}, {4, 5, 6}});

    assertThatThrownBy(() -> new SquaredError().value(ints, target, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Output 'out:out' has data type "
                + ints.dataType()
                + "; outputs must be floating point.");
  }

  @Test
  void aMissingTargetIsAnError() {
    assertThatThrownBy(() -> new SquaredError().value(output, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Loss 'squarederror' needs a target; none given.");
  }

  @Test
  void aLossWithoutTargetNeedsNone() {
    Loss norm = new Norm();

    // mean(o^2) = 91 / 6
    assertThat(norm.value(output, null, null)).isCloseTo(91.0 / 6, within(EPS));
    assertThat(flat(norm.gradient(output, null, null))[5]).isCloseTo(2 * 6.0 / 6, within(EPS));
  }

  @Test
  void floatOutputsAreComputedInFloat() {
    double v =
        new SquaredError()
            .value(output.castTo(DataType.FLOAT), target.castTo(DataType.FLOAT), null);
    INDArray g =
        new SquaredError()
            .gradient(output.castTo(DataType.FLOAT), target.castTo(DataType.DOUBLE), null);

    assertThat(v).isCloseTo(2.5, within(1e-6));
    assertThat(g.dataType()).isEqualTo(DataType.FLOAT);
  }

  @Test
  void aMultiOutputLossReadsItsOutputsByName() {
    INDArray a = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}});
    INDArray b = Nd4j.createFromArray(new double[][] {{0.5, 0}, {-1, 1}});
    INDArray t = Nd4j.createFromArray(new double[][] {{1, 1}, {1, 1}});
    Map<String, INDArray> outputs = new LinkedHashMap<>();
    outputs.put("a", a);
    outputs.put("b:pre", b);
    outputs.put("c", a);

    // e = a + b - t = [[0.5, 1], [1, 4]], mean(e^2) = (0.25 + 1 + 1 + 16) / 4
    assertThat(new Pair().value(outputs, t, null)).isCloseTo(18.25 / 4, within(EPS));
    Map<String, INDArray> g = new Pair().gradient(outputs, t, null);
    assertThat(g).containsOnlyKeys("a", "b:pre", "c");
    assertThat(flat(g.get("a"))).containsExactly(new double[] {0.25, 0.5, 0.5, 2}, within(EPS));
    assertThat(flat(g.get("b:pre"))).containsExactly(flat(g.get("a")), within(EPS));
    assertThat(flat(g.get("c"))).containsExactly(0, 0, 0, 0);
  }

  @Test
  void aMultiOutputLossReadsTheOutputsItIsTold() {
    INDArray a = Nd4j.createFromArray(new double[][] {{1, 2}});
    INDArray t = Nd4j.createFromArray(new double[][] {{0, 0}});
    Loss pair = new Pair().configure(Map.of("first", "x", "second", "x"));

    // e = 2a - t, mean(e^2) = (4 + 16) / 2
    assertThat(pair.value(Map.of("x:out", a), t, null)).isCloseTo(10.0, within(EPS));
  }

  @Test
  void aMissingOutputNameIsAnErrorListingTheGivenOutputs() {
    Map<String, INDArray> outputs = new LinkedHashMap<>();
    outputs.put("a", output);
    outputs.put("b", output);

    assertThatThrownBy(() -> new Pair().value(outputs, target, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Loss 'pair' reads output 'b:pre', which is not among the given outputs: a:out,"
                + " b:out.");
    Loss told = new SquaredError().configure(Map.of("output", "hid2"));
    assertThatThrownBy(() -> told.value(Map.of("hid1", output), target, null))
        .hasMessage(
            "Loss 'squarederror' reads output 'hid2:out', which is not among the given outputs:"
                + " hid1:out.");
  }

  @Test
  void aSingleOutputLossGivenSeveralOutputsMustBeToldWhichToRead() {
    Map<String, INDArray> outputs = new LinkedHashMap<>();
    outputs.put("a", output);
    outputs.put("b", output.mul(2));

    assertThatThrownBy(() -> new SquaredError().value(outputs, target, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Loss 'squarederror' reads one output but 2 were given (a:out, b:out); set its"
                + " parameter 'output'.");
    Loss told = new SquaredError().configure(Map.of("output", "a"));
    assertThat(told.value(outputs, target, null)).isCloseTo(2.5, within(EPS));
  }

  @Test
  void anOutputGivenTwiceOrNoOutputIsAnError() {
    Map<String, INDArray> twice = new LinkedHashMap<>();
    twice.put("a", output);
    twice.put("a:out", output);

    assertThatThrownBy(() -> new SquaredError().value(twice, target, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Output 'a:out' is given twice.");
    assertThatThrownBy(() -> new SquaredError().value(Map.of(), target, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Loss 'squarederror' needs an output; none given.");
  }

  @Test
  void theLossWeightIsNotAppliedInsideTheValue() {
    Loss heavy = new SquaredError().configure(Map.of("weight", 10));

    assertThat(heavy.value(output, target, null)).isCloseTo(2.5, within(EPS));
  }

  @Test
  void aValueWithoutGradientGivesZeroGradients() {
    INDArray o = Nd4j.createFromArray(new double[][] {{-1, 2}, {3, -4}});
    Positive positive = new Positive();
    assertThat(positive.value(o, null, null)).isEqualTo(0.5);
    INDArray g = positive.gradient(o, null, null);
    assertThat(g.dataType()).isEqualTo(DataType.DOUBLE);
    assertThat(g.shape()).containsExactly(2, 2);
    assertThat(g.amaxNumber().doubleValue()).as("largest |gradient|").isZero();
  }

  @Test
  void weightsOfALossWithoutTargetAreShapedLikeTheOutputWhateverTargetIsGiven() {
    INDArray o = Nd4j.createFromArray(new double[][] {{-1, 2}, {3, -4}});
    INDArray ignored = Nd4j.zeros(DataType.DOUBLE, 5);
    INDArray w = Nd4j.createFromArray(new double[][] {{1, 1}, {3, 0}});
    assertThat(new Positive().value(o, ignored, w)).isEqualTo(0.8);
    assertThatThrownBy(() -> new Positive().value(o, ignored, Nd4j.ones(DataType.DOUBLE, 5)))
        .hasMessage(
            "Array 'weights' has shape [5] but loss 'positive' (weights shaped like its output)"
                + " needs [2, 2].");
  }
}
