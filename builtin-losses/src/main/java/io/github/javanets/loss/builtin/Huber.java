package io.github.javanets.loss.builtin;

import static org.apiguardian.api.API.Status.STABLE;

import com.google.auto.service.AutoService;
import io.github.javanets.loss.Decomposable;
import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossContext;
import io.github.javanets.loss.LossParam;
import io.github.javanets.loss.LossSummary;
import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.ops.SDMath;

/**
 * Huber loss, {@code huber}: quadratic near the target, linear far from it.
 *
 * <p>With {@code e = o - t}, per element {@code err = 0.5 e^2} if {@code abs(e) <= delta}, else
 * {@code delta (abs(e) - 0.5 delta)}; {@code delta > 0}, default 1. Computed as {@code 0.5 m^2 +
 * delta (abs(e) - m)} with {@code m = min(abs(e), delta)}, which is the same function. Unweighted
 * {@code mean(err)}, weighted {@code sum(w * err) / sum(w)}.
 */
@AutoService(Loss.class)
@Decomposable
@LossParam(
    name = Huber.DELTA,
    defaultValue = "1",
    min = 0,
    minInclusive = false,
    description = "where the loss turns from quadratic to linear")
@LossSummary("0.5 e^2 if abs(e) <= delta else delta (abs(e) - 0.5 delta), e = o - t")
@API(status = STABLE, since = "0.1")
public final class Huber extends Loss {
  /** The parameter {@code delta}. */
  public static final String DELTA = "delta";

  @Override
  public SDVariable compute(LossContext ctx) {
    SDMath math = ctx.sameDiff().math();
    double delta = doubleParameter(DELTA);
    SDVariable abs = math.abs(ctx.output().sub(ctx.target()));
    SDVariable m = math.clipByValue(abs, 0.0, delta);
    return reduce(ctx, m.mul(m).mul(0.5).add(abs.sub(m).mul(delta)));
  }
}
