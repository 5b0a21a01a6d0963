package io.github.javanets.runtime;

import static io.github.javanets.conventions.SameBits.assertSameBits;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The runner lets ops share an output array when their uses never overlap: every result must still
 * equal SameDiff's session bit for bit, run after run, as the batch shape changes and comes back.
 */
class GraphRunnerPlanTest {
  private static INDArray random(long seed, long rows) {
    Nd4j.getRandom().setSeed(seed);
    return Nd4j.rand(DataType.DOUBLE, rows, 5).subi(0.5);
  }

  /**
   * A chain with a long-lived value ({@code a}, read again at the end), values dead early (their
   * arrays free for later ops of the same shape), an identity of a value that is requested (its
   * array must stay), and a gradient function with outputs nobody reads (the target's gradients).
   */
  private static SameDiff graph() {
    SameDiff sd = SameDiff.create();
    SDVariable x = sd.placeHolder("x", DataType.DOUBLE, -1, 5);
    SDVariable t = sd.placeHolder("t", DataType.DOUBLE, -1, 5);
    SDVariable w = sd.var("w", Nd4j.linspace(DataType.DOUBLE, 0.1, 2.5, 25).reshape(5, 5));
    SDVariable a = x.mmul(w);
    SDVariable b = sd.math().tanh(a);
    sd.identity("kept", b);
    SDVariable c = b.add(1.0).mul(3.0);
    SDVariable d = sd.math().sin(c).mul(a);
    SDVariable e = d.sub(t);
    e.mul(e).mean().rename("loss");
    sd.setLossVariables("loss");
    sd.createGradFunction();
    return sd;
  }

  @Test
  void opsShareArraysAndEveryRunEqualsTheSessionBitForBit() {
    SameDiff sd = graph();
    List<String> outputs = List.of("loss", "kept", sd.getVariable("w").getGradient().name());
    GraphRunner runner = GraphRunner.compile(sd.getFunction("grad"), outputs);
    assertThat(runner).isNotNull();
    long[] rows = {4, 4, 7, 4, 7, 7};
    for (int i = 0; i < rows.length; i++) {
      Map<String, INDArray> feed =
          Map.of("x", random(10 + i, rows[i]), "t", random(20 + i, rows[i]));

      Map<String, INDArray> got = runner.run(feed);
      Map<String, INDArray> expected =
          sd.getFunction("grad").output(feed, outputs.toArray(new String[0]));

      for (String name : outputs) {
        assertSameBits(name + ", run " + i, got.get(name), expected.get(name));
      }
      assertThat(runner.arraysHeld()).isLessThan(runner.outputsHeld());
    }
  }

  @Test
  void aRequestedIdentityKeepsItsArrayWhileLaterOpsOfTheSameShapeRun() {
    SameDiff sd = SameDiff.create();
    SDVariable x = sd.placeHolder("x", DataType.DOUBLE, -1, 5);
    SDVariable y = sd.math().tanh(x.mul(2.0));
    sd.identity("kept", y);
    sd.math().cos(x).add(1.0).mul(x).rename("later");
    GraphRunner runner = GraphRunner.compile(sd, List.of("kept", "later"));
    INDArray in = random(1, 3);

    for (int i = 0; i < 2; i++) {
      Map<String, INDArray> got = runner.run(Map.of("x", in));

      assertSameBits("kept", got.get("kept"), sd.output(Map.of("x", in), "kept").get("kept"));
      assertSameBits("later", got.get("later"), sd.output(Map.of("x", in), "later").get("later"));
    }
  }

  /**
   * Matrix products of placeholders ({@code x W}, {@code xt^T W}) and of a hidden value with a
   * transposed weight ({@code h V^T}): with {@code wrt} empty, nobody reads the placeholders'
   * gradients.
   */
  private static SameDiff products(String... wrt) {
    SameDiff sd = SameDiff.create();
    SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 6);
    SDVariable xt = sd.placeHolder("xt", DataType.FLOAT, 6, -1);
    Nd4j.getRandom().setSeed(3);
    SDVariable w = sd.var("w", Nd4j.rand(DataType.FLOAT, 6, 4).subi(0.5));
    SDVariable v = sd.var("v", Nd4j.rand(DataType.FLOAT, 3, 4).subi(0.5));
    SDVariable h = sd.math().tanh(x.mmul(w).add(sd.mmul(xt, w, true, false, false)));
    SDVariable o = sd.mmul(h, v, false, true, false);
    o.mul(o).mean().rename("loss");
    sd.setLossVariables("loss");
    if (wrt.length == 0) {
      sd.createGradFunction();
    } else {
      sd.createGradFunction(wrt);
    }
    return sd;
  }

  private static Map<String, INDArray> productFeed(long seed, long rows) {
    Nd4j.getRandom().setSeed(seed);
    return Map.of(
        "x", Nd4j.rand(DataType.FLOAT, rows, 6).subi(0.5),
        "xt", Nd4j.rand(DataType.FLOAT, 6, rows).subi(0.5));
  }

  @Test
  void aProductBackwardComputesOnlyTheGradientThatIsReadAndEqualsTheSessionBitForBit() {
    SameDiff sd = products();
    List<String> outputs =
        List.of(
            "loss",
            sd.getVariable("w").getGradient().name(),
            sd.getVariable("v").getGradient().name());
    GraphRunner runner = GraphRunner.compile(sd.getFunction("grad"), outputs);
    String before = System.getProperty(GraphRunner.SINGLE_GRADIENT_PROPERTY);
    GraphRunner whole;
    try {
      System.setProperty(GraphRunner.SINGLE_GRADIENT_PROPERTY, "false");
      whole = GraphRunner.compile(sd.getFunction("grad"), outputs);
    } finally {
      if (before == null) {
        System.clearProperty(GraphRunner.SINGLE_GRADIENT_PROPERTY);
      } else {
        System.setProperty(GraphRunner.SINGLE_GRADIENT_PROPERTY, before);
      }
    }
    long[] rows = {8, 3, 8};
    for (int i = 0; i < rows.length; i++) {
      Map<String, INDArray> feed = productFeed(30 + i, rows[i]);

      Map<String, INDArray> got = runner.run(feed);
      Map<String, INDArray> all = whole.run(feed);
      Map<String, INDArray> expected =
          sd.getFunction("grad").output(feed, outputs.toArray(new String[0]));

      for (String name : outputs) {
        assertSameBits(name + ", run " + i, got.get(name), expected.get(name));
        assertSameBits(name + ", whole, run " + i, all.get(name), expected.get(name));
      }
      // The two input gradients (x and xt, one matrix each) are not computed.
      assertThat(runner.outputsHeld()).isEqualTo(whole.outputsHeld() - 2);
    }
  }

  @Test
  void aProductBackwardComputesBothGradientsWhenBothAreRead() {
    SameDiff sd = products("x", "xt", "w", "v");
    List<String> outputs =
        List.of(
            "loss",
            sd.getVariable("x").getGradient().name(),
            sd.getVariable("xt").getGradient().name(),
            sd.getVariable("w").getGradient().name());
    GraphRunner runner = GraphRunner.compile(sd.getFunction("grad"), outputs);
    Map<String, INDArray> feed = productFeed(40, 5);

    Map<String, INDArray> got = runner.run(feed);
    Map<String, INDArray> expected =
        sd.getFunction("grad").output(feed, outputs.toArray(new String[0]));

    for (String name : outputs) {
      assertSameBits(name, got.get(name), expected.get(name));
    }
    assertThat(got.get(sd.getVariable("xt").getGradient().name()).shape()).containsExactly(6, 5);
  }
}
