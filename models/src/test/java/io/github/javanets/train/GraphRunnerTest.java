package io.github.javanets.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.javanets.models.Autoencoder;
import io.github.javanets.models.Classifier;
import io.github.javanets.models.Dataset;
import io.github.javanets.models.Layer;
import io.github.javanets.models.Model;
import io.github.javanets.models.Regressor;
import io.github.javanets.models.Regularizer;
import io.github.javanets.models.TestData;
import io.github.javanets.runtime.GraphExecutor;
import io.github.javanets.runtime.GraphRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The graph runner gives SameDiff's results bit for bit: every monitor and every gradient of the
 * training graphs of each kind of model (with several losses, weights, every regularizer, noise and
 * dropout), over minibatches whose size changes and comes back, and for evaluation; graphs it does
 * not take fall back to SameDiff.
 */
class GraphRunnerTest {
  private static final int IN = 5;
  private static final int OUT = 3;
  private static final int T = 6;

  static Stream<Arguments> graphs() {
    Map<Regularizer, Double> all =
        Map.of(
            Regularizer.WEIGHT_L1, 0.01,
            Regularizer.WEIGHT_L2, 0.02,
            Regularizer.HIDDEN_L1, 0.03,
            Regularizer.INPUT_NOISE, 0.1,
            Regularizer.HIDDEN_DROPOUT, 0.3,
            Regularizer.CONTRACTIVE, 0.01);
    return Stream.of(
        Arguments.of("regressor mse", (Supplier<Model>) GraphRunnerTest::regressor, Map.of(), 0),
        Arguments.of(
            "regressor mse + 0.5 mae, weighted, every regularizer",
            (Supplier<Model>)
                () -> {
                  Regressor r =
                      Regressor.builder()
                          .layers(IN, Layer.of(7, "tanh"), Layer.of(4, "relu"), OUT)
                          .loss("mse")
                          .weighted(true)
                          .seed(3)
                          .build();
                  r.addLoss("mae", Map.of("weight", 0.5));
                  return r;
                },
            all,
            0),
        Arguments.of(
            "classifier xe",
            (Supplier<Model>)
                () -> Classifier.builder().layers(IN, Layer.of(8, "relu"), OUT).seed(4).build(),
            Map.of(Regularizer.INPUT_DROPOUT, 0.2, Regularizer.HIDDEN_NOISE, 0.1),
            0),
        Arguments.of(
            "tied autoencoder",
            (Supplier<Model>)
                () -> Autoencoder.builder().layers(IN, "3:tanh", IN + ":tied").seed(5).build(),
            Map.of(Regularizer.CONTRACTIVE, 0.1),
            0),
        Arguments.of("recurrent rnn", recurrent("rnn"), Map.of(), T),
        Arguments.of("recurrent lstm", recurrent("lstm"), Map.of(Regularizer.WEIGHT_L2, 0.1), -1),
        Arguments.of("recurrent gru", recurrent("gru"), Map.of(Regularizer.HIDDEN_L1, 0.1), -1),
        Arguments.of(
            "recurrent classifier",
            (Supplier<Model>)
                () ->
                    io.github.javanets.models.recurrent.Classifier.builder()
                        .layers(IN, "4:lstm", OUT)
                        .seed(6)
                        .build(),
            Map.of(),
            -1));
  }

  private static Regressor regressor() {
    return Regressor.builder().layers(IN, Layer.of(6, "relu"), OUT).seed(2).build();
  }

  private static Supplier<Model> recurrent(String form) {
    return () ->
        io.github.javanets.models.recurrent.Regressor.builder()
            .layers(IN, "4:" + form, "3", OUT)
            .weighted(true)
            .seed(7)
            .build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("graphs")
  void trainingStepsEqualSameDiffsBitForBit(
      String name, Supplier<Model> model, Map<Regularizer, Double> regs, int steps)
      throws Exception {
    Model m = model.get();
    TrainingProblem problem = graph(m, regs, steps);
    List<String> params = new ArrayList<>(problem.parameters().keySet());
    StepRunner runner = StepRunner.training(problem.graph(), problem.monitorVariables(), params);
    StepRunner evaluation = StepRunner.evaluation(problem.graph(), problem.monitorVariables());
    assertThat(runner.compiled()).as("compiled").isTrue();
    assertThat(evaluation.compiled()).as("compiled for evaluation").isTrue();

    boolean recurrent = steps != 0;
    int seed = 10;
    // Batches of one size in a row: from the second, the runner reuses its arrays and runs the
    // small exact ops in Java (Kernels).
    for (int rows : new int[] {4, 7, 4, 4, 4}) {
      Dataset batch = data(m, rows, recurrent, seed++);
      Map<String, INDArray> feed = TestData.feed(problem, batch, new Random(seed));
      OutAndGrad expected =
          problem.graph().calculateGradientsAndOutputs(feed, problem.monitorVariables(), params);
      OutAndGrad actual = runner.run(feed);
      assertThat(actual.getGradients().keySet())
          .containsExactlyInAnyOrderElementsOf(expected.getGradients().keySet());
      assertThat(actual.getGradients()).hasSize(params.size());
      for (String p : params) {
        assertSameBits(actual.getGradients().get(p), expected.getGradients().get(p), p, rows);
      }
      for (String v : problem.monitorVariables()) {
        assertSameBits(actual.getOutputs().get(v), expected.getOutputs().get(v), v, rows);
      }
      Map<String, INDArray> plain = TestData.feed(problem, batch, null);
      Map<String, INDArray> evaluated = evaluation.run(plain).getOutputs();
      Map<String, INDArray> reference = problem.graph().output(plain, problem.monitorVariables());
      for (String v : problem.monitorVariables()) {
        assertSameBits(evaluated.get(v), reference.get(v), "eval " + v, rows);
      }
    }
  }

  @Test
  void predictionsEqualSameDiffsBitForBitAndAreTheCallersOwn() {
    Regressor regressor = regressor();
    Classifier classifier =
        Classifier.builder().layers(IN, Layer.of(8, "relu"), OUT).seed(4).build();
    Autoencoder autoencoder = Autoencoder.builder().layers(IN, "3:tanh", IN + ":tied").build();
    Model recurrent = recurrent("rnn").get();
    Random r = new Random(3);
    for (int rows : new int[] {5, 9, 5}) {
      INDArray x = uniform(r, new long[] {rows}, IN);
      INDArray seq = uniform(r, new long[] {rows, T}, IN);
      Map<String, INDArray> fast =
          predictions(regressor, classifier, autoencoder, recurrent, x, seq);
      System.setProperty(GraphExecutor.PROPERTY, "false");
      Map<String, INDArray> slow;
      try {
        slow = predictions(regressor, classifier, autoencoder, recurrent, x, seq);
      } finally {
        System.clearProperty(GraphExecutor.PROPERTY);
      }
      assertThat(fast.keySet()).isEqualTo(slow.keySet());
      Map<String, INDArray> kept = new java.util.LinkedHashMap<>();
      fast.forEach((k, v) -> kept.put(k, v.dup()));
      // A second call must not overwrite the arrays the first one returned.
      predictions(regressor, classifier, autoencoder, recurrent, x.mul(2), seq.mul(2));
      for (String k : fast.keySet()) {
        assertSameBits(fast.get(k), slow.get(k), k, rows);
        assertSameBits(fast.get(k), kept.get(k), k + " after another call", rows);
      }
    }
  }

  private static Map<String, INDArray> predictions(
      Regressor regressor,
      Classifier classifier,
      Autoencoder autoencoder,
      Model recurrent,
      INDArray x,
      INDArray seq) {
    Map<String, INDArray> out = new java.util.LinkedHashMap<>();
    regressor.feedForward(x).forEach((k, v) -> out.put("regressor " + k, v));
    out.put("regressor predict", regressor.predict(x));
    out.put("classifier proba", classifier.predictProba(x));
    out.put("autoencoder code", autoencoder.encode(x));
    out.put("autoencoder decode", autoencoder.decode(autoencoder.encode(x)));
    out.put("autoencoder predict", autoencoder.predict(x));
    recurrent.feedForward(seq).forEach((k, v) -> out.put("recurrent " + k, v));
    return out;
  }

  @Test
  void aGraphItDoesNotTakeFallsBackToSameDiff() {
    SameDiff sd = SameDiff.create();
    SDVariable x = sd.placeHolder("x", DataType.DOUBLE, -1, 4);
    SDVariable w = sd.var("w", Nd4j.linspace(DataType.DOUBLE, 1, 4, 1).reshape(4, 1));
    // range: an op whose output shape depends on its inputs' values.
    SDVariable r = sd.range(0.0, 4.0, 1.0, DataType.DOUBLE).reshape(1, 4);
    SDVariable loss = x.mul(r).mmul(w).sum();
    sd.setLossVariables(loss);

    assertThat(GraphRunner.compile(sd, List.of(loss.name()))).isNull();
    SameDiff random = SameDiff.create();
    SDVariable noise = random.random().uniform(0.0, 1.0, DataType.DOUBLE, 2, 3).sum();
    assertThat(GraphRunner.compile(random, List.of(noise.name()))).isNull();
    StepRunner runner = StepRunner.training(sd, List.of(loss.name()), List.of("w"));
    assertThat(runner.compiled()).isFalse();
    INDArray in = Nd4j.ones(DataType.DOUBLE, 2, 4);
    OutAndGrad out = runner.run(Map.of("x", in));
    // loss = sum_rows sum_j j * w_j = 2 * (0*1 + 1*2 + 2*3 + 3*4); dloss/dw_j = 2 * j.
    assertThat(out.getOutputs().get(loss.name()).getDouble(0)).isEqualTo(40.0);
    assertThat(out.getGradients().get("w").toDoubleVector()).containsExactly(0, 2, 4, 6);
  }

  @Test
  void theSystemPropertySwitchesTheRunnerOff() throws Exception {
    TrainingProblem problem = graph(regressor(), Map.of(), 0);
    List<String> params = new ArrayList<>(problem.parameters().keySet());
    System.setProperty(GraphExecutor.PROPERTY, "false");
    try {
      assertThat(
              StepRunner.training(problem.graph(), problem.monitorVariables(), params).compiled())
          .isFalse();
    } finally {
      System.clearProperty(GraphExecutor.PROPERTY);
    }
    assertThat(StepRunner.training(problem.graph(), problem.monitorVariables(), params).compiled())
        .isTrue();
  }

  @Test
  void aMissingPlaceholderIsNamed() throws Exception {
    TrainingProblem problem = graph(regressor(), Map.of(), 0);
    GraphRunner runner = GraphRunner.compile(problem.graph(), problem.monitorVariables());
    assertThatThrownBy(() -> runner.run(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("No array was given for placeholder 'data.");
  }

  private static TrainingProblem graph(Model m, Map<Regularizer, Double> regs, int steps) {
    return TestData.trainingGraph(m, regs, steps == 0 ? -1 : steps);
  }

  private static Dataset data(Model m, int rows, boolean recurrent, long seed) {
    Random r = new Random(seed);
    long[] lead = recurrent ? new long[] {rows, T} : new long[] {rows};
    INDArray x = uniform(r, lead, IN);
    if (m instanceof Autoencoder) {
      return Dataset.of(x);
    }
    if (m instanceof Classifier || m instanceof io.github.javanets.models.recurrent.Classifier) {
      INDArray labels = Nd4j.create(DataType.INT64, lead);
      for (long i = 0; i < labels.length(); i++) {
        labels.putScalar(i, r.nextInt(OUT));
      }
      return Dataset.of(x, labels);
    }
    INDArray y = uniform(r, lead, OUT);
    INDArray w = uniform(r, lead, OUT).addi(1).divi(2);
    w.putScalar(0, 0.0);
    return Dataset.of(x, y, w);
  }

  private static INDArray uniform(Random r, long[] lead, int width) {
    long[] shape = java.util.Arrays.copyOf(lead, lead.length + 1);
    shape[lead.length] = width;
    INDArray a = Nd4j.create(DataType.FLOAT, shape);
    for (long i = 0; i < a.length(); i++) {
      a.putScalar(i, r.nextDouble() * 2 - 1);
    }
    return a;
  }

  private static void assertSameBits(INDArray actual, INDArray expected, String what, int rows) {
    assertThat(actual).as("%s, %d rows", what, rows).isNotNull();
    assertThat(actual.shape()).as("%s shape", what).isEqualTo(expected.shape());
    assertThat(actual.dataType()).as("%s type", what).isEqualTo(expected.dataType());
    double[] a = actual.dup().data().asDouble();
    double[] e = expected.dup().data().asDouble();
    assertThat(a).as("%s, %d rows", what, rows).isEqualTo(e);
  }
}
