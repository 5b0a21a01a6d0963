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
import org.nd4j.autodiff.samediff.ops.SDMath;

/**
 * Kullback-Leibler divergence, {@code kl}, of the output from the target, both distributions along
 * the last axis.
 *
 * <p>Both are clipped to {@code [1e-8, 1]}; per element {@code err = t * log(t / o)} (no absolute
 * value: the true divergence). Unweighted {@code mean(err)} over all elements, weighted {@code
 * sum(w * err) / sum(w)}.
 */
@AutoService(Loss.class)
@Decomposable
@LossName(
    value = "kl",
    aliases = {"kld", "kullbackleiblerdivergence"})
@LossSummary("Kullback-Leibler divergence: t log(t / o), both clipped to [1e-8, 1]")
@API(status = STABLE, since = "0.1")
public final class KullbackLeibler extends Loss {
  /** Outputs and targets are clipped to {@code [EPSILON, 1]}. */
  public static final double EPSILON = 1e-8;

  @Override
  public SDVariable compute(LossContext ctx) {
    SDMath math = ctx.sameDiff().math();
    SDVariable t = math.clipByValue(ctx.target(), EPSILON, 1.0);
    SDVariable o = math.clipByValue(ctx.output(), EPSILON, 1.0);
    return reduce(ctx, t.mul(math.log(t).sub(math.log(o))));
  }
}
