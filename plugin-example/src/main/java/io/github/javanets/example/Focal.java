package io.github.javanets.example;

import static org.apiguardian.api.API.Status.STABLE;

import com.google.auto.service.AutoService;
import io.github.javanets.loss.ClassificationLoss;
import io.github.javanets.loss.Decomposable;
import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossContext;
import io.github.javanets.loss.LossParam;
import io.github.javanets.loss.LossSummary;
import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The focal loss, {@code focal}, of class probabilities against integer labels: cross-entropy that
 * down-weights rows the model already gets right, for rare classes.
 *
 * <p>With {@code p = clip(o[i, t_i], 1e-8, 1)}, per row {@code err_i = -(1 - p)^gamma log(p)};
 * {@code gamma >= 0}, default 2 ({@code gamma = 0} is {@code xe}). Unweighted the mean over rows,
 * weighted {@code sum(w_i err_i) / sum(w_i)}.
 */
@AutoService(Loss.class)
@Decomposable
@LossParam(
    name = Focal.GAMMA,
    defaultValue = "2",
    min = 0,
    description = "how strongly easy rows are down-weighted")
@LossSummary("focal loss: -(1 - p)^gamma log(p), p the label's probability")
@API(status = STABLE, since = "0.1")
public final class Focal extends ClassificationLoss {
  /** The parameter {@code gamma}. */
  public static final String GAMMA = "gamma";

  /** Probabilities are clipped to {@code [EPSILON, 1]}. */
  public static final double EPSILON = 1e-8;

  @Override
  public SDVariable compute(LossContext ctx) {
    long[] shape = ctx.outputShape();
    int axis = shape.length - 1;
    SDVariable out = ctx.output();
    SDVariable onehot =
        ctx.sameDiff()
            .oneHot(
                ctx.target().castTo(DataType.INT64),
                (int) shape[axis],
                -1,
                1.0,
                0.0,
                out.dataType());
    SDVariable p = ctx.sameDiff().math().clipByValue(out.mul(onehot).sum(axis), EPSILON, 1.0);
    SDVariable modulation = ctx.sameDiff().math().pow(p.rsub(1.0), doubleParameter(GAMMA));
    return reduce(ctx, modulation.mul(ctx.sameDiff().math().log(p)).neg());
  }
}
