package io.github.javanets.loss.builtin;

import static org.apiguardian.api.API.Status.STABLE;

import com.google.auto.service.AutoService;
import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossContext;
import io.github.javanets.loss.LossName;
import io.github.javanets.loss.LossParam;
import io.github.javanets.loss.LossSummary;
import io.github.javanets.loss.LossTarget;
import io.github.javanets.loss.ParameterType;
import io.github.javanets.loss.TargetKind;
import java.util.Arrays;
import java.util.Map;
import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Maximum mean discrepancy, {@code mmd}, between the set of output rows and the set of target rows
 * (samples of two distributions; the sets may differ in size).
 *
 * <ul>
 *   <li>gaussian kernel (default): {@code K(x, y) = exp(-||x - y||^2 / bandwidth)}; imq: {@code
 *       K(x, y) = bandwidth / (bandwidth + ||x - y||^2)}; {@code bandwidth > 0}, default 1.
 *   <li>biased estimator (default): {@code mean(K(t, t)) - 2 mean(K(t, o)) + mean(K(o, o))}, each
 *       mean over all pairs, diagonals included; unbiased: the diagonal pairs left out of the two
 *       within-set means (at least 2 rows each).
 *   <li>weighted: each row carries one weight, the mean of its element weights; with {@code a = w /
 *       sum(w)} the three means become weighted means with pair weight {@code a_i a_j}, the same
 *       {@code a} for target and output rows (so both have the weights' rows). 0 when every weight
 *       is 0.
 *   <li>3-D data {@code (B, T, D)}: rows are compared across the batch at each time step, and the
 *       result is the mean over the time steps. Weighted, a step whose weights are all 0 does not
 *       exist: the mean runs over the steps with some positive weight, and a batch with no such
 *       step gives 0 with gradient 0.
 * </ul>
 */
@AutoService(Loss.class)
@LossName(
    value = "mmd",
    aliases = {"maximummeandiscrepancy"})
@LossTarget(TargetKind.SAMPLES)
@LossParam(
    name = MaximumMeanDiscrepancy.KERNEL,
    type = ParameterType.CHOICE,
    defaultValue = "gaussian",
    choices = {"gaussian", "imq"},
    description = "the kernel: exp(-d^2 / bandwidth) or bandwidth / (bandwidth + d^2)")
@LossParam(
    name = MaximumMeanDiscrepancy.BANDWIDTH,
    defaultValue = "1",
    min = 0,
    minInclusive = false,
    description = "the kernel's scale")
@LossParam(
    name = MaximumMeanDiscrepancy.ESTIMATOR,
    type = ParameterType.CHOICE,
    defaultValue = "biased",
    choices = {"biased", "unbiased"},
    description = "biased keeps the diagonal pairs in the within-set means; unbiased drops them")
@LossSummary("maximum mean discrepancy between output rows and target rows")
@API(status = STABLE, since = "0.1")
public final class MaximumMeanDiscrepancy extends Loss {
  /** The parameter {@code kernel}. */
  public static final String KERNEL = "kernel";

  /** The parameter {@code bandwidth}. */
  public static final String BANDWIDTH = "bandwidth";

  /** The parameter {@code estimator}. */
  public static final String ESTIMATOR = "estimator";

  @Override
  public void checkArrays(Map<String, long[]> outputShapes, INDArray target, INDArray weights) {
    super.checkArrays(outputShapes, target, weights);
    long[] out = outputShapes.values().iterator().next();
    if (out.length != 2 && out.length != 3) {
      throw new IllegalArgumentException(
          "Loss 'mmd' compares rows of 2-D (N, D) or 3-D (B, T, D) arrays; the output has shape "
              + Arrays.toString(out)
              + ".");
    }
    long rows = out[0];
    long targetRows = target.shape()[0];
    if (unbiased() && (rows < 2 || targetRows < 2)) {
      throw new IllegalArgumentException(
          "Loss 'mmd' with estimator=unbiased needs at least 2 rows in the output and in the"
              + " target; got "
              + rows
              + " and "
              + targetRows
              + ".");
    }
    if (weights != null && rows != targetRows) {
      throw new IllegalArgumentException(
          "Weighted loss 'mmd' gives output row i and target row i the same weight, so both need"
              + " the weights' "
              + targetRows
              + " rows; the output has "
              + rows
              + ".");
    }
  }

  private boolean unbiased() {
    return stringParameter(ESTIMATOR).equals("unbiased");
  }

  @Override
  public SDVariable compute(LossContext ctx) {
    SameDiff sd = ctx.sameDiff();
    SDVariable o = ctx.output();
    int rank = ctx.outputShape().length;
    // Work on (steps, rows, features): one step for 2-D data.
    SDVariable x = steps(sd, o, rank);
    SDVariable y = steps(sd, ctx.target(), rank);
    SDVariable a = ctx.weights() == null ? null : rowWeights(sd, ctx.weights(), rank);
    SDVariable within =
        withinMean(sd, kernel(sd, y, y), a).add(withinMean(sd, kernel(sd, x, x), a));
    SDVariable cross = pairMean(kernel(sd, y, x), a);
    SDVariable perStep = within.sub(cross.mul(2.0));
    if (a == null) {
      return perStep.mean();
    }
    // A step without weight has a = 0 and so the value 0: the sum over steps divided by the number
    // of steps that exist (at least 1, so that no step at all gives 0, not NaN).
    SDVariable present = a.sum(1).gt(0.0).castTo(perStep.dataType()).sum();
    return perStep.sum().div(sd.math().max(present, sd.onesLike(present)));
  }

  private static SDVariable steps(SameDiff sd, SDVariable v, int rank) {
    return rank == 2 ? sd.expandDims(v, 0) : sd.permute(v, 1, 0, 2);
  }

  /** Row weights normalized per step, {@code a = w / sum(w)} (0 for an all-zero step): (T, N). */
  private static SDVariable rowWeights(SameDiff sd, SDVariable w, int rank) {
    SDVariable perRow = w.mean(rank - 1);
    SDVariable byStep = rank == 2 ? sd.expandDims(perRow, 0) : sd.permute(perRow, 1, 0);
    SDVariable total = byStep.sum(true, 1);
    return byStep.div(total.add(total.eq(0.0).castTo(total.dataType())));
  }

  /** Kernel values between every row of {@code p} and every row of {@code q}: (T, Np, Nq). */
  private SDVariable kernel(SameDiff sd, SDVariable p, SDVariable q) {
    SDVariable pp = p.mul(p).sum(true, 2);
    SDVariable qq = sd.permute(q.mul(q).sum(true, 2), 0, 2, 1);
    SDVariable d = pp.add(qq).sub(sd.mmul(p, q, false, true, false).mul(2.0));
    double bandwidth = doubleParameter(BANDWIDTH);
    if (stringParameter(KERNEL).equals("imq")) {
      return d.add(bandwidth).rdiv(bandwidth);
    }
    return sd.math().exp(d.div(-bandwidth));
  }

  /** The (weighted) mean over all pairs of a (T, N, M) kernel matrix: (T). */
  private static SDVariable pairMean(SDVariable k, SDVariable a) {
    if (a == null) {
      return k.mean(1, 2);
    }
    return k.mul(outer(a)).sum(1, 2);
  }

  /** The (weighted) mean over the pairs of a (T, N, N) within-set kernel matrix: (T). */
  private SDVariable withinMean(SameDiff sd, SDVariable k, SDVariable a) {
    if (!unbiased()) {
      return pairMean(k, a);
    }
    // Both kernels give K(x, x) = 1, so the diagonal sum is known: n (unweighted), sum(a^2).
    SDVariable offDiagonalSum;
    SDVariable pairs;
    if (a == null) {
      SDVariable n = sd.onesLike(k.sum(2)).sum(1);
      offDiagonalSum = k.sum(1, 2).sub(n);
      pairs = n.mul(n.sub(1.0));
    } else {
      SDVariable squares = a.mul(a).sum(1);
      offDiagonalSum = k.mul(outer(a)).sum(1, 2).sub(squares);
      pairs = squares.rsub(1.0);
      pairs = pairs.add(pairs.eq(0.0).castTo(pairs.dataType()));
    }
    return offDiagonalSum.div(pairs);
  }

  /** {@code a_i a_j} for (T, N) weights: (T, N, N). */
  private static SDVariable outer(SDVariable a) {
    SameDiff sd = a.getSameDiff();
    return sd.expandDims(a, 2).mul(sd.expandDims(a, 1));
  }
}
