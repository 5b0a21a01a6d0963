package io.github.javanets.loss.builtin;

import static org.apiguardian.api.API.Status.STABLE;

import com.google.auto.service.AutoService;
import io.github.javanets.loss.Decomposable;
import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossContext;
import io.github.javanets.loss.LossName;
import io.github.javanets.loss.LossSummary;
import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Mean absolute error, {@code mae}.
 *
 * <p>Per element {@code err = abs(o - t)}; unweighted {@code mean(err)}, weighted {@code sum(w *
 * err) / sum(w)} (0 when every weight is 0).
 */
@AutoService(Loss.class)
@Decomposable
@LossName(
    value = "mae",
    aliases = {"meanabsoluteerror", "mean_absolute_error"})
@LossSummary("mean absolute error: abs(o - t)")
@API(status = STABLE, since = "0.1")
public final class MeanAbsoluteError extends Loss {
  @Override
  public SDVariable compute(LossContext ctx) {
    SDVariable e = ctx.output().sub(ctx.target());
    return reduce(ctx, ctx.sameDiff().math().abs(e));
  }
}
