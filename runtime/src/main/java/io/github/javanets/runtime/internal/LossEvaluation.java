package io.github.javanets.runtime.internal;

import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossContext;
import io.github.javanets.loss.TargetKind;
import io.github.javanets.loss.internal.ArrayChecks;
import io.github.javanets.loss.internal.OutputNames;
import io.github.javanets.loss.spi.EvaluationCache;
import io.github.javanets.runtime.GraphExecutor;
import io.github.javanets.runtime.LossGraph;
import io.github.javanets.runtime.LossGraphs;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Evaluates a loss on plain arrays ({@code Loss.value}, {@code Loss.gradient}, {@code
 * ClassificationLoss.accuracy}) in a small graph of its own.
 *
 * <p>An instance is the {@link LossGraph} of one expression for one set of array shapes and data
 * types, with placeholders for the arrays: it is built on the first call with those shapes, kept in
 * the loss's {@link EvaluationCache} and run again by later calls through {@link GraphExecutor}s (a
 * graph runner when the graph allows, its arrays reused from call to call, else SameDiff's
 * session). Runs are serialised on the instance and happen outside any workspace; what a caller
 * gets back is its own.
 */
final class LossEvaluation {
  /** What is evaluated: the loss's value, or a classification loss's accuracy. */
  enum Expression {
    VALUE,
    ACCURACY
  }

  private final LossGraph graph;
  // The placeholders of the outputs, in order: the gradient is taken with respect to them.
  private final List<String> placeholders;
  // Null until the first gradient is asked for: the gradient function is built then.
  private Boolean differentiable;
  private GraphExecutor gradients;

  private LossEvaluation(Loss loss, Function<LossContext, SDVariable> expression, Call arrays) {
    LossGraph.Builder b = LossGraph.builder(loss).expression(expression).mainOutput(arrays.main);
    for (Map.Entry<String, INDArray> e : arrays.outputs.entrySet()) {
      b.output(e.getKey(), arrays.type, e.getValue().shape());
    }
    if (arrays.target != null) {
      b.target(arrays.target.dataType(), arrays.target.shape());
    }
    if (arrays.weights != null) {
      b.weights(arrays.type, arrays.weights.shape());
    }
    this.graph = b.build();
    this.placeholders = List.copyOf(graph.outputPlaceholders().values());
  }

  /**
   * The value of {@code what} on the arrays.
   *
   * @throws IllegalArgumentException for missing outputs or bad arrays, naming them
   */
  static double value(
      Loss loss,
      EvaluationCache cache,
      Expression what,
      Function<LossContext, SDVariable> expression,
      Map<String, INDArray> outputs,
      INDArray target,
      INDArray weights) {
    Call arrays = new Call(loss, outputs, target, weights);
    return LossGraphs.outsideWorkspaces(
        () -> evaluation(loss, cache, what, expression, arrays).value(arrays));
  }

  /**
   * The gradient of the loss's value with respect to each given output, keyed as given.
   *
   * @throws IllegalArgumentException for missing outputs or bad arrays, naming them
   */
  static Map<String, INDArray> gradient(
      Loss loss,
      EvaluationCache cache,
      Map<String, INDArray> outputs,
      INDArray target,
      INDArray weights) {
    Call arrays = new Call(loss, outputs, target, weights);
    return LossGraphs.outsideWorkspaces(
        () -> evaluation(loss, cache, Expression.VALUE, loss::compute, arrays).gradient(arrays));
  }

  private static LossEvaluation evaluation(
      Loss loss,
      EvaluationCache cache,
      Expression what,
      Function<LossContext, SDVariable> expression,
      Call arrays) {
    return cache.get(
        what + " " + arrays.key(),
        LossEvaluation.class,
        () -> new LossEvaluation(loss, expression, arrays));
  }

  private synchronized double value(Call arrays) {
    return graph.value(feed(arrays));
  }

  private synchronized Map<String, INDArray> gradient(Call arrays) {
    Map<String, INDArray> byPlaceholder = gradients(feed(arrays));
    Map<String, INDArray> byKey = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : arrays.keyOf.entrySet()) {
      INDArray g = byPlaceholder.get(graph.outputPlaceholders().get(e.getKey()));
      byKey.put(
          e.getValue(),
          g == null ? Nd4j.zeros(arrays.type, arrays.outputs.get(e.getKey()).shape()) : g);
    }
    return byKey;
  }

  /**
   * The gradients by placeholder name, copies the caller owns; none when the value does not depend
   * differentiably on any output (a step function, say), and SameDiff refuses to build a gradient
   * function.
   */
  private Map<String, INDArray> gradients(Map<String, INDArray> feed) {
    if (differentiable == null) {
      differentiable = graph.differentiate(placeholders);
      if (differentiable) {
        // The gradients only: the runner then skips what only the value needs (its reduction).
        gradients = graph.gradients(List.of(), placeholders);
      }
    }
    return differentiable ? gradients.runDetached(feed).getGradients() : Map.of();
  }

  private Map<String, INDArray> feed(Call arrays) {
    return graph.feed(arrays.outputs, arrays.target, arrays.weights);
  }

  /**
   * The arrays of one call, checked and in the graph's data types: every given output (normalized
   * name to array, cast to the main output's type), the target (values cast, labels as given) and
   * the weights (cast).
   */
  private static final class Call {
    final Map<String, INDArray> outputs = new LinkedHashMap<>();
    final Map<String, String> keyOf = new LinkedHashMap<>();
    final String main;
    final DataType type;
    final INDArray target;
    final INDArray weights;

    Call(Loss loss, Map<String, INDArray> given, INDArray target, INDArray weights) {
      Objects.requireNonNull(given, "outputs");
      if (given.isEmpty()) {
        throw new IllegalArgumentException(
            "Loss '" + loss.name() + "' needs an output; none given.");
      }
      Map<String, INDArray> byName = new LinkedHashMap<>();
      for (Map.Entry<String, INDArray> e : given.entrySet()) {
        String name = OutputNames.normalize(e.getKey());
        INDArray array = Objects.requireNonNull(e.getValue(), e.getKey());
        if (byName.put(name, ArrayChecks.contiguous(e.getKey(), array)) != null) {
          throw new IllegalArgumentException("Output '" + name + "' is given twice.");
        }
        keyOf.put(name, e.getKey());
      }
      // Views and 'f'-order arrays are copied: see ArrayChecks.contiguous.
      target = target == null ? null : ArrayChecks.contiguous("target", target);
      weights = weights == null ? null : ArrayChecks.contiguous("weights", weights);
      this.main = mainOutput(loss, byName);
      List<String> read = loss.outputNames(main);
      for (String name : read) {
        if (!byName.containsKey(name)) {
          throw new IllegalArgumentException(
              "Loss '"
                  + loss.name()
                  + "' reads output '"
                  + name
                  + "', which is not among the given outputs: "
                  + String.join(", ", byName.keySet())
                  + ".");
        }
      }
      if (loss.weighted() && weights == null) {
        throw new IllegalArgumentException(
            "Loss '" + loss.name() + "' is weighted (weighted=true) but no weights were given.");
      }
      this.type = byName.get(main).dataType();
      if (!type.isFPType()) {
        throw new IllegalArgumentException(
            "Output '" + main + "' has data type " + type + "; outputs must be floating point.");
      }
      Map<String, long[]> shapes = new LinkedHashMap<>();
      for (String name : read) {
        shapes.put(name, byName.get(name).shape());
      }
      loss.checkArrays(shapes, target, weights);
      for (Map.Entry<String, INDArray> e : byName.entrySet()) {
        outputs.put(e.getKey(), e.getValue().castTo(type));
      }
      TargetKind kind = loss.targetKind();
      this.target =
          target == null || kind == TargetKind.NONE
              ? null
              : kind == TargetKind.LABELS ? target : target.castTo(type);
      this.weights = weights == null ? null : weights.castTo(type);
    }

    private static String mainOutput(Loss loss, Map<String, INDArray> byName) {
      String declared = loss.outputName();
      if (declared != null) {
        return declared;
      }
      if (byName.size() != 1) {
        throw new IllegalArgumentException(
            "Loss '"
                + loss.name()
                + "' reads one output but "
                + byName.size()
                + " were given ("
                + String.join(", ", byName.keySet())
                + "); set its parameter '"
                + loss.info().outputParameters().get(0)
                + "'.");
      }
      return byName.keySet().iterator().next();
    }

    /** What the graph depends on: names, shapes and data types, never values. */
    String key() {
      StringBuilder k = new StringBuilder(main).append(' ').append(type);
      for (Map.Entry<String, INDArray> e : outputs.entrySet()) {
        k.append(' ').append(e.getKey()).append(Arrays.toString(e.getValue().shape()));
      }
      if (target != null) {
        k.append(" target ").append(target.dataType()).append(Arrays.toString(target.shape()));
      }
      if (weights != null) {
        k.append(" weights").append(Arrays.toString(weights.shape()));
      }
      return k.toString();
    }
  }
}
