package io.github.javanets.loss.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.javanets.loss.LossContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Builds a {@link LossContext}: what models, the DL4J adapter and the runtime hand a loss when they
 * build its expression. Not thread-safe; each {@link #build()} gives an immutable context. Internal
 * to javanets: outside use is unsupported (loss authors are given their contexts).
 */
@API(status = INTERNAL, since = "0.1")
public final class LossContextBuilder {
  private final SameDiff sameDiff;
  private final Map<String, SDVariable> outputs = new LinkedHashMap<>();
  private final Map<String, long[]> shapes = new LinkedHashMap<>();
  private final Map<String, SDVariable> logits = new LinkedHashMap<>();
  private String main;
  private SDVariable target;
  private SDVariable weights;
  private ReductionObserver observer;

  /**
   * Starts a context over {@code sameDiff}; {@link LossContext#builder(SameDiff)} does the same.
   *
   * @param sameDiff the graph; not null
   */
  public LossContextBuilder(SameDiff sameDiff) {
    this.sameDiff = Objects.requireNonNull(sameDiff, "sameDiff");
  }

  /**
   * Adds a named output whose shape the variable knows (a variable or constant).
   *
   * @param name its name (normalized as {@link OutputNames#normalize}); not null
   * @param value the variable; not null
   * @return this builder
   * @throws IllegalArgumentException if the variable's shape is not known
   */
  public LossContextBuilder output(String name, SDVariable value) {
    long[] shape = Objects.requireNonNull(value, "output").getShape();
    if (shape == null) {
      throw Errors.outputShapeUnknown(name);
    }
    return output(name, value, shape);
  }

  /**
   * Adds a named output with its shape.
   *
   * @param name its name (normalized as {@link OutputNames#normalize}); not null
   * @param value the variable; not null
   * @param shape its shape, -1 where a size is not known (the batch axis); not null
   * @return this builder
   */
  public LossContextBuilder output(String name, SDVariable value, long... shape) {
    String n = OutputNames.normalize(name);
    outputs.put(n, Objects.requireNonNull(value, "output"));
    shapes.put(n, shape.clone());
    return this;
  }

  /**
   * Says which output is the loss's main one.
   *
   * @param name the name of an output added with {@link #output}; not null
   * @return this builder
   */
  public LossContextBuilder mainOutput(String name) {
    this.main = OutputNames.normalize(name);
    return this;
  }

  /**
   * Records that output {@code name} is the softmax of {@code values} along the last axis.
   *
   * @return this builder
   */
  public LossContextBuilder softmaxLogits(String name, SDVariable values) {
    logits.put(OutputNames.normalize(name), Objects.requireNonNull(values, "logits"));
    return this;
  }

  /**
   * Sets the target.
   *
   * @param value the target; null for a loss that needs none
   * @return this builder
   */
  public LossContextBuilder target(SDVariable value) {
    this.target = value;
    return this;
  }

  /**
   * Sets the weights.
   *
   * @param value the weights; null for an unweighted loss
   * @return this builder
   */
  public LossContextBuilder weights(SDVariable value) {
    this.weights = value;
    return this;
  }

  /**
   * Asks to be told of each {@code Loss.reduce} call made with the context built: how a trainer
   * that splits batches learns a {@link io.github.javanets.loss.Decomposable} loss's denominator.
   *
   * @param value the observer; null for none
   * @return this builder
   */
  public LossContextBuilder observeReductions(ReductionObserver value) {
    this.observer = value;
    return this;
  }

  /**
   * Tells the observer of {@code ctx}, if it has one, of a reduction: called by {@code
   * Loss.reduce}.
   *
   * @param ctx the context the loss was given; not null
   * @param err the per-element error reduced; not null
   * @param weights the weights, or null when unweighted
   */
  public static void reduced(LossContext ctx, SDVariable err, SDVariable weights) {
    if (ctx instanceof Context c && c.observer != null) {
      c.observer.reduced(err, weights);
    }
  }

  /** Told of each reduction made with a context (see {@link #observeReductions}). */
  @API(status = INTERNAL, since = "0.2")
  public interface ReductionObserver {
    /**
     * A loss reduced {@code err}.
     *
     * @param err the per-element error; not null
     * @param weights its weights, or null when unweighted
     */
    void reduced(SDVariable err, SDVariable weights);
  }

  /**
   * Builds the context.
   *
   * @return the context; never null
   * @throws IllegalStateException if no output was added or the main output is not among them
   */
  public LossContext build() {
    if (outputs.isEmpty()) {
      throw Errors.noOutputs();
    }
    String mainName = main != null ? main : outputs.keySet().iterator().next();
    if (!outputs.containsKey(mainName)) {
      throw Errors.mainOutputMissing(mainName, outputs.keySet());
    }
    return new Context(
        sameDiff,
        Map.copyOf(outputs),
        Map.copyOf(shapes),
        mainName,
        Map.copyOf(logits),
        target,
        weights,
        observer);
  }

  private static final class Context implements LossContext {
    private final SameDiff sameDiff;
    private final Map<String, SDVariable> outputs;
    private final Map<String, long[]> shapes;
    private final Set<String> names;
    private final String main;
    private final Map<String, SDVariable> logits;
    private final SDVariable target;
    private final SDVariable weights;
    private final ReductionObserver observer;

    Context(
        SameDiff sameDiff,
        Map<String, SDVariable> outputs,
        Map<String, long[]> shapes,
        String main,
        Map<String, SDVariable> logits,
        SDVariable target,
        SDVariable weights,
        ReductionObserver observer) {
      this.sameDiff = sameDiff;
      this.outputs = outputs;
      this.shapes = shapes;
      this.names = Collections.unmodifiableSet(new java.util.TreeSet<>(outputs.keySet()));
      this.main = main;
      this.logits = logits;
      this.target = target;
      this.weights = weights;
      this.observer = observer;
    }

    @Override
    public SameDiff sameDiff() {
      return sameDiff;
    }

    @Override
    public String outputName() {
      return main;
    }

    @Override
    public SDVariable output() {
      return outputs.get(main);
    }

    @Override
    public long[] outputShape(String name) {
      output(name);
      return shapes.get(OutputNames.normalize(name)).clone();
    }

    @Override
    public SDVariable output(String name) {
      SDVariable v = outputs.get(OutputNames.normalize(name));
      if (v == null) {
        throw Errors.noSuchOutput(OutputNames.normalize(name), names);
      }
      return v;
    }

    @Override
    public Set<String> outputNames() {
      return names;
    }

    @Override
    public SDVariable target() {
      return target;
    }

    @Override
    public SDVariable weights() {
      return weights;
    }

    @Override
    public Optional<SDVariable> softmaxLogits(String name) {
      return Optional.ofNullable(logits.get(OutputNames.normalize(name)));
    }
  }
}
