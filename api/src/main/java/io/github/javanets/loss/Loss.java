package io.github.javanets.loss;

import static org.apiguardian.api.API.Status.STABLE;

import io.github.javanets.loss.internal.ArrayChecks;
import io.github.javanets.loss.internal.LossContextBuilder;
import io.github.javanets.loss.internal.OutputNames;
import io.github.javanets.loss.spi.EvaluationCache;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The base of every loss: an expression in a SameDiff graph that reduces a model's outputs and a
 * target to one scalar.
 *
 * <p>A loss author writes a subclass with a public no-argument constructor and one method, {@link
 * #compute(LossContext)}, and declares the rest: the name ({@link LossName}, or the class's simple
 * name in lower case), the target it needs ({@link LossTarget}), its parameters ({@link LossParam})
 * and a one-line summary ({@link LossSummary}). Registered with {@code @AutoService(Loss.class)},
 * the loss is found by name through {@link LossRegistry}.
 *
 * <p>Every loss also has the common parameters {@code weight} (its importance in a model's
 * objective, finite and &gt;= 0, default 1), {@code weighted} (reduce with per-element weights),
 * {@code target} (the dataset array it reads, default {@code "target"}) and, unless it declares its
 * own output parameters, {@code output} (the output it reads; empty means the model's output
 * layer). Parameters are set once, by {@link #configure(Map)}, right after construction; after that
 * only the weight can change. A loss that is never configured has every default.
 *
 * <p>Instances are cheap; make a fresh one for each model. {@link #setWeight(double)} may be called
 * from any thread; {@link #configure(Map)} and evaluation are not meant to race.
 */
@API(status = STABLE, since = "0.1")
public abstract class Loss {
  private final LossInfo info;
  private final Map<String, Object> values;
  private volatile double weight;
  private boolean configured;
  // The graphs value, gradient and accuracy built on plain arrays, for their last shapes: what they
  // hold is javanets-runtime's (see Evaluators).
  final EvaluationCache evaluations = new EvaluationCache();

  /**
   * Reads the subclass's declaration.
   *
   * @throws IllegalArgumentException if the declaration is invalid
   */
  protected Loss() {
    this.info = LossInfo.of(getClass());
    this.values = new LinkedHashMap<>();
    for (ParameterInfo p : info.parameters()) {
      values.put(p.name(), p.defaultValue());
    }
    this.weight = (Double) values.get(LossInfo.WEIGHT);
  }

  /**
   * Builds the loss's scalar expression.
   *
   * @param ctx the graph, the outputs, the target and the weights; not null
   * @return a scalar (rank 0, or one element) in the data type of the outputs; never null
   */
  public abstract SDVariable compute(LossContext ctx);

  /**
   * Sets parameters, once, before the loss is used. Keys are parameter names ({@link
   * LossInfo#parameters()}); values are of the parameter's type or its text. Missing parameters
   * keep their defaults.
   *
   * @param params the parameters; not null, no null values
   * @return this loss
   * @throws IllegalArgumentException for an unknown parameter or a value that is not accepted,
   *     naming both
   * @throws IllegalStateException if the loss was configured before
   */
  public final synchronized Loss configure(Map<String, ?> params) {
    Objects.requireNonNull(params, "params");
    if (configured) {
      throw Errors.alreadyConfigured(name(), toString());
    }
    Map<String, Object> parsed = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : params.entrySet()) {
      ParameterInfo p = info.parameter(e.getKey()).orElseThrow(() -> unknownParameter(e.getKey()));
      Object value = Objects.requireNonNull(e.getValue(), () -> "value of " + e.getKey());
      parsed.put(p.name(), p.parse(value, name()));
    }
    values.putAll(parsed);
    weight = (Double) values.get(LossInfo.WEIGHT);
    configured = true;
    evaluations.clear();
    return this;
  }

  private IllegalArgumentException unknownParameter(String key) {
    List<String> accepted = new ArrayList<>();
    info.parameters().forEach(p -> accepted.add(p.name()));
    return Errors.unknownParameter(key, name(), Names.closest(key, accepted), accepted);
  }

  /** The canonical name (lower case), the same whichever alias created the loss; never null. */
  public final String name() {
    return info.name();
  }

  /** The loss class's declaration; never null. */
  public final LossInfo info() {
    return info;
  }

  /** The loss's importance in a model's objective: finite and &gt;= 0. */
  public final double weight() {
    return weight;
  }

  /**
   * Changes the loss's importance; a model uses the new value from its next training step.
   *
   * @param weight finite and &gt;= 0
   * @throws IllegalArgumentException otherwise, naming the value
   */
  public final void setWeight(double weight) {
    ParameterInfo p = info.parameter(LossInfo.WEIGHT).orElseThrow();
    double w = (Double) p.parse(weight, name());
    synchronized (this) {
      values.put(LossInfo.WEIGHT, w);
      this.weight = w;
    }
  }

  /** Whether the loss reduces with per-element weights (rule 3 of docs/losses.md). */
  public final boolean weighted() {
    return (Boolean) parameter(LossInfo.WEIGHTED);
  }

  /**
   * The normalized name of the main output the loss reads ({@code "hid1:out"}), or null when it
   * reads the model's default output (its last layer).
   */
  public final String outputName() {
    String v = (String) parameter(info.outputParameters().get(0));
    return v.isEmpty() ? null : v;
  }

  /**
   * The normalized names of every output the loss reads, the main one first.
   *
   * @param defaultOutput the output to use where the loss reads the default one; not null
   * @return an unmodifiable list; never null
   */
  public final List<String> outputNames(String defaultOutput) {
    List<String> names = new ArrayList<>();
    for (String p : info.outputParameters()) {
      String v = (String) parameter(p);
      names.add(v.isEmpty() ? OutputNames.normalize(defaultOutput) : v);
    }
    return Collections.unmodifiableList(names);
  }

  /** The name of the dataset array the loss reads as its target; never null. */
  public final String targetName() {
    return (String) parameter(LossInfo.TARGET);
  }

  /** What the loss needs as its target; never null. */
  public final TargetKind targetKind() {
    return info.targetKind();
  }

  /**
   * A parameter's value, of the type its {@link ParameterInfo} says.
   *
   * @param name a parameter name, declared or common
   * @return the value; never null
   * @throws IllegalArgumentException for an unknown parameter
   */
  public final synchronized Object parameter(String name) {
    Object v = values.get(name);
    if (v == null) {
      throw unknownParameter(name);
    }
    return v;
  }

  /** Every parameter's value, declared ones first; an unmodifiable copy, never null. */
  public final synchronized Map<String, Object> parameters() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The value of a {@link ParameterType#DOUBLE} parameter. */
  protected final double doubleParameter(String name) {
    return (Double) parameter(name);
  }

  /** The value of an {@link ParameterType#INT} parameter. */
  protected final long intParameter(String name) {
    return (Long) parameter(name);
  }

  /** The value of a {@link ParameterType#BOOLEAN} parameter. */
  protected final boolean booleanParameter(String name) {
    return (Boolean) parameter(name);
  }

  /** The value of a {@link ParameterType#STRING}, {@link ParameterType#CHOICE} or output one. */
  protected final String stringParameter(String name) {
    return (String) parameter(name);
  }

  /**
   * The reduction of rules 2-3 of docs/losses.md: the mean of {@code err} over all its elements
   * when the context is unweighted, else {@code sum(w * err) / sum(w)}, which is 0 (with gradient
   * 0) when every weight is 0. A loss whose value is a constant times one such reduction may say so
   * with {@link Decomposable}.
   *
   * @param ctx the loss's context; not null
   * @param err the per-element error, with the weights' shape when weighted; not null
   * @return a scalar; never null
   */
  protected static SDVariable reduce(LossContext ctx, SDVariable err) {
    SDVariable w = ctx.weights();
    LossContextBuilder.reduced(ctx, err, w);
    return w == null ? err.mean() : weightedMean(err, w);
  }

  /**
   * {@code sum(w * values) / sum(w)}, or 0 when {@code sum(w) == 0}: the all-zero-weights rule.
   *
   * <p>Values are first limited to the data type's largest finite magnitude, so that an error that
   * overflows where the weight is 0 (a huge unknown target, squared in FLOAT) contributes 0 rather
   * than {@code Infinity * 0 = NaN}; where the weight is not 0 such a value still makes the sum
   * overflow.
   *
   * @param values the values; not null
   * @param weights non-negative weights of the same shape; not null
   * @return a scalar; never null
   */
  protected static SDVariable weightedMean(SDVariable values, SDVariable weights) {
    double largest =
        values.dataType() == org.nd4j.linalg.api.buffer.DataType.DOUBLE
            ? Double.MAX_VALUE
            : values.dataType() == org.nd4j.linalg.api.buffer.DataType.HALF
                ? 65504.0
                : Float.MAX_VALUE;
    SDVariable finite = values.getSameDiff().math().clipByValue(values, -largest, largest);
    SDVariable total = weights.sum();
    SDVariable safe = total.add(total.eq(0.0).castTo(total.dataType()));
    return finite.mul(weights).sum().div(safe);
  }

  /**
   * Checks the arrays a loss is evaluated on, before any graph is built: the target against the
   * main output's shape as the {@link #targetKind()} requires (labels also for their range), and
   * the weights (shape, finite, &gt;= 0). Subclasses may add checks; call this first.
   *
   * @param outputShapes the shape of every output the loss reads, by normalized name, the main one
   *     first; not null, not empty
   * @param target the target; null only for {@link TargetKind#NONE}
   * @param weights the weights, or null when unweighted
   * @throws IllegalArgumentException naming the array, its shape or bad value, and what is accepted
   */
  public void checkArrays(Map<String, long[]> outputShapes, INDArray target, INDArray weights) {
    Map.Entry<String, long[]> main = outputShapes.entrySet().iterator().next();
    ArrayChecks.checkTarget(this, main.getKey(), main.getValue(), target, weights);
  }

  /**
   * The loss's value on plain arrays, outside any model.
   *
   * <p>The first call with a given set of shapes and data types builds the loss's graph for them;
   * the loss keeps the graphs of its last two such sets, with the arrays their last run computed,
   * so repeated calls on same-shaped batches run the graph only. {@link #gradient} and {@link
   * ClassificationLoss#accuracy} share that cache. Calls may come from several threads; they run
   * one at a time per graph.
   *
   * <p>The evaluation itself lives in the artifact {@code io.github.javanets:javanets-runtime}, so
   * that this api (what loss jars compile against) holds no graph execution. This method delegates
   * to the runtime's {@link io.github.javanets.loss.spi.LossEvaluator}, found with {@link
   * java.util.ServiceLoader} in the api's class loader on the first evaluation, as SLF4J finds its
   * provider. {@code javanets-models}, {@code javanets-dl4j} and {@code javanets-testkit} bring the
   * runtime; an application that has none of them adds it.
   *
   * @param outputs the outputs it reads, by name (a bare layer name means its {@code :out}); not
   *     null. A loss reading the default output takes the only entry.
   * @param target the target; null only for a loss that needs none
   * @param weights per-element weights with the target's shape, or null for the unweighted
   *     reduction (required when {@link #weighted()})
   * @return the value, computed in the outputs' data type
   * @throws IllegalArgumentException for missing outputs or bad arrays, naming them
   * @throws IllegalStateException if javanets-runtime is not on the class path, saying which
   *     artifact to add
   */
  public final double value(Map<String, INDArray> outputs, INDArray target, INDArray weights) {
    return Evaluators.of(this).value(this, evaluations, outputs, target, weights);
  }

  /**
   * The loss's value for a loss reading one output.
   *
   * @see #value(Map, INDArray, INDArray)
   */
  public final double value(INDArray output, INDArray target, INDArray weights) {
    return value(Map.of(defaultKey(), Objects.requireNonNull(output, "output")), target, weights);
  }

  /**
   * The gradient of the loss's value with respect to each given output, by autodiff.
   *
   * @return a map with the keys of {@code outputs}, each gradient shaped like its output; never
   *     null
   * @throws IllegalArgumentException for missing outputs or bad arrays, naming them
   * @throws IllegalStateException if javanets-runtime is not on the class path, saying which
   *     artifact to add
   * @see #value(Map, INDArray, INDArray)
   */
  public final Map<String, INDArray> gradient(
      Map<String, INDArray> outputs, INDArray target, INDArray weights) {
    return Evaluators.of(this).gradient(this, evaluations, outputs, target, weights);
  }

  /**
   * The gradient with respect to the one output of a loss reading one output.
   *
   * @see #gradient(Map, INDArray, INDArray)
   */
  public final INDArray gradient(INDArray output, INDArray target, INDArray weights) {
    String key = defaultKey();
    return gradient(Map.of(key, Objects.requireNonNull(output, "output")), target, weights)
        .get(key);
  }

  private String defaultKey() {
    String name = outputName();
    return name == null ? "out:out" : name;
  }

  /**
   * The loss's spec: its name and every parameter that differs from its default, for example {@code
   * mmd(bandwidth=0.5, estimator=unbiased, weight=2.0)}. {@link LossRegistry#create(String)} reads
   * it back into an equal configuration.
   */
  @Override
  public final synchronized String toString() {
    StringJoiner params = new StringJoiner(", ", "(", ")").setEmptyValue("");
    for (ParameterInfo p : info.parameters()) {
      Object v = values.get(p.name());
      if (!v.equals(p.defaultValue())) {
        params.add(p.name() + "=" + p.format(v));
      }
    }
    return name() + params;
  }
}
