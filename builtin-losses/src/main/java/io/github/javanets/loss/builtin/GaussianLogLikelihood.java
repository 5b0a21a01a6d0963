package io.github.javanets.loss.builtin;

import static org.apiguardian.api.API.Status.STABLE;

import com.google.auto.service.AutoService;
import io.github.javanets.loss.Decomposable;
import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossContext;
import io.github.javanets.loss.LossName;
import io.github.javanets.loss.LossParam;
import io.github.javanets.loss.LossSummary;
import io.github.javanets.loss.ParameterType;
import java.util.Arrays;
import java.util.Map;
import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.ops.SDMath;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gaussian negative log-likelihood, {@code gll}, of the target under a diagonal Gaussian whose mean
 * and covariance are two outputs.
 *
 * <p>Reads outputs {@code mean} and {@code covar} (parameters, defaults {@code "mean"} and {@code
 * "covar"}), each shaped like the target. With {@code lambda = 1 / (abs(covar) + covar_eps)}
 * ({@code covar_eps > 0}, default {@code 1e-3}), each element contributes {@code g = 0.5 * (log(2
 * pi) - log(lambda) + lambda * (t - mean)^2)} and a row's negative log-likelihood is the sum of its
 * {@code g} over the last axis. Unweighted: the mean over rows of that sum, {@code k * mean(g)}.
 * Weighted: {@code k * sum(w * g) / sum(w)}, equal to the unweighted value when all weights are 1.
 */
@AutoService(Loss.class)
@Decomposable
@LossName(
    value = "gll",
    aliases = {"gaussianloglikelihood", "gaussian_nll"})
@LossParam(
    name = GaussianLogLikelihood.MEAN,
    type = ParameterType.OUTPUT,
    defaultValue = "mean",
    description = "the output holding the Gaussian's mean")
@LossParam(
    name = GaussianLogLikelihood.COVAR,
    type = ParameterType.OUTPUT,
    defaultValue = "covar",
    description = "the output holding the diagonal covariance (its absolute value is used)")
@LossParam(
    name = GaussianLogLikelihood.COVAR_EPS,
    defaultValue = "1e-3",
    min = 0,
    minInclusive = false,
    description = "added to abs(covar) before it is inverted")
@LossSummary("Gaussian negative log-likelihood of t under N(mean, abs(covar) + covar_eps)")
@API(status = STABLE, since = "0.1")
public final class GaussianLogLikelihood extends Loss {
  /** The parameter naming the mean output. */
  public static final String MEAN = "mean";

  /** The parameter naming the covariance output. */
  public static final String COVAR = "covar";

  /** The parameter {@code covar_eps}. */
  public static final String COVAR_EPS = "covar_eps";

  private static final double LOG_2_PI = Math.log(2 * Math.PI);

  @Override
  public void checkArrays(Map<String, long[]> outputShapes, INDArray target, INDArray weights) {
    super.checkArrays(outputShapes, target, weights);
    for (Map.Entry<String, long[]> e : outputShapes.entrySet()) {
      if (!Arrays.equals(e.getValue(), target.shape())) {
        throw new IllegalArgumentException(
            "Loss 'gll' reads output '"
                + e.getKey()
                + "' of shape "
                + Arrays.toString(e.getValue())
                + " but the target has shape "
                + Arrays.toString(target.shape())
                + "; mean and covar must have the target's shape.");
      }
    }
  }

  @Override
  public SDVariable compute(LossContext ctx) {
    SDMath math = ctx.sameDiff().math();
    SDVariable mean = ctx.output(stringParameter(MEAN));
    SDVariable covar = math.abs(ctx.output(stringParameter(COVAR))).add(doubleParameter(COVAR_EPS));
    SDVariable diff = ctx.target().sub(mean);
    // -log(lambda) = log(covar) and lambda * d^2 = d^2 / covar
    SDVariable g = math.log(covar).add(diff.mul(diff).div(covar)).add(LOG_2_PI).mul(0.5);
    long[] shape = ctx.outputShape(stringParameter(MEAN));
    return reduce(ctx, g).mul((double) shape[shape.length - 1]);
  }
}
