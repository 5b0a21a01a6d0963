package io.github.javanets.runtime;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossContext;
import io.github.javanets.loss.internal.LossContextBuilder;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A loss in a SameDiff graph of its own, outside any model: a placeholder for each output it is
 * given ({@code output_0}, {@code output_1}, ... in the order given), one for the target ({@value
 * #TARGET}) and one for the weights ({@value #WEIGHTS}) when they are declared, and the loss's
 * expression computed from them. {@code Loss.value} / {@code Loss.gradient}, the DL4J adapter and
 * the test kit build their graphs here, with the shapes each needs (known, or -1 along the batch
 * axis).
 *
 * <p>{@link #builder(Loss)} builds the graph and checks that the expression is not null; {@link
 * #value} runs it through a {@link GraphExecutor} and checks that the result is a scalar ({@link
 * LossGraphs}); {@link #differentiate} builds the gradient function for {@link #gradients}.
 *
 * <p>Not thread-safe: callers serialise the use of one graph. For javanets' own modules; not for
 * loss authors.
 */
@API(status = INTERNAL, since = "0.1")
public final class LossGraph {
  /** The target's placeholder. */
  public static final String TARGET = "target";

  /** The weights' placeholder. */
  public static final String WEIGHTS = "weights";

  private final Loss loss;
  private final SameDiff sd;
  private final Map<String, String> placeholderOf;
  private final boolean hasTarget;
  private final boolean hasWeights;
  private final String value;
  private final GraphExecutor valueExecutor;
  // Null until differentiate is called: then whether the value has a gradient.
  private Boolean differentiable;
  private List<String> differentiatedWith;

  private LossGraph(
      Loss loss,
      SameDiff sd,
      Map<String, String> placeholderOf,
      boolean hasTarget,
      boolean hasWeights,
      String value) {
    this.loss = loss;
    this.sd = sd;
    this.placeholderOf = Collections.unmodifiableMap(placeholderOf);
    this.hasTarget = hasTarget;
    this.hasWeights = hasWeights;
    this.value = value;
    this.valueExecutor = GraphExecutor.forOutputs(sd, List.of(value));
  }

  /**
   * Starts the graph of {@code loss}.
   *
   * @param loss the loss; not null
   * @return a builder; never null
   */
  public static Builder builder(Loss loss) {
    return new Builder(Objects.requireNonNull(loss, "loss"));
  }

  /** The loss; never null. */
  public Loss loss() {
    return loss;
  }

  /** The graph; never null. */
  public SameDiff sameDiff() {
    return sd;
  }

  /** The name of the variable of the loss's value; never null. */
  public String valueName() {
    return value;
  }

  /**
   * The placeholder of each output, by the name it was given to the builder, in that order;
   * unmodifiable, never null.
   */
  public Map<String, String> outputPlaceholders() {
    return placeholderOf;
  }

  /**
   * The placeholders' arrays for one run.
   *
   * @param outputs an array for each output, by the name given to the builder; not null
   * @param target the target; used when the graph has a target placeholder
   * @param weights the weights; used when the graph has a weights placeholder
   * @return placeholder name to array; a new mutable map, never null
   * @throws IllegalArgumentException for an output the graph does not have
   */
  public Map<String, INDArray> feed(
      Map<String, INDArray> outputs, INDArray target, INDArray weights) {
    Map<String, INDArray> feed = new HashMap<>();
    for (Map.Entry<String, INDArray> e : outputs.entrySet()) {
      String p = placeholderOf.get(e.getKey());
      if (p == null) {
        throw new IllegalArgumentException(
            "The graph of loss '"
                + loss.name()
                + "' has no output '"
                + e.getKey()
                + "'; it has "
                + placeholderOf.keySet()
                + ".");
      }
      feed.put(p, e.getValue());
    }
    if (hasTarget) {
      feed.put(TARGET, target);
    }
    if (hasWeights) {
      feed.put(WEIGHTS, weights);
    }
    return feed;
  }

  /**
   * The loss's value for a feed, through a {@link GraphExecutor}.
   *
   * @param feed every placeholder's array (see {@link #feed}); not null
   * @return the value
   * @throws IllegalArgumentException if the loss's expression is not a scalar, naming the loss, its
   *     class and the shape
   */
  public double value(Map<String, INDArray> feed) {
    return scalar(valueExecutor.run(feed).getOutputs().get(value));
  }

  /**
   * The value of the loss's one-element result.
   *
   * @param result what the graph computed for {@link #valueName()}; not null
   * @throws IllegalArgumentException if it is not one element, naming the loss, its class and the
   *     shape
   */
  public double scalar(INDArray result) {
    return LossGraphs.scalar(loss, result);
  }

  /** Whether {@link #value} runs through a {@link GraphRunner} now (for tests). */
  public boolean valueUsesRunner() {
    return valueExecutor.usesRunner();
  }

  /**
   * Builds the gradient function of the value with respect to placeholders, once ({@link
   * LossGraphs#createGradFunction}).
   *
   * @param placeholders the placeholders to differentiate with respect to; not null, not empty
   * @return false when the value depends differentiably on none of them (a step function, say):
   *     every gradient is then 0
   * @throws IllegalStateException if the function was built before for other placeholders
   */
  public boolean differentiate(List<String> placeholders) {
    if (differentiable == null) {
      sd.setLossVariables(value);
      differentiable = LossGraphs.createGradFunction(sd, placeholders.toArray(new String[0]));
      differentiatedWith = List.copyOf(placeholders);
    } else if (!differentiatedWith.containsAll(placeholders)) {
      throw new IllegalStateException(
          "The gradient function was built with respect to "
              + differentiatedWith
              + ", not "
              + placeholders
              + ".");
    }
    return differentiable;
  }

  /**
   * An executor of the gradients with respect to {@code placeholders}, with {@code outputs}.
   *
   * @param outputs the variables to compute too, such as {@link #valueName()}; not null
   * @param placeholders placeholders given to {@link #differentiate}; not null
   * @return the executor; never null
   * @throws IllegalStateException if {@link #differentiate} did not build a gradient function
   */
  public GraphExecutor gradients(List<String> outputs, List<String> placeholders) {
    if (!Boolean.TRUE.equals(differentiable)) {
      throw new IllegalStateException(
          "The value of loss '" + loss.name() + "' has no gradient function: differentiate first.");
    }
    return GraphExecutor.forGradients(sd, outputs, placeholders);
  }

  @Override
  public String toString() {
    return "LossGraph[" + loss + ", outputs " + placeholderOf + "]";
  }

  /** Builds a {@link LossGraph}. Not thread-safe. */
  @API(status = INTERNAL, since = "0.1")
  public static final class Builder {
    private final Loss loss;
    // Each output's placeholder, by the name it was added with, in order.
    private final Map<String, Placeholder> outputs = new LinkedHashMap<>();
    private String main;
    private Placeholder target;
    private Placeholder weights;
    private Function<LossContext, SDVariable> expression;

    private Builder(Loss loss) {
      this.loss = loss;
      this.expression = loss::compute;
    }

    /**
     * Adds an output placeholder.
     *
     * @param name the name the loss reads it by (normalized in the loss's context); not null
     * @param type its data type; not null
     * @param shape its shape, -1 where a size is not known (the batch axis); not null
     * @return this builder
     * @throws IllegalArgumentException if an output of that name was added before
     */
    public Builder output(String name, DataType type, long... shape) {
      Placeholder p = new Placeholder("output_" + outputs.size(), type, shape);
      if (outputs.putIfAbsent(Objects.requireNonNull(name, "name"), p) != null) {
        throw new IllegalArgumentException("Output '" + name + "' is added twice.");
      }
      return this;
    }

    /**
     * Says which output is the loss's main one; by default the first added.
     *
     * @param name the name of an added output; not null
     * @return this builder
     */
    public Builder mainOutput(String name) {
      this.main = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Adds the target placeholder.
     *
     * @param type its data type (an integer type for class labels); not null
     * @param shape its shape, -1 where a size is not known; not null
     * @return this builder
     */
    public Builder target(DataType type, long... shape) {
      this.target = new Placeholder(TARGET, type, shape);
      return this;
    }

    /**
     * Adds the weights placeholder: the loss is then reduced with weights.
     *
     * @param type its data type; not null
     * @param shape its shape, -1 where a size is not known; not null
     * @return this builder
     */
    public Builder weights(DataType type, long... shape) {
      this.weights = new Placeholder(WEIGHTS, type, shape);
      return this;
    }

    /**
     * Sets what the graph computes from the loss's context; by default the loss's {@link
     * Loss#compute}.
     *
     * @param expression the expression, for example a classification loss's accuracy; not null
     * @return this builder
     */
    public Builder expression(Function<LossContext, SDVariable> expression) {
      this.expression = Objects.requireNonNull(expression, "expression");
      return this;
    }

    /**
     * Builds the graph: the placeholders, the loss's context and the expression.
     *
     * @return the graph; never null
     * @throws IllegalArgumentException if the expression is null, naming the loss and its class
     * @throws IllegalStateException if no output was added
     */
    public LossGraph build() {
      if (outputs.isEmpty()) {
        throw new IllegalStateException("The graph of loss '" + loss.name() + "' needs an output.");
      }
      SameDiff sd = SameDiff.create();
      LossContextBuilder ctx = LossContext.builder(sd);
      Map<String, String> placeholderOf = new LinkedHashMap<>();
      for (Map.Entry<String, Placeholder> e : outputs.entrySet()) {
        Placeholder p = e.getValue();
        ctx.output(e.getKey(), p.add(sd), p.shape());
        placeholderOf.put(e.getKey(), p.name());
      }
      ctx.mainOutput(main != null ? main : outputs.keySet().iterator().next());
      if (target != null) {
        ctx.target(target.add(sd));
      }
      if (weights != null) {
        ctx.weights(weights.add(sd));
      }
      SDVariable result = LossGraphs.computed(loss, expression.apply(ctx.build()));
      return new LossGraph(loss, sd, placeholderOf, target != null, weights != null, result.name());
    }
  }

  /** A placeholder to add: its name, data type and shape (-1 where unknown). */
  private record Placeholder(String name, DataType type, long[] shape) {
    Placeholder {
      Objects.requireNonNull(type, "type");
      shape = shape.clone();
    }

    SDVariable add(SameDiff sd) {
      return sd.placeHolder(name, type, shape);
    }
  }
}
