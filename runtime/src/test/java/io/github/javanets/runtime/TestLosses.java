package io.github.javanets.runtime;

import io.github.javanets.loss.ClassificationLoss;
import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossContext;
import io.github.javanets.loss.LossName;
import io.github.javanets.loss.LossParam;
import io.github.javanets.loss.LossSummary;
import io.github.javanets.loss.LossTarget;
import io.github.javanets.loss.ParameterType;
import io.github.javanets.loss.TargetKind;
import java.util.concurrent.atomic.AtomicInteger;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Small losses for the runtime's own tests (the runtime has no built-in losses). They are not
 * registered: tests make them with {@code new}.
 */
public final class TestLosses {
  private TestLosses() {}

  /** The mean of {@code (o - t)^2}, rules 2-3 of docs/losses.md. */
  @LossSummary("squared error: (o - t)^2")
  public static class SquaredError extends Loss {
    @Override
    public SDVariable compute(LossContext ctx) {
      SDVariable e = ctx.output().sub(ctx.target());
      return reduce(ctx, e.mul(e));
    }
  }

  /**
   * A squared error that counts how often its expression is built: once per graph, so the count
   * says how many graphs evaluation built.
   */
  @LossName("counted")
  public static class Counted extends SquaredError {
    private final AtomicInteger builds = new AtomicInteger();

    @Override
    public SDVariable compute(LossContext ctx) {
      builds.incrementAndGet();
      return super.compute(ctx);
    }

    /** How many graphs were built. */
    public int builds() {
      return builds.get();
    }
  }

  /** {@code alpha * mean(o)}. */
  @LossName("tunable")
  @LossParam(
      name = "alpha",
      defaultValue = "0.5",
      min = 0,
      minInclusive = false,
      description = "a positive scale")
  public static class Tunable extends Loss {
    @Override
    public SDVariable compute(LossContext ctx) {
      return reduce(ctx, ctx.output().mul(doubleParameter("alpha")));
    }
  }

  /** Reads two outputs: the mean of {@code (first + second - t)^2}. */
  @LossName("pair")
  @LossParam(
      name = "first",
      type = ParameterType.OUTPUT,
      defaultValue = "a",
      description = "the first output")
  @LossParam(
      name = "second",
      type = ParameterType.OUTPUT,
      defaultValue = "b:pre",
      description = "the second output")
  public static class Pair extends Loss {
    @Override
    public SDVariable compute(LossContext ctx) {
      SDVariable e =
          ctx.output(stringParameter("first"))
              .add(ctx.output(stringParameter("second")))
              .sub(ctx.target());
      return reduce(ctx, e.mul(e));
    }
  }

  /** Class labels: minus the mean of each row's largest score. */
  @LossName("topscore")
  public static class TopScore extends ClassificationLoss {
    @Override
    public SDVariable compute(LossContext ctx) {
      return reduce(ctx, ctx.output().max(1).neg());
    }
  }

  /** The fraction of positive outputs: a value with no gradient anywhere. */
  @LossTarget(TargetKind.NONE)
  public static class Positive extends Loss {
    @Override
    public SDVariable compute(LossContext ctx) {
      return reduce(ctx, ctx.output().gt(0.0).castTo(ctx.output().dataType()));
    }
  }

  /** No target: the mean of {@code o^2}. */
  @LossTarget(TargetKind.NONE)
  public static class Norm extends Loss {
    @Override
    public SDVariable compute(LossContext ctx) {
      return reduce(ctx, ctx.output().mul(ctx.output()));
    }
  }

  /** Samples: {@code mean(o) - mean(t)}. */
  @LossTarget(TargetKind.SAMPLES)
  public static class Samples extends Loss {
    @Override
    public SDVariable compute(LossContext ctx) {
      return ctx.output().mean().sub(ctx.target().mean());
    }
  }
}
