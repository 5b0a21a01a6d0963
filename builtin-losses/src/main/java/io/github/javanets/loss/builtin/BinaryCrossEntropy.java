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
 * Binary cross-entropy, {@code bce}, for outputs and targets in {@code [0, 1]}.
 *
 * <p>Per element {@code err = -(t log p + (1 - t) log(1 - p))} with {@code p = clip(o, 1e-7, 1 -
 * 1e-7)} (the clip keeps a saturated float sigmoid finite and changes nothing for {@code p} inside
 * that range); unweighted {@code mean(err)}, weighted {@code sum(w * err) / sum(w)}.
 */
@AutoService(Loss.class)
@Decomposable
@LossName(
    value = "bce",
    aliases = {"binary_crossentropy"})
@LossSummary("binary cross-entropy: -(t log o + (1 - t) log(1 - o))")
@API(status = STABLE, since = "0.1")
public final class BinaryCrossEntropy extends Loss {
  /** Outputs are clipped to {@code [EPSILON, 1 - EPSILON]} before the logarithms. */
  public static final double EPSILON = 1e-7;

  @Override
  public SDVariable compute(LossContext ctx) {
    SDMath math = ctx.sameDiff().math();
    SDVariable p = math.clipByValue(ctx.output(), EPSILON, 1 - EPSILON);
    SDVariable t = ctx.target();
    SDVariable err = t.mul(math.log(p)).add(t.rsub(1.0).mul(math.log(p.rsub(1.0)))).neg();
    return reduce(ctx, err);
  }
}
