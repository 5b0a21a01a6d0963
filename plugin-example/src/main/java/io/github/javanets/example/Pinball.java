package io.github.javanets.example;

import static org.apiguardian.api.API.Status.STABLE;

import com.google.auto.service.AutoService;
import io.github.javanets.loss.Decomposable;
import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossContext;
import io.github.javanets.loss.LossName;
import io.github.javanets.loss.LossParam;
import io.github.javanets.loss.LossSummary;
import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The pinball (quantile) loss, {@code pinball} or {@code quantile}: a regressor trained on it
 * predicts the {@code tau}-quantile of the target instead of its mean.
 *
 * <p>With {@code e = t - o}, per element {@code err = max(tau e, (tau - 1) e)}, computed as {@code
 * tau relu(e) + (1 - tau) relu(-e)}; {@code tau} in (0, 1), default 0.5 (half the absolute error).
 * Unweighted the mean, weighted {@code sum(w * err) / sum(w)}.
 */
@AutoService(Loss.class)
@Decomposable
@LossName(
    value = "pinball",
    aliases = {"quantile"})
@LossParam(
    name = Pinball.TAU,
    defaultValue = "0.5",
    min = 0,
    minInclusive = false,
    max = 1,
    maxInclusive = false,
    description = "the quantile to predict")
@LossSummary("pinball loss: max(tau e, (tau - 1) e), e = t - o")
@API(status = STABLE, since = "0.1")
public final class Pinball extends Loss {
  /** The parameter {@code tau}. */
  public static final String TAU = "tau";

  @Override
  public SDVariable compute(LossContext ctx) {
    double tau = doubleParameter(TAU);
    SDVariable e = ctx.target().sub(ctx.output());
    SDVariable above = ctx.sameDiff().nn().relu(e, 0.0);
    SDVariable below = ctx.sameDiff().nn().relu(e.neg(), 0.0);
    return reduce(ctx, above.mul(tau).add(below.mul(1 - tau)));
  }
}
