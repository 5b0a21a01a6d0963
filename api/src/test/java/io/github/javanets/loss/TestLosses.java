package io.github.javanets.loss;

import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Small losses for the api's own tests. They are not registered on the test class path (the api has
 * no built-in losses); {@link #registry(Path)} registers them through a jar that holds only a
 * services file.
 */
final class TestLosses {
  /** Every fixture class, as a services file lists them. */
  static final List<Class<? extends Loss>> ALL =
      List.of(
          SquaredError.class,
          Tunable.class,
          Mmd.class,
          Pair.class,
          TopScore.class,
          Norm.class,
          Samples.class);

  private TestLosses() {}

  /** A registry of the fixtures, from a services-only jar written in {@code dir}. */
  static LossRegistry registry(Path dir) {
    PluginJars jar = PluginJars.jar(dir, "fixtures.jar");
    ALL.forEach(c -> jar.service(c.getName()));
    try {
      URL url = jar.build().toUri().toURL();
      return LossRegistry.discover(
          new URLClassLoader(new URL[] {url}, Loss.class.getClassLoader()));
    } catch (MalformedURLException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The mean of {@code (o - t)^2}, rules 2-3 of docs/losses.md. */
  @LossSummary("squared error: (o - t)^2")
  public static class SquaredError extends Loss {
    @Override
    public SDVariable compute(LossContext ctx) {
      SDVariable e = ctx.output().sub(ctx.target());
      return reduce(ctx, e.mul(e));
    }
  }

  /** A parameter of each type: {@code alpha * mean(o)}. */
  @LossName(
      value = "tunable",
      aliases = {"Tune", "tuning"})
  @LossParam(
      name = "alpha",
      defaultValue = "0.5",
      min = 0,
      minInclusive = false,
      description = "a positive scale")
  @LossParam(
      name = "steps",
      type = ParameterType.INT,
      defaultValue = "3",
      min = 1,
      description = "a count")
  @LossParam(name = "ratio", defaultValue = "0.25", min = 0, max = 1, description = "a fraction")
  @LossParam(
      name = "clip",
      type = ParameterType.BOOLEAN,
      defaultValue = "false",
      description = "a switch")
  @LossParam(
      name = "mode",
      type = ParameterType.CHOICE,
      defaultValue = "fast",
      choices = {"fast", "exact"},
      description = "a choice")
  @LossParam(name = "label", type = ParameterType.STRING, defaultValue = "", description = "text")
  public static class Tunable extends Loss {
    @Override
    public SDVariable compute(LossContext ctx) {
      return reduce(ctx, ctx.output().mul(doubleParameter("alpha")));
    }
  }

  /** Declares the parameters of the built-in mmd, to pin the messages of the style guide. */
  @LossName("mmd")
  @LossTarget(TargetKind.SAMPLES)
  @LossParam(
      name = "kernel",
      type = ParameterType.CHOICE,
      defaultValue = "gaussian",
      choices = {"gaussian", "imq"},
      description = "the kernel")
  @LossParam(
      name = "bandwidth",
      defaultValue = "1",
      min = 0,
      minInclusive = false,
      description = "the kernel's bandwidth")
  @LossParam(
      name = "estimator",
      type = ParameterType.CHOICE,
      defaultValue = "biased",
      choices = {"biased", "unbiased"},
      description = "the estimator")
  public static class Mmd extends Loss {
    @Override
    public SDVariable compute(LossContext ctx) {
      return ctx.output().mean().sub(ctx.target().mean());
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
