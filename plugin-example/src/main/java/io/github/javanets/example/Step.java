package io.github.javanets.example;

import static org.apiguardian.api.API.Status.STABLE;

import com.google.auto.service.AutoService;
import io.github.javanets.loss.Decomposable;
import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossContext;
import io.github.javanets.loss.LossSummary;
import io.github.javanets.loss.LossTarget;
import io.github.javanets.loss.TargetKind;
import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The mission's example, {@code step}: named from its class. Per element {@code err = 1} where the
 * output is above 0, else 0; unweighted the mean (the fraction of positive outputs), weighted
 * {@code sum(w * err) / sum(w)}. Its gradient is 0 almost everywhere: use it as a monitor beside a
 * trainable loss, with weight 0 if it should not count in the objective.
 */
@AutoService(Loss.class)
@Decomposable
@LossTarget(TargetKind.NONE)
@LossSummary("fraction of outputs above 0: o > 0")
@API(status = STABLE, since = "0.1")
public class Step extends Loss {
  @Override
  public SDVariable compute(LossContext ctx) {
    SDVariable step = ctx.output().gt(0.0).castTo(ctx.output().dataType());
    return reduce(ctx, step);
  }
}
