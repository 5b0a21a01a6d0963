package io.github.javanets.dl4j;

import static org.apiguardian.api.API.Status.STABLE;

import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossRegistry;
import io.github.javanets.loss.TargetKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.shade.jackson.annotation.JsonAutoDetect;
import org.nd4j.shade.jackson.annotation.JsonAutoDetect.Visibility;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A registered javanets loss as a DL4J {@link ILossFunction}, for an {@code OutputLayer}, {@code
 * RnnOutputLayer} or {@code LossLayer} of a {@code MultiLayerNetwork} or {@code ComputationGraph}:
 * {@code new OutputLayer.Builder(new LossFunctionAdapter("pinball(tau=0.9)"))}.
 *
 * <p>Score and gradient come from the loss's SameDiff expression and autodiff. The adapter holds
 * only the loss's spec (its {@link Loss#toString()}); the loss is found by name with {@link
 * LossRegistry#discover()} (the thread's context class loader), so a plugin loss works by name when
 * its jar is on the class path. DL4J's JSON (and so {@code ModelSerializer}) stores the spec as
 * {@code "spec"}, never a graph. The SameDiff graph is built once per data type and output width,
 * with placeholders, and reused.
 *
 * <p><b>Per-example losses only.</b> The loss must have a value for each example alone, with the
 * batch's value the mean of the examples' values (rules 2-3 of docs/losses.md). Losses comparing
 * sets of rows ({@code mmd}, target kind {@link TargetKind#SAMPLES}) and losses reading more than
 * one output ({@code gll}) are refused at construction.
 *
 * <p><b>Semantics</b>, for a minibatch of {@code N} rows (checked against DL4J's {@code LossMSE}
 * and {@code LossMAE}):
 *
 * <ul>
 *   <li>The activation is applied to a copy of the pre-activation; the labels are the loss's target
 *       (for a loss on class labels, such as {@code xe}, DL4J's one-hot rows become class ids).
 *   <li>{@link #computeScoreArray}: {@code s_i}, the loss's value on row {@code i} alone.
 *   <li>{@link #computeScore}: {@code sum_i s_i}, divided by {@code N} when {@code average}. For a
 *       per-example loss on an unmasked batch that is {@code N} times the loss's value on the
 *       batch, or that value.
 *   <li>{@link #computeGradient}: the gradient of {@code sum_i s_i} with respect to the
 *       pre-activation, through the activation's {@code backprop}: {@code N dL/d(output)} for an
 *       unmasked batch. DL4J divides it by the minibatch size itself.
 *   <li>Masks are 0/1 weights. A row masked out scores 0, gets a 0 gradient and still counts in
 *       {@code N}, exactly as with DL4J's losses. A per-output mask weighs the elements of its row
 *       in the loss's weighted reduction (rule 3 of docs/losses.md), so {@code s_i} is the mean
 *       over the row's unmasked elements (DL4J's {@code LossMSE} divides by every element of the
 *       row instead). A loss on class labels takes one weight per row: its per-output mask must be
 *       constant along each row. Other mask values are refused: DL4J scales gradients by {@code
 *       mask^2} but scores by {@code mask}.
 *   <li>The loss's {@code weight} parameter scales scores and gradient; its {@code target}
 *       parameter is ignored (the target is DL4J's labels).
 * </ul>
 *
 * <p>Instances are immutable, serializable and thread-safe (evaluations of one graph are
 * serialised).
 */
@JsonAutoDetect(
    fieldVisibility = Visibility.NONE,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE,
    setterVisibility = Visibility.NONE,
    creatorVisibility = Visibility.NONE)
@API(status = STABLE, since = "0.1")
public final class LossFunctionAdapter implements ILossFunction {
  private static final long serialVersionUID = 1L;

  /** The name the adapter gives a loss's output when the loss reads the default one. */
  static final String DEFAULT_OUTPUT = "out:out";

  @JsonProperty("spec")
  private final String spec;

  private transient volatile Loss loss;
  private transient Map<String, LossGraph> graphs;

  /**
   * Makes an adapter for the loss a spec names, such as {@code "mse"} or {@code
   * "pinball(tau=0.9)"}. DL4J's JSON deserialisation calls it too.
   *
   * @param spec a loss spec, as {@link LossRegistry#create(String)} reads it; not null
   * @throws IllegalArgumentException for an unknown loss ({@code UnknownLossException}, with the
   *     registry's message), a bad parameter, or a loss that cannot be a DL4J loss function (one
   *     that is not per example, or reads more than one output), naming the loss and why
   * @throws io.github.javanets.loss.LossProviderException if the name is claimed twice or its
   *     provider is broken
   */
  @JsonCreator
  public LossFunctionAdapter(@JsonProperty("spec") String spec) {
    Loss created = resolve(Objects.requireNonNull(spec, "spec"));
    this.spec = created.toString();
    this.loss = created;
  }

  /**
   * Makes an adapter for the loss {@code loss} configures: the adapter keeps its spec and creates
   * its own instance, so the loss's class must be visible to the thread's context class loader.
   *
   * @param loss a loss; not null, not modified
   * @return the adapter; never null
   * @throws IllegalArgumentException as {@link #LossFunctionAdapter(String)}
   */
  public static LossFunctionAdapter of(Loss loss) {
    return new LossFunctionAdapter(Objects.requireNonNull(loss, "loss").toString());
  }

  /** The loss's spec, canonical ({@code "pinball(tau=0.9)"} for {@code "quantile(tau=0.90)"}). */
  public String spec() {
    return spec;
  }

  /**
   * {@inheritDoc}
   *
   * @param labels labels shaped like {@code preOutput}, one-hot rows for a loss on class labels;
   *     null only for a loss without target
   * @param preOutput the pre-activation {@code [N, outputs]}; not null, not modified
   * @param activationFn the layer's activation; not null
   * @param mask null, or a mask of 0s and 1s: per example ({@code [N, 1]} or {@code [N]}) or per
   *     output ({@code [N, outputs]})
   * @return the sum of the per-example scores, divided by {@code N} when {@code average}
   * @throws IllegalArgumentException for bad arrays or a mask that is not 0/1
   */
  @Override
  public double computeScore(
      INDArray labels,
      INDArray preOutput,
      IActivation activationFn,
      INDArray mask,
      boolean average) {
    Loss l = loss();
    Dl4jBatch b = Dl4jBatch.of(l, labels, preOutput, activationFn, mask);
    double value = graph(l, b).value(b.output, b.target, b.shares);
    double total = value * b.present * l.weight();
    return average ? total / b.examples : total;
  }

  /**
   * {@inheritDoc}
   *
   * @return the per-example scores {@code [N, 1]}: each row's loss alone (0 for a row masked out);
   *     never null. They sum to {@code computeScore(..., false)}.
   * @throws IllegalArgumentException as {@link #computeScore}
   */
  @Override
  public INDArray computeScoreArray(
      INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
    Loss l = loss();
    Dl4jBatch b = Dl4jBatch.of(l, labels, preOutput, activationFn, mask);
    return ExampleScores.of(graph(l, b), b).muli(l.weight());
  }

  /**
   * {@inheritDoc}
   *
   * @return the gradient of {@code computeScore(..., false)} with respect to {@code preOutput};
   *     never null
   * @throws IllegalArgumentException as {@link #computeScore}
   */
  @Override
  public INDArray computeGradient(
      INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
    return computeGradientAndScore(labels, preOutput, activationFn, mask, false).getSecond();
  }

  /**
   * {@inheritDoc}
   *
   * @return {@link #computeScore} and {@link #computeGradient} from one pass; never null
   * @throws IllegalArgumentException as {@link #computeScore}
   */
  @Override
  public Pair<Double, INDArray> computeGradientAndScore(
      INDArray labels,
      INDArray preOutput,
      IActivation activationFn,
      INDArray mask,
      boolean average) {
    Loss l = loss();
    Dl4jBatch b = Dl4jBatch.of(l, labels, preOutput, activationFn, mask);
    return gradientAndScore(l, graph(l, b), b, preOutput, activationFn, average);
  }

  /**
   * The score and gradient of a batch, from one run of the loss's graph.
   *
   * @throws IllegalStateException if the batch masks something but the loss ignores its weights
   */
  static Pair<Double, INDArray> gradientAndScore(
      Loss l,
      LossGraph graph,
      Dl4jBatch b,
      INDArray preOutput,
      IActivation activationFn,
      boolean average) {
    LossGraph.Result r = graph.gradient(b.output, b.target, b.shares, b.masksSomething);
    if (b.masksSomething && r.dWeights() == null) {
      throw new IllegalStateException(
          "Loss '"
              + l.name()
              + "' does not depend on its weights, so it cannot honour DL4J's mask: a loss must"
              + " reduce as sum(w * err) / sum(w), for example with Loss.reduce(ctx, err).");
    }
    double scale = b.present * l.weight();
    INDArray dOutput = r.dOutput().mul(scale);
    INDArray gradient = activationFn.backprop(preOutput.dup(), dOutput).getFirst();
    double total = r.value() * scale;
    return new Pair<>(average ? total / b.examples : total, gradient);
  }

  /** The adapter's name, as {@link #toString()}; never null. */
  @Override
  public String name() {
    return toString();
  }

  private Loss loss() {
    Loss l = loss;
    if (l == null) {
      l = resolve(spec);
      loss = l;
    }
    return l;
  }

  private synchronized LossGraph graph(Loss l, Dl4jBatch b) {
    if (graphs == null) {
      graphs = new HashMap<>();
    }
    DataType type = b.output.dataType();
    long width = b.output.size(1);
    return graphs.computeIfAbsent(
        type + "/" + width,
        key -> LossGraph.build(l, l.outputNames(DEFAULT_OUTPUT).get(0), type, width));
  }

  private static Loss resolve(String spec) {
    Loss l = LossRegistry.discover().create(spec);
    if (l.targetKind() == TargetKind.SAMPLES) {
      throw new IllegalArgumentException(
          "Loss '"
              + l.name()
              + "' cannot be a DL4J loss function: it compares the set of output rows with a set"
              + " of target samples as a whole, so it has no score per example, which DL4J's"
              + " ILossFunction needs. Use it in a javanets model instead.");
    }
    List<String> outputs = l.outputNames(DEFAULT_OUTPUT);
    if (outputs.size() != 1) {
      throw new IllegalArgumentException(
          "Loss '"
              + l.name()
              + "' reads "
              + outputs.size()
              + " outputs ("
              + String.join(", ", outputs)
              + "), but a DL4J loss function sees one: the output of its layer. Use it in a"
              + " javanets model instead.");
    }
    return l;
  }

  /** Adapters are equal when their specs are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof LossFunctionAdapter && spec.equals(((LossFunctionAdapter) o).spec);
  }

  /** The spec's hash code. */
  @Override
  public int hashCode() {
    return spec.hashCode();
  }

  /** {@code LossFunctionAdapter(<spec>)}, for example {@code LossFunctionAdapter(mse)}. */
  @Override
  public String toString() {
    return "LossFunctionAdapter(" + spec + ")";
  }
}
