package io.github.javanets.loss;

import io.github.javanets.graph.GraphRunner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Evaluates a loss on plain arrays ({@link Loss#value}, {@link Loss#gradient}, {@link
 * ClassificationLoss#accuracy}) in a small graph of its own.
 *
 * <p>An instance is the graph of one expression for one set of array shapes and data types, with
 * placeholders for the arrays: it is built on the first call with those shapes, kept with the loss
 * ({@link Cache}) and run again by later calls, through a {@link GraphRunner} when the graph allows
 * (its arrays reused from call to call) or else through SameDiff's session. Runs are serialised on
 * the instance and happen outside any workspace; what a caller gets back is its own.
 */
final class LossEvaluation {
  /** What is evaluated: the loss's value, or a classification loss's accuracy. */
  enum Expression {
    VALUE,
    ACCURACY
  }

  private static final String TARGET = "target";
  private static final String WEIGHTS = "weights";

  private final Loss loss;
  private final SameDiff sd = SameDiff.create();
  // Placeholder of each given output, by its normalized name.
  private final Map<String, String> placeholderOf = new LinkedHashMap<>();
  private final String result;
  // Runners of the value and of the gradients; null where the graph needs SameDiff's session.
  // Whether the runner is on is read per call.
  private final GraphRunner valueRunner;
  private GraphRunner gradientRunner;
  // Null until the first gradient is asked for: the gradient function is built then.
  private Boolean differentiable;

  private LossEvaluation(Loss loss, Function<LossContext, SDVariable> expression, Call arrays) {
    this.loss = loss;
    LossContextBuilder ctx = LossContext.builder(sd).mainOutput(arrays.main);
    int i = 0;
    for (Map.Entry<String, INDArray> e : arrays.outputs.entrySet()) {
      String placeholder = "output_" + i++;
      long[] shape = e.getValue().shape();
      ctx.output(e.getKey(), sd.placeHolder(placeholder, arrays.type, shape), shape);
      placeholderOf.put(e.getKey(), placeholder);
    }
    if (arrays.target != null) {
      ctx.target(sd.placeHolder(TARGET, arrays.target.dataType(), arrays.target.shape()));
    }
    if (arrays.weights != null) {
      ctx.weights(sd.placeHolder(WEIGHTS, arrays.type, arrays.weights.shape()));
    }
    SDVariable r = LossGraphs.computed(loss, expression.apply(ctx.build()));
    this.result = r.name();
    this.valueRunner = GraphRunner.compile(sd, List.of(result));
  }

  /**
   * The value of {@code what} on the arrays.
   *
   * @throws IllegalArgumentException for missing outputs or bad arrays, naming them
   */
  static double value(
      Loss loss,
      Expression what,
      Function<LossContext, SDVariable> expression,
      Map<String, INDArray> outputs,
      INDArray target,
      INDArray weights) {
    Call arrays = new Call(loss, outputs, target, weights);
    return LossGraphs.outsideWorkspaces(
        () -> evaluation(loss, what, expression, arrays).value(arrays));
  }

  /**
   * The gradient of the loss's value with respect to each given output, keyed as given.
   *
   * @throws IllegalArgumentException for missing outputs or bad arrays, naming them
   */
  static Map<String, INDArray> gradient(
      Loss loss, Map<String, INDArray> outputs, INDArray target, INDArray weights) {
    Call arrays = new Call(loss, outputs, target, weights);
    return LossGraphs.outsideWorkspaces(
        () -> evaluation(loss, Expression.VALUE, loss::compute, arrays).gradient(arrays));
  }

  private static LossEvaluation evaluation(
      Loss loss, Expression what, Function<LossContext, SDVariable> expression, Call arrays) {
    return loss.evaluations.get(
        what + " " + arrays.key(), () -> new LossEvaluation(loss, expression, arrays));
  }

  private synchronized double value(Call arrays) {
    Map<String, INDArray> feed = feed(arrays);
    INDArray v =
        useRunner(valueRunner) ? valueRunner.run(feed).get(result) : sd.outputSingle(feed, result);
    return LossGraphs.scalar(loss, v);
  }

  private synchronized Map<String, INDArray> gradient(Call arrays) {
    Map<String, INDArray> feed = feed(arrays);
    Map<String, INDArray> byName = gradients(feed);
    Map<String, INDArray> byKey = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : arrays.keyOf.entrySet()) {
      INDArray g = byName.get(placeholderOf.get(e.getKey()));
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
    List<String> placeholders = new ArrayList<>(placeholderOf.values());
    if (differentiable == null) {
      sd.setLossVariables(result);
      differentiable = LossGraphs.createGradFunction(sd, placeholders.toArray(new String[0]));
      if (differentiable) {
        // The gradients only: the runner then skips what only the value needs (its reduction).
        List<String> outputs = new ArrayList<>();
        for (String p : placeholders) {
          SDVariable g = sd.getVariable(p).getGradient();
          if (g != null) {
            outputs.add(g.name());
          }
        }
        gradientRunner =
            outputs.isEmpty() ? null : GraphRunner.compile(sd.getFunction("grad"), outputs);
      }
    }
    if (!differentiable) {
      return Map.of();
    }
    Map<String, INDArray> grads = new HashMap<>();
    if (useRunner(gradientRunner)) {
      Map<String, INDArray> r = gradientRunner.run(feed);
      for (String p : placeholders) {
        SDVariable g = sd.getVariable(p).getGradient();
        if (g != null) {
          // The runner reuses its arrays on the next call.
          grads.put(p, r.get(g.name()).dup());
        }
      }
      return grads;
    }
    // The session hands back arrays of its own for each call (tested).
    grads.putAll(sd.calculateGradients(feed, placeholders));
    return grads;
  }

  /** Whether to run {@code runner} rather than SameDiff's session: the switch is read per call. */
  private static boolean useRunner(GraphRunner runner) {
    return runner != null && GraphRunner.enabled();
  }

  private Map<String, INDArray> feed(Call arrays) {
    Map<String, INDArray> feed = new HashMap<>();
    for (Map.Entry<String, INDArray> e : arrays.outputs.entrySet()) {
      feed.put(placeholderOf.get(e.getKey()), e.getValue());
    }
    if (arrays.target != null) {
      feed.put(TARGET, arrays.target);
    }
    if (arrays.weights != null) {
      feed.put(WEIGHTS, arrays.weights);
    }
    return feed;
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

  /**
   * The graphs a loss has built for its last {@value #KEPT} sets of shapes, most recent last. A
   * graph keeps the arrays its last run computed, so the cache is small.
   */
  static final class Cache {
    static final int KEPT = 2;

    private final LinkedHashMap<String, LossEvaluation> graphs =
        new LinkedHashMap<>(4, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, LossEvaluation> eldest) {
            return size() > KEPT;
          }
        };

    synchronized LossEvaluation get(String key, Supplier<LossEvaluation> build) {
      LossEvaluation e = graphs.get(key);
      if (e == null) {
        e = build.get();
        graphs.put(key, e);
      }
      return e;
    }

    /** Forgets every graph (the loss's parameters changed). */
    synchronized void clear() {
      graphs.clear();
    }

    /** How many graphs are kept (for tests). */
    synchronized int size() {
      return graphs.size();
    }
  }
}
