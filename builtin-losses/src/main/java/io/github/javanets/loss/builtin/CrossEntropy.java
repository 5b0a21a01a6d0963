package io.github.javanets.loss.builtin;

import static org.apiguardian.api.API.Status.STABLE;

import com.google.auto.service.AutoService;
import io.github.javanets.loss.ClassificationLoss;
import io.github.javanets.loss.Decomposable;
import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossContext;
import io.github.javanets.loss.LossName;
import io.github.javanets.loss.LossSummary;
import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.ops.SDMath;

/**
 * Categorical cross-entropy, {@code xe}, of class probabilities against integer labels.
 *
 * <p>Labels are class ids in {@code [0, k)}, one per row ({@code (N)} for {@code (N, k)} outputs,
 * {@code (N, T)} for {@code (N, T, k)}). Per row {@code err_i = -log(clip(p[i, t_i], 1e-8, 1))};
 * unweighted the mean over rows, weighted {@code sum(w_i err_i) / sum(w_i)} with one weight per
 * label.
 *
 * <p>When the output is a softmax layer ({@link LossContext#softmaxLogits} knows its logits), the
 * log-probabilities come from a numerically stable log-softmax of the logits instead, without the
 * clip (equal to the clipped form within 1e-6 wherever {@code p >= 1e-8}): {@code log p = z - m -
 * log(sum_j exp(z_j - m))} with {@code m = max_j z_j}, finite for any finite logits. (ND4J's own
 * {@code log_softmax} op gives {@code -Infinity} where a probability underflows to 0, and its form
 * with an axis cannot be differentiated in 1.0.0-M2.1.)
 */
@AutoService(Loss.class)
@Decomposable
@LossName(
    value = "xe",
    aliases = {"crossentropy", "cross_entropy", "categorical_crossentropy"})
@LossSummary("cross-entropy: -log(p[label]), p clipped to [1e-8, 1]; log-softmax on logits")
@API(status = STABLE, since = "0.1")
public final class CrossEntropy extends ClassificationLoss {
  /** Probabilities are clipped to {@code [EPSILON, 1]} before the logarithm. */
  public static final double EPSILON = 1e-8;

  @Override
  public SDVariable compute(LossContext ctx) {
    int axis = Labels.classAxis(ctx);
    SDMath math = ctx.sameDiff().math();
    SDVariable logp =
        ctx.softmaxLogits(ctx.outputName())
            .map(z -> logSoftmax(math, z, axis))
            .orElseGet(() -> math.log(math.clipByValue(ctx.output(), EPSILON, 1.0)));
    SDVariable err = logp.mul(Labels.oneHot(ctx)).sum(axis).neg();
    return reduce(ctx, err);
  }

  /** {@code z - m - log(sum(exp(z - m)))} along {@code axis}, {@code m} the maximum there. */
  private static SDVariable logSoftmax(SDMath math, SDVariable z, int axis) {
    SDVariable shifted = z.sub(z.max(true, axis));
    return shifted.sub(math.log(math.exp(shifted).sum(true, axis)));
  }
}
