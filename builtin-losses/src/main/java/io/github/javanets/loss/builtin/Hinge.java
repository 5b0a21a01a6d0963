package io.github.javanets.loss.builtin;

import static org.apiguardian.api.API.Status.STABLE;

import com.google.auto.service.AutoService;
import io.github.javanets.loss.ClassificationLoss;
import io.github.javanets.loss.Decomposable;
import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossContext;
import io.github.javanets.loss.LossParam;
import io.github.javanets.loss.LossSummary;
import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Multiclass hinge loss, {@code hinge}, of class scores against integer labels.
 *
 * <p>Per row {@code err_i = max(0, max_{j != t_i} (o[i, j] - o[i, t_i] + margin))}; {@code margin
 * >= 0}, default 0 (the classic hinge with margin 1 is {@code hinge(margin=1)}). Computed as {@code
 * max_j ((1 - onehot_j) * relu(o[i, j] - o[i, t_i] + margin))}, the same value. Reduction as for
 * {@code xe}.
 */
@AutoService(Loss.class)
@Decomposable
@LossParam(
    name = Hinge.MARGIN,
    defaultValue = "0",
    min = 0,
    description = "how far the label's score must lead every other score")
@LossSummary("max(0, max_{j != t} (o_j - o_t + margin))")
@API(status = STABLE, since = "0.1")
public final class Hinge extends ClassificationLoss {
  /** The parameter {@code margin}. */
  public static final String MARGIN = "margin";

  @Override
  public SDVariable compute(LossContext ctx) {
    int axis = Labels.classAxis(ctx);
    SDVariable onehot = Labels.oneHot(ctx);
    SDVariable out = ctx.output();
    SDVariable labelScore = out.mul(onehot).sum(true, axis);
    SDVariable violation =
        ctx.sameDiff().nn().relu(out.sub(labelScore).add(doubleParameter(MARGIN)), 0.0);
    SDVariable err = violation.mul(onehot.rsub(1.0)).max(axis);
    return reduce(ctx, err);
  }
}
