package io.github.javanets.models;

import static io.github.javanets.models.TestData.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Each penalty adds exactly its term to the objective at the same parameters (compared with an
 * independent float64 computation); noise and dropout leave evaluation alone but change training.
 */
class RegularizerTest {
  private static final int N = 16;
  private static final Dataset DATA = TestData.regression(3, N, 3, 2);

  private static Regressor model() {
    return Regressor.builder()
        .layers(3, "5:tanh", "4:logistic", 2)
        .dataType(DataType.DOUBLE)
        .build();
  }

  /** The validation monitors at the model's current parameters, with one regularizer. */
  private static Map<String, Double> objective(
      Model net, Dataset data, String name, double weight) {
    TrainOptions options =
        TrainOptions.builder().maxUpdates(0).batchSize(N).regularizer(name, weight).build();
    return net.train(data, options).bestValid();
  }

  private static double meanOf(INDArray a, DoubleUnaryOperator f) {
    double s = 0;
    for (double v : TestData.flat(a)) {
      s += f.applyAsDouble(v);
    }
    return s / a.length();
  }

  @ParameterizedTest
  @CsvSource({"weight_l2, 0.3", "weight_l1, 0.2", "hidden_l1, 0.5", "contractive, 0.7"})
  void aPenaltyAddsExactlyItsTermToTheObjective(String name, double weight) {
    Regressor net = model();
    Map<String, INDArray> p = net.parameters();
    Map<String, INDArray> out = net.feedForward(DATA.inputs());
    double term;
    switch (name) {
      case "weight_l2":
        term =
            meanOf(p.get("hid1.w"), v -> v * v)
                + meanOf(p.get("hid2.w"), v -> v * v)
                + meanOf(p.get("out.w"), v -> v * v);
        break;
      case "weight_l1":
        term =
            meanOf(p.get("hid1.w"), Math::abs)
                + meanOf(p.get("hid2.w"), Math::abs)
                + meanOf(p.get("out.w"), Math::abs);
        break;
      case "hidden_l1":
        term = meanOf(out.get("hid1:out"), Math::abs) + meanOf(out.get("hid2:out"), Math::abs);
        break;
      default:
        term =
            contractive(out.get("hid1:out"), p.get("hid1.w"), h -> 1 - h * h)
                + contractive(out.get("hid2:out"), p.get("hid2.w"), h -> h * (1 - h));
    }
    Map<String, Double> plain = net.evaluate(DATA);

    Map<String, Double> regularized = objective(net, DATA, name, weight);

    assertThat(regularized.get(name)).isCloseTo(weight * term, within(1e-12));
    assertThat(regularized.get("loss") - plain.get("loss")).isCloseTo(weight * term, within(1e-12));
    assertThat(regularized.get("mse")).isCloseTo(plain.get("mse"), within(1e-14));
    assertThat(regularized.get("err")).isCloseTo(plain.get("err"), within(1e-14));
  }

  /**
   * {@code mean over rows of ||dh/dx||_F^2 = sum_j act'(pre_j)^2 sum_i W_ij^2}, with {@code act'}
   * given as a function of the layer's output.
   */
  private static double contractive(INDArray h, INDArray w, DoubleUnaryOperator slopeOfOutput) {
    double[][] hv = rows(h);
    double[][] wv = rows(w);
    double total = 0;
    for (double[] row : hv) {
      for (int j = 0; j < row.length; j++) {
        double columnSquares = 0;
        for (double[] wi : wv) {
          columnSquares += wi[j] * wi[j];
        }
        double slope = slopeOfOutput.applyAsDouble(row[j]);
        total += slope * slope * columnSquares;
      }
    }
    return total / hv.length;
  }

  @ParameterizedTest
  @ValueSource(strings = {"linear", "relu", "logistic", "tanh", "softplus", "elu", "leaky_relu"})
  void theContractiveTermUsesTheSlopeOfEachActivation(String activation) {
    Regressor net =
        Regressor.builder().layers(3, "6:" + activation, 2).dataType(DataType.DOUBLE).build();
    Map<String, INDArray> out = net.feedForward(DATA.inputs());
    double[][] pre = rows(out.get("hid1:pre"));
    double[][] w = rows(net.parameters().get("hid1.w"));
    double total = 0;
    for (double[] row : pre) {
      for (int j = 0; j < row.length; j++) {
        double slope = slope(activation, row[j]);
        for (double[] wi : w) {
          total += slope * slope * wi[j] * wi[j];
        }
      }
    }

    Map<String, Double> m = objective(net, DATA, "contractive", 1.0);

    assertThat(m.get("contractive")).isCloseTo(total / N, within(1e-12));
  }

  private static double slope(String activation, double x) {
    switch (activation) {
      case "linear":
        return 1;
      case "relu":
        return x > 0 ? 1 : 0;
      case "logistic":
        {
          double s = 1 / (1 + Math.exp(-x));
          return s * (1 - s);
        }
      case "tanh":
        return 1 - Math.tanh(x) * Math.tanh(x);
      case "softplus":
        return 1 / (1 + Math.exp(-x));
      case "elu":
        return x > 0 ? 1 : Math.exp(x);
      default:
        return x > 0 ? 1 : Activation.LEAKY_SLOPE;
    }
  }

  @Test
  void theContractiveTermNeedsElementWiseHiddenActivations() {
    Regressor net = Regressor.builder().layers(3, "4:softmax", 2).build();

    assertThatThrownBy(() -> objective(net, DATA, "contractive", 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The contractive penalty needs an element-wise activation; softmax is not.");
  }

  @Test
  void weightPenaltiesSkipBiasesAndCountTiedWeightsOnce() {
    Autoencoder net =
        Autoencoder.builder().layers(6, "3:tanh", "6:tied").dataType(DataType.DOUBLE).build();
    Dataset data = Dataset.of(TestData.gaussian(4, N, 6));
    double l2 = meanOf(net.parameters().get("hid1.w"), v -> v * v);

    assertThat(objective(net, data, "weight_l2", 2.0).get("weight_l2"))
        .isCloseTo(2 * l2, within(1e-12));
  }

  @ParameterizedTest
  @CsvSource({"input_noise, 0.3", "hidden_noise, 0.3", "input_dropout, 0.3", "hidden_dropout, 0.3"})
  void noiseAndDropoutLeaveEvaluationAloneButChangeTraining(String name, double weight) {
    Regressor net = model();
    TrainOptions plain = TrainOptions.builder().batchSize(8).maxUpdates(1).build();
    TrainOptions noisy =
        TrainOptions.builder().batchSize(8).maxUpdates(1).regularizer(name, weight).build();

    Map<String, Double> evaluated = objective(net, DATA, name, weight);
    Regressor a = model();
    Regressor b = model();
    TrainingResult withoutIt = a.train(DATA, plain);
    TrainingResult withIt = b.train(DATA, noisy);

    assertThat(evaluated).isEqualTo(net.evaluate(DATA));
    assertThat(withIt.history().get(0).valid()).isEqualTo(withoutIt.history().get(0).valid());
    assertThat(withIt.history().get(0).train().get("loss"))
        .isNotCloseTo(withoutIt.history().get(0).train().get("loss"), within(1e-6));
    assertThat(TestData.differ(a.parameters(), b.parameters())).isTrue();
  }

  @Test
  void dropoutMasksAreInvertedAndNoiseIsGaussianWithItsWeightAsStd() {
    Regressor net = model();
    Map<Regularizer, Double> regularizers = new LinkedHashMap<>();
    regularizers.put(Regularizer.INPUT_DROPOUT, 0.25);
    regularizers.put(Regularizer.HIDDEN_NOISE, 0.5);
    ModelGraph graph =
        ModelGraph.training(
            ModelKind.REGRESSOR,
            net.network(),
            net.liveParameters(),
            DataType.DOUBLE,
            net.losses(),
            regularizers);
    Dataset batch = TestData.regression(5, 2000, 3, 2);

    Map<String, INDArray> training = graph.feed(batch, new Random(1));
    Map<String, INDArray> evaluation = graph.feed(batch, null);

    double[] mask = TestData.flat(training.get("mask.in"));
    long dropped = java.util.Arrays.stream(mask).filter(v -> v == 0).count();
    assertThat(mask).containsOnly(0.0, 1 / 0.75);
    assertThat(dropped / (double) mask.length).isCloseTo(0.25, within(0.02));
    assertThat(training.get("noise.hid1").shape()).containsExactly(2000, 5);
    assertThat(training.get("noise.hid2").shape()).containsExactly(2000, 4);
    assertThat(training.get("noise.hid1").meanNumber().doubleValue()).isCloseTo(0, within(0.02));
    assertThat(training.get("noise.hid1").stdNumber().doubleValue()).isCloseTo(0.5, within(0.02));
    assertThat(TestData.flat(evaluation.get("mask.in"))).containsOnly(1.0);
    assertThat(TestData.flat(evaluation.get("noise.hid1"))).containsOnly(0.0);
  }

  @Test
  void anSgdStepFollowsTheGradientOfTheRegularizedObjective() {
    Dataset data = TestData.regression(9, 12, 2, 1);
    Regressor net = Regressor.builder().layers(2, "3:tanh", 1).dataType(DataType.DOUBLE).build();
    Map<String, INDArray> start = net.parameters();

    net.train(data, penalties().algorithm("sgd").learningRate(1).maxUpdates(1).build());
    Map<String, INDArray> end = net.parameters();

    double eps = 1e-6;
    for (String name : start.keySet()) {
      for (long k = 0; k < start.get(name).length(); k++) {
        double analytic = start.get(name).getDouble(k) - end.get(name).getDouble(k);
        double numeric =
            (objectiveAt(start, name, k, eps, data) - objectiveAt(start, name, k, -eps, data))
                / (2 * eps);
        assertThat(analytic)
            .as("%s[%d]", name, k)
            .isCloseTo(numeric, within(1e-6 * Math.max(1, Math.abs(numeric))));
      }
    }
  }

  private static TrainOptions.Builder penalties() {
    return TrainOptions.builder()
        .batchSize(12)
        .regularizer("weight_l2", 0.1)
        .regularizer("weight_l1", 0.05)
        .regularizer("hidden_l1", 0.2)
        .regularizer("contractive", 0.3);
  }

  private static double objectiveAt(
      Map<String, INDArray> base, String name, long k, double delta, Dataset data) {
    Map<String, INDArray> moved = new LinkedHashMap<>();
    base.forEach((n, a) -> moved.put(n, a.dup()));
    moved.get(name).putScalar(k, moved.get(name).getDouble(k) + delta);
    Regressor at =
        Regressor.builder()
            .layers(2, "3:tanh", 1)
            .dataType(DataType.DOUBLE)
            .parameters(moved)
            .build();
    return at.train(data, penalties().maxUpdates(0).build()).bestValid().get("loss");
  }
}
