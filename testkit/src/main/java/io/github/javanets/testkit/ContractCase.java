package io.github.javanets.testkit;

import io.github.javanets.loss.Loss;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** One configuration of the loss under test on one input shape: what the contract loops over. */
final class ContractCase {
  final String spec;
  final Loss loss;
  final long[] shape;
  final long seed;
  final LossInputs inputs;

  private ContractCase(String spec, Loss loss, long[] shape, long seed, LossInputs inputs) {
    this.spec = spec;
    this.loss = loss;
    this.shape = shape;
    this.seed = seed;
    this.inputs = inputs;
  }

  /** Every configuration of {@code test} on each of its shapes, with inputs from its fixture. */
  static List<ContractCase> all(LossContractTest test) {
    List<ContractCase> cases = new ArrayList<>();
    long seed = test.seed();
    for (String spec : test.configurations()) {
      Loss loss = test.registry().create(spec);
      for (long[] shape : test.shapes(loss)) {
        seed++;
        LossInputs in = test.fixture().inputs(shape.clone(), new Random(seed));
        cases.add(new ContractCase(spec, loss, shape.clone(), seed, in));
      }
    }
    return cases;
  }

  /** Fresh inputs of the same shape from another seed. */
  LossInputs otherInputs(LossContractTest test) {
    return test.fixture().inputs(shape.clone(), new Random(seed + 1_000_003L));
  }

  /** Whether the batch (first axis) has more than one row. */
  boolean hasSeveralRows() {
    return shape[0] > 1;
  }

  /** The value on these inputs. */
  double value(boolean weighted) {
    return value(inputs, weighted);
  }

  /** The value on other inputs of this case. */
  double value(LossInputs in, boolean weighted) {
    return loss.value(in.outputs(), in.target(), in.weightsIf(weighted));
  }

  /** A description for assertion messages: {@code mmd(estimator=unbiased) on [2, 4, 3], seed 7}. */
  String describe(String what) {
    return what + " of " + loss + " on shape " + Arrays.toString(shape) + " (seed " + seed + ")";
  }
}
