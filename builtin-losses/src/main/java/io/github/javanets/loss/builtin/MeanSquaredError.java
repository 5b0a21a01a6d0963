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
 * Mean squared error, {@code mse}.
 *
 * <p>Per element {@code err = (o - t)^2}; unweighted {@code mean(err)}, weighted {@code sum(w *
 * err) / sum(w)} (0 when every weight is 0).
 */
@AutoService(Loss.class)
@Decomposable
@LossName(
    value = "mse",
    aliases = {"meansquarederror", "mean_squared_error"})
@LossSummary("mean squared error: (o - t)^2")
@API(status = STABLE, since = "0.1")
public final class MeanSquaredError extends Loss {
  @Override
  public SDVariable compute(LossContext ctx) {
    SDVariable e = ctx.output().sub(ctx.target());
    return reduce(ctx, e.mul(e));
  }
}
