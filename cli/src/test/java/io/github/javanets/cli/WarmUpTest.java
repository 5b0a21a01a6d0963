package io.github.javanets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.imports.converters.DifferentialFunctionClassHolder;
import org.nd4j.imports.descriptors.tensorflow.TensorflowDescriptorParser;
import org.nd4j.ir.OpDescriptorHolder;

/**
 * The warm-up of {@code train}: a daemon thread that leaves ND4J's descriptors and op registry
 * built.
 */
class WarmUpTest {
  private static final long TIMEOUT_MS = 120_000;

  @Test
  void runsOnADaemonThreadAndLeavesTheDescriptorsParsed() throws InterruptedException {
    WarmUp warmUp = WarmUp.startForTraining();
    warmUp.startBackend();
    Thread thread = warmUp.thread();

    assertThat(thread.isDaemon()).isTrue();
    assertThat(thread.getName()).isEqualTo("javanets-warm-up");
    thread.join(TIMEOUT_MS);
    assertThat(thread.isAlive()).isFalse();
    assertThat(OpDescriptorHolder.descriptorForOpName("matmul").getName()).isEqualTo("matmul");
    assertThat(TensorflowDescriptorParser.opDescs()).containsKey("MatMul");
    assertThat(DifferentialFunctionClassHolder.getInstance().hasName("matmul")).isTrue();
  }
}
