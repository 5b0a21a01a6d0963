package io.github.javanets.loss;

import static org.apiguardian.api.API.Status.INTERNAL;
import static org.apiguardian.api.API.Status.STABLE;

import io.github.javanets.loss.internal.LossContextBuilder;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * What a {@link Loss} sees while it builds its expression: the graph, the outputs by name, its
 * target and, when weighted, its weights. A context belongs to one loss.
 *
 * <p>A loss is given its context: models make one for each of their losses, and so do the DL4J
 * adapter, the test kit and {@link Loss#value} (over plain arrays). A loss author only reads it.
 */
@API(status = STABLE, since = "0.1")
public interface LossContext {
  /** The graph to build the loss in; never null. */
  SameDiff sameDiff();

  /** The normalized name of the main output the loss reads ({@code "out:out"}); never null. */
  String outputName();

  /** The main output the loss reads; never null. */
  SDVariable output();

  /**
   * An output by name.
   *
   * @param name an output name; a bare layer name means its {@code :out} output
   * @return the output; never null
   * @throws IllegalArgumentException if there is no such output, listing the outputs that exist
   */
  SDVariable output(String name);

  /**
   * The shape of an output, with -1 where a size is not known when the graph is built (a model's
   * batch axis). Use it for ranks and class counts: SameDiff does not infer the shapes of
   * intermediate variables while a graph is being built.
   *
   * @param name an output name; a bare layer name means its {@code :out} output
   * @return a copy of the shape; never null
   * @throws IllegalArgumentException if there is no such output
   */
  long[] outputShape(String name);

  /** The shape of the main output; see {@link #outputShape(String)}. */
  default long[] outputShape() {
    return outputShape(outputName());
  }

  /** The normalized names of every output this context holds; an unmodifiable set. */
  Set<String> outputNames();

  /**
   * The loss's target: real values, class labels (any numeric type; cast before arithmetic) or
   * samples, as the loss's {@link TargetKind} says; null when the loss needs no target.
   */
  SDVariable target();

  /** The per-element weights, with the target's shape, or null when the loss is unweighted. */
  SDVariable weights();

  /** Whether this loss is reduced with weights ({@link #weights()} is not null). */
  default boolean weighted() {
    return weights() != null;
  }

  /**
   * The logits behind an output, when that output is the softmax of them along its last axis (a
   * classifier's softmax layer publishes its {@code :pre} values here). A loss such as {@code xe}
   * uses them for a numerically stable log-softmax.
   *
   * @param name an output name
   * @return the logits, or empty when the output is not a softmax (or nothing is known of it)
   */
  Optional<SDVariable> softmaxLogits(String name);

  /**
   * Starts a context over {@code sameDiff}: how javanets' own modules build the contexts they give
   * losses. Internal to javanets, as the builder it returns is: outside use is unsupported.
   *
   * @param sameDiff the graph; not null
   * @return a builder; never null
   */
  @API(status = INTERNAL, since = "0.1")
  static LossContextBuilder builder(SameDiff sameDiff) {
    return new LossContextBuilder(sameDiff);
  }
}
