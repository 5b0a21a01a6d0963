package io.github.javanets.testkit;

import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossContext;
import io.github.javanets.loss.LossName;
import io.github.javanets.loss.LossParam;
import io.github.javanets.loss.LossSummary;
import org.nd4j.autodiff.samediff.SDVariable;

/** A third-party-style loss for the kit's own tests: {@code scale (o - t)^2}, rules 2-3. */
@LossName(
    value = "scaledsquare",
    aliases = {"scaled_square"})
@LossParam(
    name = "scale",
    defaultValue = "1",
    min = 0,
    minInclusive = false,
    description = "multiplies the squared error")
@LossSummary("scale (o - t)^2")
public final class ScaledSquare extends Loss {
  @Override
  public SDVariable compute(LossContext ctx) {
    SDVariable e = ctx.output().sub(ctx.target());
    return reduce(ctx, e.mul(e).mul(doubleParameter("scale")));
  }
}
