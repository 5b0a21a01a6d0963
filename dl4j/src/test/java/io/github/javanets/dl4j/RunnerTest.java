package io.github.javanets.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.conventions.SameBits;
import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossRegistry;
import io.github.javanets.loss.TargetKind;
import io.github.javanets.runtime.GraphExecutor;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The adapter's graph runs through a graph runner for every built-in loss it takes, with SameDiff's
 * session's results bit for bit, and hands DL4J arrays that a later call does not overwrite.
 */
class RunnerTest {
  private static final LossRegistry REGISTRY = LossRegistry.discover();

  @ParameterizedTest
  @ValueSource(strings = {"mse", "mae", "xe", "hinge(margin=1)", "kl", "bce", "huber"})
  void theRunnerGivesTheSessionsResults(String spec) {
    Loss loss = REGISTRY.create(spec);
    LossGraph fast = LossGraph.build(loss, "out:out", DataType.DOUBLE, 4);
    assertThat(fast.compiled()).isTrue();
    LossGraph slow = LossGraph.build(loss, "out:out", DataType.DOUBLE, 4);
    assertThat(sessionOnly(slow::compiled)).isFalse();
    for (int rows : new int[] {6, 3, 6}) {
      INDArray output = TestArrays.uniform(rows, rows, 4, 0.05, 0.95);
      INDArray target =
          loss.targetKind() == TargetKind.LABELS
              ? Nd4j.createFromArray(new long[rows]).addi(rows % 4)
              : TestArrays.uniform(rows + 1, rows, 4, 0.05, 0.95);
      INDArray weights =
          loss.targetKind() == TargetKind.LABELS
              ? TestArrays.uniform(rows + 2, rows, 1, 0, 1).reshape(rows)
              : TestArrays.uniform(rows + 2, rows, 4, 0, 1);
      LossGraph.Result a = fast.gradient(output, target, weights, true);
      LossGraph.Result b = sessionOnly(() -> slow.gradient(output, target, weights, true));
      INDArray kept = a.dOutput().dup();
      fast.gradient(output.mul(0.5).addi(0.2), target, weights, true);

      assertThat(a.value()).isEqualTo(b.value());
      assertThat(fast.value(output, target, weights))
          .isEqualTo(sessionOnly(() -> slow.value(output, target, weights)));
      SameBits.assertSameBits("dOutput", a.dOutput(), b.dOutput());
      SameBits.assertSameBits("dWeights", a.dWeights(), b.dWeights());
      SameBits.assertSameBits("dOutput, kept", a.dOutput(), kept);
    }
  }

  /** Runs {@code body} with the runner switched off: every graph runs through the session. */
  private static <T> T sessionOnly(Supplier<T> body) {
    System.setProperty(GraphExecutor.PROPERTY, "false");
    try {
      return body.get();
    } finally {
      System.clearProperty(GraphExecutor.PROPERTY);
    }
  }
}
