package io.github.javanets.testkit;

import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossContext;
import io.github.javanets.loss.LossName;
import org.nd4j.autodiff.samediff.SDVariable;

/** Losses that break the contract on purpose, to show that the kit notices. */
public final class BrokenLosses {
  private BrokenLosses() {}

  /** Squared error that ignores its weights. */
  @LossName("ignoresweights")
  public static final class IgnoresWeights extends Loss {
    @Override
    public SDVariable compute(LossContext ctx) {
      SDVariable e = ctx.output().sub(ctx.target());
      return e.mul(e).mean();
    }
  }

  /** Squared error weighted as {@code sum(w err) / sum(w)} without the all-zero rule. */
  @LossName("nozerorule")
  public static final class NoZeroRule extends Loss {
    @Override
    public SDVariable compute(LossContext ctx) {
      SDVariable e = ctx.output().sub(ctx.target());
      SDVariable err = e.mul(e);
      SDVariable w = ctx.weights();
      return w == null ? err.mean() : err.mul(w).sum().div(w.sum());
    }
  }

  /** Squared error of the rows in their batch order, weighting row i by {@code i + 1}. */
  @LossName("orderdependent")
  public static final class OrderDependent extends Loss {
    @Override
    public SDVariable compute(LossContext ctx) {
      SDVariable e = ctx.output().sub(ctx.target());
      long rows = ctx.outputShape()[0];
      SDVariable position =
          ctx.sameDiff()
              .constant(org.nd4j.linalg.factory.Nd4j.linspace(1, rows, rows).reshape(rows, 1));
      return reduce(ctx, e.mul(e).mul(position.castTo(e.dataType())));
    }
  }
}
