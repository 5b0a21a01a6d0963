package io.github.javanets.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Values against the float64 reference, and gradients against central differences. */
final class ValueChecks {
  /** Values agree with the reference to this, relative for values above 1. */
  static final double REFERENCE_TOLERANCE = 1e-9;

  /** FLOAT values agree with DOUBLE ones to this, relative for values above 1. */
  static final double FLOAT_TOLERANCE = 1e-4;

  private ValueChecks() {}

  static void reference(LossContractTest t, Float64Reference ref) {
    for (ContractCase c : ContractCase.all(t)) {
      for (boolean weighted : new boolean[] {false, true}) {
        LossInputs in = weighted ? withOneZeroWeight(c.inputs) : c.inputs;
        double actual = c.value(in, weighted);
        double expected = ref.value(c.loss, Float64Inputs.of(in, weighted));
        String what = c.describe(weighted ? "weighted value" : "unweighted value");
        assertThat(expected).as("reference for the " + what).isFinite();
        assertThat(Math.abs(actual - expected))
            .as("|loss - reference| for the %s: loss %s, reference %s", what, actual, expected)
            .isLessThanOrEqualTo(REFERENCE_TOLERANCE * Math.max(1, Math.abs(expected)));
      }
    }
  }

  /** The inputs with their second weight (in row-major order) set to 0, if there is one. */
  private static LossInputs withOneZeroWeight(LossInputs in) {
    if (in.weights().length() < 2) {
      return in;
    }
    INDArray w = in.weights().dup('c');
    w.putScalar(1, 0.0);
    return in.withWeights(w);
  }

  static void floatInputs(LossContractTest t) {
    ContractCase c = ContractCase.all(t).get(0);
    Map<String, INDArray> outputs = new LinkedHashMap<>();
    c.inputs.outputs().forEach((k, v) -> outputs.put(k, v.castTo(DataType.FLOAT)));
    INDArray target = c.inputs.target();
    if (target != null && target.dataType().isFPType()) {
      target = target.castTo(DataType.FLOAT);
    }
    LossInputs f =
        c.inputs
            .withOutputs(outputs)
            .withTarget(target)
            .withWeights(c.inputs.weights().castTo(DataType.FLOAT));
    for (boolean weighted : new boolean[] {false, true}) {
      String what = c.describe(weighted ? "weighted" : "unweighted");
      double d = c.value(weighted);
      assertThat(Math.abs(c.value(f, weighted) - d))
          .as("|FLOAT value - DOUBLE value| of the %s", what)
          .isLessThanOrEqualTo(FLOAT_TOLERANCE * Math.max(1, Math.abs(d)));
      Map<String, INDArray> gd =
          c.loss.gradient(c.inputs.outputs(), c.inputs.target(), c.inputs.weightsIf(weighted));
      Map<String, INDArray> gf = c.loss.gradient(f.outputs(), f.target(), f.weightsIf(weighted));
      for (String key : gd.keySet()) {
        assertThat(gf.get(key).dataType())
            .as("type of the FLOAT gradient of " + key)
            .isEqualTo(DataType.FLOAT);
        double[] a = Float64Array.of(gf.get(key)).toArray();
        double[] e = Float64Array.of(gd.get(key)).toArray();
        for (int i = 0; i < e.length; i++) {
          assertThat(Math.abs(a[i] - e[i]))
              .as("|FLOAT - DOUBLE gradient| of %s element %s, %s", key, i, what)
              .isLessThanOrEqualTo(FLOAT_TOLERANCE * (0.1 + Math.abs(e[i])));
        }
      }
    }
  }

  static void gradient(LossContractTest t) {
    for (ContractCase c : ContractCase.all(t)) {
      for (boolean weighted : new boolean[] {false, true}) {
        List<String> mismatches = GradientCheck.mismatches(c.loss, c.inputs, weighted);
        assertThat(mismatches)
            .as(
                "elements where the %s disagrees with central differences"
                    + " (|a - n| <= %s + %s |n|)",
                c.describe(weighted ? "weighted gradient" : "unweighted gradient"),
                GradientCheck.ABSOLUTE_TOLERANCE,
                GradientCheck.RELATIVE_TOLERANCE)
            .isEmpty();
      }
    }
  }
}
