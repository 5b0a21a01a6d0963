package io.github.javanets.benchmarks;

import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossContext;
import io.github.javanets.loss.LossRegistry;
import io.github.javanets.loss.internal.LossContextBuilder;
import io.github.javanets.runtime.GraphRunner;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.MirroringPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossHinge;
import org.nd4j.linalg.lossfunctions.impl.LossKLD;
import org.nd4j.linalg.lossfunctions.impl.LossMAE;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Benchmark 3: a built-in loss's value and its gradient with respect to the output on {@code (4096,
 * 1000)} FLOAT arrays. {@code javanets} runs the loss's expression in a graph built once, as a
 * model's training step does (with {@link GraphRunner}, output arrays reused between calls); {@code
 * javanetsSession} runs the same graph through SameDiff's {@code calculateGradientsAndOutputs};
 * {@code javanetsApi} calls {@link Loss#value} and {@link Loss#gradient}, which keep the graph they
 * build for a set of shapes and return fresh arrays; {@code dl4j} calls the equivalent {@link
 * ILossFunction}'s {@code computeScore} and {@code computeGradient}. For {@code xe} all sides start
 * from logits (softmax inside the loss); {@code hinge} is javanets' multi-class hinge against
 * DL4J's per-output binary {@code LossHinge}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LossBenchmark {
  /** The javanets loss name. */
  @Param({"mse", "mae", "xe", "hinge", "kl", "bce"})
  public String loss;

  private static final WorkspaceConfiguration WORKSPACE =
      WorkspaceConfiguration.builder()
          .initialSize(0)
          .overallocationLimit(0.2)
          .policyAllocation(AllocationPolicy.OVERALLOCATE)
          .policyLearning(LearningPolicy.FIRST_LOOP)
          .policyMirroring(MirroringPolicy.FULL)
          .policySpill(SpillPolicy.REALLOCATE)
          .build();

  private LossArrays arrays;
  private Loss javanetsLoss;
  private SameDiff graph;
  private GraphRunner runner;
  private String value;
  private String variable;
  private ILossFunction dl4jLoss;
  private IActivation activation;
  private INDArray dl4jLabels;

  /** Builds the arrays, the javanets graph and the DL4J loss. */
  @Setup(Level.Trial)
  public void setUp() {
    arrays = new LossArrays(loss);
    javanetsLoss = LossRegistry.discover().create(loss);
    graph = SameDiff.create();
    LossContextBuilder ctx = LossContext.builder(graph).mainOutput("out:out");
    SDVariable out = graph.var("output", arrays.output.dup());
    variable = out.name();
    if (loss.equals("xe")) {
      ctx.output("out:out", graph.nn().softmax(out, 1), -1, LossArrays.COLUMNS);
      ctx.softmaxLogits("out:out", out);
    } else {
      ctx.output("out:out", out, -1, LossArrays.COLUMNS);
    }
    ctx.target(graph.constant("target", arrays.target));
    SDVariable v = javanetsLoss.compute(ctx.build());
    value = v.name();
    graph.setLossVariables(value);
    graph.createGradFunction();
    runner =
        GraphRunner.compile(
            graph.getFunction("grad"),
            List.of(value, graph.getVariable(variable).getGradient().name()));
    if (runner == null) {
      throw new IllegalStateException("The graph runner does not take the graph of " + loss);
    }
    dl4jLoss = dl4j(loss);
    // LossHinge reads labels -1/+1.
    dl4jLabels = loss.equals("hinge") ? arrays.labels.mul(2).subi(1) : arrays.labels;
    activation =
        (loss.equals("xe") ? Activation.SOFTMAX : Activation.IDENTITY).getActivationFunction();
  }

  static ILossFunction dl4j(String loss) {
    switch (loss) {
      case "mse":
        return new LossMSE();
      case "mae":
        return new LossMAE();
      case "xe":
        return new LossMCXENT();
      case "hinge":
        return new LossHinge();
      case "kl":
        return new LossKLD();
      case "bce":
        return new LossBinaryXENT();
      default:
        throw new IllegalArgumentException("No DL4J loss for '" + loss + "'.");
    }
  }

  /**
   * javanets: the loss in a graph built once, value and gradient run by {@link GraphRunner} as a
   * model's training step runs them.
   */
  @Benchmark
  public Object javanets() {
    return runner.run(Map.of());
  }

  /** The same graph through SameDiff's own session ({@code calculateGradientsAndOutputs}). */
  @Benchmark
  public Object javanetsSession() {
    return graph.calculateGradientsAndOutputs(Map.of(), List.of(value), List.of(variable));
  }

  /** javanets' API on plain arrays: {@code Loss.value} then {@code Loss.gradient}. */
  @Benchmark
  public Object javanetsApi() {
    if (loss.equals("xe")) {
      // The API has no logits: xe reads probabilities here.
      INDArray p = org.nd4j.linalg.ops.transforms.Transforms.softmax(arrays.output);
      return javanetsLoss.value(p, arrays.target, null)
          + javanetsLoss.gradient(p, arrays.target, null).length();
    }
    return javanetsLoss.value(arrays.output, arrays.target, null)
        + javanetsLoss.gradient(arrays.output, arrays.target, null).length();
  }

  /**
   * DL4J in a workspace, as {@code MultiLayerNetwork} computes its loss while training: the
   * workspace learns its size on the first call, then every later call reuses its memory.
   */
  @Benchmark
  public Object dl4jWorkspace() {
    try (MemoryWorkspace ws =
        Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, "loss-benchmark")) {
      double score = dl4jLoss.computeScore(dl4jLabels, arrays.output, activation, null, true);
      INDArray gradient = dl4jLoss.computeGradient(dl4jLabels, arrays.output, activation, null);
      return score + gradient.length();
    }
  }

  /** DL4J: {@code computeScore} then {@code computeGradient} of the ILossFunction. */
  @Benchmark
  public Object dl4j() {
    double score = dl4jLoss.computeScore(dl4jLabels, arrays.output, activation, null, true);
    INDArray gradient = dl4jLoss.computeGradient(dl4jLabels, arrays.output, activation, null);
    return score + gradient.length();
  }
}
