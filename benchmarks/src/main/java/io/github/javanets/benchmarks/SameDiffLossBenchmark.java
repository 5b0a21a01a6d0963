package io.github.javanets.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
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
 * Benchmark 3, SameDiff side: the {@code sd.loss()} op closest to each built-in loss, value and
 * gradient with respect to the output in one pass over a graph built once, on the arrays of {@link
 * LossBenchmark}: {@code meanSquaredError}, {@code absoluteDifference}, {@code softmaxCrossEntropy}
 * (from logits), {@code hingeLoss} and {@code logLoss}. SameDiff has no KL divergence loss op.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SameDiffLossBenchmark {
  /** The javanets loss name the op stands for. */
  @Param({"mse", "mae", "xe", "hinge", "bce"})
  public String loss;

  private SameDiff graph;
  private String value;
  private String variable;

  /** Builds the graph. */
  @Setup(Level.Trial)
  public void setUp() {
    LossArrays arrays = new LossArrays(loss);
    graph = SameDiff.create();
    SDVariable out = graph.var("output", arrays.output.dup());
    SDVariable labels = graph.constant("labels", arrays.labels);
    LossReduce mean = LossReduce.MEAN_BY_NONZERO_WEIGHT_COUNT;
    SDVariable v;
    switch (loss) {
      case "mse":
        v = graph.loss().meanSquaredError(labels, out, null, mean);
        break;
      case "mae":
        v = graph.loss().absoluteDifference(labels, out, null, mean);
        break;
      case "xe":
        v = graph.loss().softmaxCrossEntropy(labels, out, null, mean, 0.0);
        break;
      case "hinge":
        v = graph.loss().hingeLoss(labels, out, null, mean);
        break;
      case "bce":
        v = graph.loss().logLoss(labels, out, null, mean, 1e-7);
        break;
      default:
        throw new IllegalArgumentException("No SameDiff loss op for '" + loss + "'.");
    }
    variable = out.name();
    value = v.name();
    graph.setLossVariables(value);
  }

  /** SameDiff: value and gradient of the loss op. */
  @Benchmark
  public Object samediff() {
    return graph.calculateGradientsAndOutputs(Map.of(), List.of(value), List.of(variable));
  }
}
