package io.github.javanets.runtime;

import static io.github.javanets.conventions.SameBits.assertSameBits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The one type that runs a graph: a graph that compiles runs through the runner (whose arrays come
 * back from run to run), one that does not through SameDiff's session (fresh arrays each run), and
 * the switch {@value GraphExecutor#PROPERTY}, read at each run, sends every run to the session.
 */
class GraphExecutorTest {
  @AfterEach
  void switchTheRunnerBackOn() {
    System.clearProperty(GraphExecutor.PROPERTY);
  }

  /** {@code loss = sum((x W)^2)} over a placeholder x (-1, 3) and a variable W (3, 2). */
  private static SameDiff compiling() {
    SameDiff sd = SameDiff.create();
    SDVariable x = sd.placeHolder("x", DataType.DOUBLE, -1, 3);
    SDVariable w = sd.var("w", Nd4j.createFromArray(new double[][] {{1, 2}, {0, -1}, {0.5, 0.25}}));
    SDVariable y = x.mmul(w).rename("y");
    y.mul(y).sum().rename("loss");
    sd.setLossVariables("loss");
    return sd;
  }

  /** {@code loss = sum_rows sum_j x_j * j * w_j}: range is an op whose shape depends on values. */
  private static SameDiff notCompiling() {
    SameDiff sd = SameDiff.create();
    SDVariable x = sd.placeHolder("x", DataType.DOUBLE, -1, 4);
    SDVariable w = sd.var("w", Nd4j.linspace(DataType.DOUBLE, 1, 4, 1).reshape(4, 1));
    SDVariable r = sd.range(0.0, 4.0, 1.0, DataType.DOUBLE).reshape(1, 4);
    x.mul(r).mmul(w).sum().rename("loss");
    sd.setLossVariables("loss");
    return sd;
  }

  private static Map<String, INDArray> rows(long n, long columns) {
    return Map.of("x", Nd4j.linspace(DataType.DOUBLE, -1.0, 2.0, n * columns).reshape(n, columns));
  }

  @Test
  void aGraphThatCompilesRunsThroughTheRunnerWithTheSessionsResults() {
    SameDiff sd = compiling();
    GraphExecutor executor = GraphExecutor.forOutputs(sd, List.of("y", "loss"));
    Map<String, INDArray> feed = rows(4, 3);

    assertThat(executor.usesRunner()).isTrue();
    OutAndGrad first = executor.run(feed);
    Map<String, INDArray> session = sd.output(feed, List.of("y", "loss"));
    assertThat(first.getOutputs()).containsOnlyKeys("y", "loss");
    assertSameBits("y", first.getOutputs().get("y"), session.get("y"));
    assertSameBits("loss", first.getOutputs().get("loss"), session.get("loss"));
    assertThat(first.getGradients()).isEmpty();

    // The runner hands back its own arrays again; runDetached copies them.
    INDArray again = executor.run(feed).getOutputs().get("y");
    INDArray detached = executor.runDetached(feed).getOutputs().get("y");
    assertThat(again).isSameAs(first.getOutputs().get("y"));
    assertThat(detached).isNotSameAs(again);
    assertSameBits("detached y", detached, session.get("y"));
  }

  @Test
  void aGraphThatDoesNotCompileRunsThroughTheSession() {
    SameDiff sd = notCompiling();
    GraphExecutor executor = GraphExecutor.forOutputs(sd, List.of("loss"));
    Map<String, INDArray> ones = Map.of("x", Nd4j.ones(DataType.DOUBLE, 2, 4));

    assertThat(GraphRunner.compile(sd, List.of("loss"))).isNull();
    assertThat(executor.usesRunner()).isFalse();
    INDArray first = executor.run(ones).getOutputs().get("loss");
    INDArray second = executor.run(ones).getOutputs().get("loss");
    // 2 rows * (0*1 + 1*2 + 2*3 + 3*4)
    assertThat(first.getDouble(0)).isEqualTo(40.0);
    assertThat(second).isNotSameAs(first);
    assertSameBits("second loss", second, first);
  }

  @Test
  void gradientsAreKeyedByTheVariableTheyAreTakenWithRespectToOnBothPaths() {
    SameDiff slow = notCompiling();
    LossGraphs.createGradFunction(slow);
    GraphExecutor session = GraphExecutor.forGradients(slow, List.of("loss"), List.of("w"));
    OutAndGrad s = session.run(Map.of("x", Nd4j.ones(DataType.DOUBLE, 2, 4)));
    assertThat(session.usesRunner()).isFalse();
    assertThat(s.getOutputs().get("loss").getDouble(0)).isEqualTo(40.0);
    // dloss/dw_j = 2 * j
    assertThat(s.getGradients().get("w").toDoubleVector()).containsExactly(0, 2, 4, 6);

    SameDiff fast = compiling();
    LossGraphs.createGradFunction(fast);
    Map<String, INDArray> feed = rows(5, 3);
    GraphExecutor runner = GraphExecutor.forGradients(fast, List.of("loss"), List.of("w", "x"));
    OutAndGrad r = runner.runDetached(feed);
    OutAndGrad expected =
        fast.calculateGradientsAndOutputs(feed, List.of("loss"), List.of("w", "x"));
    assertThat(runner.usesRunner()).isTrue();
    assertThat(r.getGradients()).containsOnlyKeys("w", "x");
    assertSameBits("dw", r.getGradients().get("w"), expected.getGradients().get("w"));
    assertSameBits("dx", r.getGradients().get("x"), expected.getGradients().get("x"));
    assertSameBits("loss", r.getOutputs().get("loss"), expected.getOutputs().get("loss"));
  }

  @Test
  void withThePropertyOffEveryRunGoesThroughTheSessionUntilItIsOnAgain() {
    SameDiff sd = compiling();
    Map<String, INDArray> feed = rows(3, 3);
    GraphExecutor before = GraphExecutor.forOutputs(sd, List.of("y"));
    INDArray fast = before.run(feed).getOutputs().get("y").dup();

    System.setProperty(GraphExecutor.PROPERTY, "false");
    GraphExecutor after = GraphExecutor.forOutputs(sd, List.of("y"));
    assertThat(before.usesRunner()).isFalse();
    assertThat(after.usesRunner()).isFalse();
    INDArray a = before.run(feed).getOutputs().get("y");
    INDArray b = before.run(feed).getOutputs().get("y");
    assertThat(b).isNotSameAs(a);
    assertSameBits("through the session", a, fast);
    assertSameBits("after, off", after.run(feed).getOutputs().get("y"), fast);

    System.setProperty(GraphExecutor.PROPERTY, "FALSE");
    assertThat(after.usesRunner()).as("any case").isFalse();
    System.setProperty(GraphExecutor.PROPERTY, "true");
    assertThat(before.usesRunner()).isTrue();
    assertThat(after.usesRunner()).isTrue();
    INDArray c = after.run(feed).getOutputs().get("y");
    assertThat(after.run(feed).getOutputs().get("y")).isSameAs(c);
    assertSameBits("on again", c, fast);
  }

  @Test
  void gradientsNeedTheGradientFunction() {
    SameDiff sd = compiling();

    assertThatThrownBy(() -> GraphExecutor.forGradients(sd, List.of("loss"), List.of("w")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "The graph has no gradient function: build it (LossGraphs.createGradFunction) before"
                + " asking for gradients.");
  }
}
