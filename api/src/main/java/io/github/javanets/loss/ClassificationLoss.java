package io.github.javanets.loss;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A loss on integer class labels ({@link TargetKind#LABELS}) that also reports accuracy: the
 * fraction of rows whose argmax (the first maximum on ties) equals the label, weighted as {@code
 * sum(w_i * correct_i) / sum(w_i)} (0 when every weight is 0).
 */
@LossTarget(TargetKind.LABELS)
@API(status = STABLE, since = "0.1")
public abstract class ClassificationLoss extends Loss {
  /** For subclasses. */
  protected ClassificationLoss() {}

  /**
   * The accuracy of the main output against the labels, as an expression.
   *
   * @param ctx the loss's context; not null
   * @return a scalar in the output's data type; never null
   */
  public SDVariable accuracy(LossContext ctx) {
    SDVariable out = ctx.output();
    SDVariable predicted = ctx.sameDiff().argmax(out, -1);
    SDVariable labels = ctx.target().castTo(DataType.INT64);
    return reduce(ctx, predicted.eq(labels).castTo(out.dataType()));
  }

  /**
   * The accuracy on plain arrays, outside any model, computed as {@link Loss#value(Map, INDArray,
   * INDArray)} computes the value (in javanets-runtime, sharing the loss's cache of graphs).
   *
   * @param output class scores, classes along the last axis; not null
   * @param labels integer labels, the output's shape without its last axis; not null
   * @param weights one weight per label, or null for the plain fraction
   * @return the accuracy in [0, 1]
   * @throws IllegalArgumentException for bad arrays, naming them
   * @throws IllegalStateException if javanets-runtime is not on the class path (see {@link
   *     Loss#value(Map, INDArray, INDArray)})
   */
  public final double accuracy(INDArray output, INDArray labels, INDArray weights) {
    String key = outputName() == null ? "out:out" : outputName();
    return Evaluators.of(this)
        .accuracy(
            this,
            evaluations,
            Map.of(key, Objects.requireNonNull(output, "output")),
            labels,
            weights);
  }
}
