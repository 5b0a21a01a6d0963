package io.github.javanets.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossInfo;
import io.github.javanets.loss.LossRegistry;
import io.github.javanets.loss.ParameterInfo;
import io.github.javanets.loss.ParameterType;
import io.github.javanets.loss.TargetKind;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Bad arrays and bad parameters, with their messages. */
final class BadInputChecks {
  private BadInputChecks() {}

  /** The first case of the first configuration: 4x3 unless the shapes are overridden. */
  private static ContractCase first(LossContractTest t) {
    return ContractCase.all(t).get(0);
  }

  /** {@code shape} with its last axis one longer. */
  private static long[] longer(long[] shape) {
    long[] s = shape.clone();
    s[s.length - 1]++;
    return s;
  }

  static void targetShape(LossContractTest t) {
    ContractCase c = first(t);
    LossInputs in = c.inputs;
    if (in.target() == null || c.loss.targetKind() == TargetKind.NONE) {
      return; // a loss without a target ignores whatever target it is given
    }
    long[] bad = longer(in.target().shape());
    INDArray target = Nd4j.zeros(in.target().dataType(), bad);
    for (boolean weighted : new boolean[] {false, true}) {
      INDArray w = weighted ? Nd4j.ones(bad) : null;
      assertThatThrownBy(() -> c.loss.value(in.outputs(), target, w))
          .as(c.describe("a target of shape " + Arrays.toString(bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("Array 'target' has shape " + Arrays.toString(bad) + " but ")
          .hasMessageContaining("loss '" + t.lossName() + "'")
          .hasMessageContaining("of shape " + Arrays.toString(in.output().shape()));
    }
  }

  static void weightsShape(LossContractTest t) {
    ContractCase c = first(t);
    LossInputs in = c.inputs;
    long[] good = in.weights().shape();
    long[] bad = longer(good);
    String like = c.loss.targetKind() == TargetKind.NONE ? "output" : "target";
    assertThatThrownBy(() -> c.loss.value(in.outputs(), in.target(), Nd4j.ones(bad)))
        .as(c.describe("weights of shape " + Arrays.toString(bad)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Array 'weights' has shape %s but loss '%s' (weights shaped like its %s) needs %s.",
            Arrays.toString(bad), t.lossName(), like, Arrays.toString(good));
  }

  static void badWeights(LossContractTest t) {
    ContractCase c = first(t);
    LossInputs in = c.inputs;
    long n = in.weights().length();
    long[] first = GradientCheck.index(in.weights().shape(), n / 2);
    for (double bad : new double[] {-1.0, -1e-300, Double.NaN, Double.POSITIVE_INFINITY}) {
      INDArray w = in.weights().dup('c');
      w.putScalar(n / 2, bad);
      if (n - 1 > n / 2) {
        w.putScalar(n - 1, -2.0);
      }
      assertThatThrownBy(() -> c.loss.value(in.outputs(), in.target(), w))
          .as(c.describe("weights holding " + bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "Array 'weights' has %s at index %s; weights must be finite and >= 0.",
              bad, Arrays.toString(first));
    }
  }

  static void missingWeights(LossContractTest t) {
    ContractCase c = first(t);
    Loss weighted = t.registry().create(t.lossName(), Map.of(LossInfo.WEIGHTED, true));
    assertThatThrownBy(() -> weighted.value(c.inputs.outputs(), c.inputs.target(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Loss '%s' is weighted (weighted=true) but no weights were given.", t.lossName());
  }

  static void unknownParameter(LossContractTest t) {
    String name = t.lossName();
    LossRegistry registry = t.registry();
    String accepted =
        registry.describe(name).parameters().stream()
            .map(ParameterInfo::name)
            .collect(Collectors.joining(", "));
    assertThatThrownBy(() -> registry.create(name, Map.of("nosuchparameter", 1.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Unknown parameter 'nosuchparameter' of loss '%s'. Accepted: %s.", name, accepted);
    assertThatThrownBy(() -> registry.create(name + "(wieght=2)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Unknown parameter 'wieght' of loss '" + name + "'.")
        .hasMessageContaining(" Did you mean 'weight'?")
        .hasMessageEndingWith(" Accepted: " + accepted + ".");
  }

  static void outOfRange(LossContractTest t) {
    String name = t.lossName();
    LossRegistry registry = t.registry();
    Map<String, String> cases = outOfRangeCases(name, registry);
    cases.putAll(t.badParameters());
    cases.forEach(
        (spec, message) ->
            assertThatThrownBy(() -> registry.create(spec))
                .as("create('%s')", spec)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message));
    Loss loss = registry.create(name);
    for (double w : List.of(-0.5, Double.NaN)) {
      assertThatThrownBy(() -> loss.setWeight(w))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Parameter 'weight' of loss '%s' must be >= 0, got %s.", name, w);
    }
    assertThat(loss.weight()).as("weight after rejected changes").isEqualTo(1.0);
  }

  /**
   * Specs with a bad value and their messages: negative and infinite weights, a non-boolean {@code
   * weighted}, and for every parameter a value its type never accepts (NaN for a number).
   */
  private static Map<String, String> outOfRangeCases(String name, LossRegistry registry) {
    String prefix = "Parameter '%s' of loss '" + name + "' must be %s, got %s.";
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put(name + "(weight=-1)", String.format(prefix, "weight", ">= 0", "-1.0"));
    cases.put(name + "(weight=Infinity)", String.format(prefix, "weight", ">= 0", "Infinity"));
    for (ParameterInfo p : registry.describe(name).parameters()) {
      String bad = badValue(p.type());
      if (bad != null) {
        String shown = p.type() == ParameterType.DOUBLE ? bad : "'" + bad + "'";
        cases.put(
            name + "(" + p.name() + "=" + bad + ")",
            String.format(prefix, p.name(), p.accepted(), shown));
      }
    }
    return cases;
  }

  /** A value no parameter of this type accepts, or null when there is none. */
  private static String badValue(ParameterType type) {
    switch (type) {
      case DOUBLE:
        return "NaN";
      case INT:
        return "0.5";
      case BOOLEAN:
        return "maybe";
      case CHOICE:
        return "nosuchchoice";
      default:
        return null;
    }
  }
}
