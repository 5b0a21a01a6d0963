package io.github.javanets.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class LayerTest {
  private static final String ACCEPTED =
      "Accepted: one form (ff, rnn, lstm, gru, tied), one activation (linear, relu, logistic, tanh,"
          + " softmax, softplus, elu, leaky_relu (sigmoid = logistic)) and name=<letters and"
          + " digits>.";

  @Test
  void ofAndParseReadSizesFormsActivationsAndNames() {
    Layer a = Layer.of(20, "relu");
    Layer b = Layer.parse(" 32:lstm:tanh ");
    Layer c = Layer.of(8, "name=code", "SIGMOID", "tied");

    assertThat(a.size()).isEqualTo(20);
    assertThat(a.form()).isEqualTo(Layer.Form.FF);
    assertThat(a.activation()).isEqualTo(Activation.RELU);
    assertThat(a.name()).isNull();
    assertThat(b.form()).isEqualTo(Layer.Form.LSTM);
    assertThat(b.activation()).isEqualTo(Activation.TANH);
    assertThat(c.form()).isEqualTo(Layer.Form.TIED);
    assertThat(c.activation()).isEqualTo(Activation.LOGISTIC);
    assertThat(c.name()).isEqualTo("code");
    assertThat(Layer.parse("10").activation()).isNull();
    assertThat(Layer.Form.GRU.recurrent()).isTrue();
    assertThat(Layer.Form.TIED.recurrent()).isFalse();
  }

  @Test
  void specToLayerToSpecIsTheIdentity() {
    for (String spec :
        new String[] {
          "10", "20:tanh", "10:rnn", "32:lstm:tanh", "8:tied:logistic:name=dec", "3:gru"
        }) {
      assertThat(Layer.parse(spec).toString()).isEqualTo(spec);
      assertThat(Layer.parse(Layer.parse(spec).toString())).isEqualTo(Layer.parse(spec));
    }
    assertThat(Layer.parse("20:sigmoid").toString()).isEqualTo("20:logistic");
    assertThat(Layer.of(20, "tanh"))
        .isEqualTo(Layer.parse("20:tanh"))
        .hasSameHashCodeAs(Layer.parse("20:tanh"));
    assertThat(Layer.of(20, "tanh")).isNotEqualTo(Layer.of(20, "relu"));
  }

  @Test
  void badSpecsQuoteTheSpecAndListWhatIsAccepted() {
    assertThatThrownBy(() -> Layer.parse("tanh:20"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Layer spec 'tanh:20' must start with a size (a whole number > 0), as in '20', '20:tanh'"
                + " or '32:lstm:tanh'.");
    assertThatThrownBy(() -> Layer.parse("0:relu"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Layer spec '0:relu' has size 0; a size must be a whole number > 0.");
    assertThatThrownBy(() -> Layer.parse("20:tahn"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Layer spec '20:tahn' has an unknown word 'tahn'. " + ACCEPTED);
    assertThatThrownBy(() -> Layer.of(20, "relu", "tanh"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Layer spec '20:relu:tanh' has a second form or activation 'tanh'. " + ACCEPTED);
    assertThatThrownBy(() -> Layer.parse("20:name=1st"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Layer spec '20:name=1st' has an unknown word 'name=1st'. " + ACCEPTED);
  }

  @Test
  void modelsCheckTheirLayersAtConstruction() {
    assertThatThrownBy(() -> Regressor.builder().layers(4).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "A network needs an input and an output layer, as in layers(4, 16, 3); got [4].");
    assertThatThrownBy(() -> Regressor.builder().layers("4:relu", 2).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The input layer '4:relu' is only a size, as in 4; it has no form or activation.");
    assertThatThrownBy(() -> Regressor.builder().layers(4, "10:lstm", 2).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Layer '10:lstm' is recurrent; use the models of io.github.javanets.models.recurrent"
                + " for sequence data.");
    assertThatThrownBy(() -> Regressor.builder().layers(4, "3:name=out", 2).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Two layers are named 'out'.");
    assertThatThrownBy(() -> Regressor.builder().layers(4, 2.5, 2).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A layer is an int size, a Layer or a spec like \"20:tanh\"; got Double 2.5.");
  }

  @Test
  void layersAreNamedInHidNOutUnlessGiven() {
    Regressor net = Regressor.builder().layers(4, "3:name=code", 5, 2).build();

    assertThat(net.outputNames())
        .containsExactly(
            "code:out", "code:pre", "hid2:out", "hid2:pre", "in:out", "out:out", "out:pre");
    assertThat(net.parameters().keySet())
        .containsExactly("code.w", "code.b", "hid2.w", "hid2.b", "out.w", "out.b");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"linear", "relu", "logistic", "sigmoid", "tanh", "softplus", "elu", "leaky_relu"})
  void everyActivationComputesItsFormula(String name) {
    Regressor net = Regressor.builder().layers(3, "6:" + name, 2).dataType(DataType.DOUBLE).build();

    var out = net.feedForward(TestData.gaussian(9, 10, 3).muli(2));

    double[] pre = TestData.flat(out.get("hid1:pre"));
    double[] h = TestData.flat(out.get("hid1:out"));
    DoubleUnaryOperator f = formula(name);
    for (int i = 0; i < pre.length; i++) {
      assertThat(h[i]).as("%s(%s)", name, pre[i]).isCloseTo(f.applyAsDouble(pre[i]), within(1e-12));
    }
  }

  private static DoubleUnaryOperator formula(String name) {
    switch (name) {
      case "linear":
        return x -> x;
      case "relu":
        return x -> Math.max(0, x);
      case "logistic":
      case "sigmoid":
        return x -> 1 / (1 + Math.exp(-x));
      case "tanh":
        return Math::tanh;
      case "softplus":
        return x -> Math.log1p(Math.exp(x));
      case "elu":
        return x -> x > 0 ? x : Math.exp(x) - 1;
      default:
        return x -> x > 0 ? x : 0.01 * x;
    }
  }

  @Test
  void hiddenLayersDefaultToReluAndTheOutputToTheModelsActivation() {
    INDArray x = TestData.gaussian(10, 8, 3);
    Regressor regressor = Regressor.builder().layers(3, 4, 2).dataType(DataType.DOUBLE).build();
    Classifier classifier =
        Classifier.builder().layers(3, 4, "2:tanh").dataType(DataType.DOUBLE).build();

    var r = regressor.feedForward(x);
    var c = classifier.feedForward(x);

    double[] pre = TestData.flat(r.get("hid1:pre"));
    double[] out = TestData.flat(r.get("hid1:out"));
    for (int i = 0; i < pre.length; i++) {
      assertThat(out[i]).isEqualTo(Math.max(0, pre[i]));
    }
    TestData.assertSameBits("identity output", r.get("out:out"), r.get("out:pre"));
    double[] cPre = TestData.flat(c.get("out:pre"));
    double[] cOut = TestData.flat(c.get("out:out"));
    for (int i = 0; i < cPre.length; i++) {
      assertThat(cOut[i]).isCloseTo(Math.tanh(cPre[i]), within(1e-12));
    }
  }
}
