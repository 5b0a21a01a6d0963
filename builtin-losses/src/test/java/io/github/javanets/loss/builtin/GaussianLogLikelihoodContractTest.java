package io.github.javanets.loss.builtin;

import io.github.javanets.testkit.Float64Array;
import io.github.javanets.testkit.Float64Inputs;
import io.github.javanets.testkit.Float64Reference;
import io.github.javanets.testkit.LossContractTest;
import io.github.javanets.testkit.LossFixture;
import io.github.javanets.testkit.LossInputs;
import io.github.javanets.testkit.RandomArrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The loss contract on {@code gll}, which reads two outputs, {@code mean} and {@code covar}: with
 * {@code lambda = 1 / (abs(covar) + covar_eps)}, {@code g = 0.5 (log(2 pi) - log(lambda) + lambda
 * (t - mean)^2)}; unweighted the mean over rows of each row's sum of g, weighted {@code k sum(w g)
 * / sum(w)}.
 */
class GaussianLogLikelihoodContractTest extends LossContractTest {
  @Override
  protected String lossName() {
    return "gll";
  }

  @Override
  protected List<String> aliases() {
    return List.of("gaussianloglikelihood", "gaussian_nll");
  }

  @Override
  protected Map<String, Object> declaredParameters() {
    return Map.of("mean", "mean:out", "covar", "covar:out", "covar_eps", 1e-3);
  }

  @Override
  protected List<String> configurations() {
    return List.of("gll", "gll(covar_eps=0.5)");
  }

  @Override
  protected List<String> nonDefaultSpecs() {
    return List.of("gll(mean=mu, covar='sigma:pre', covar_eps=0.01)", "gll(mean='dec:out')");
  }

  @Override
  protected Map<String, String> badParameters() {
    return Map.of(
        "gll(covar_eps=0)",
        "Parameter 'covar_eps' of loss 'gll' must be > 0, got 0.0.",
        "gll(mean='a:b:c')",
        "Parameter 'mean' of loss 'gll' must be an output name such as 'hid1:out', got 'a:b:c'.");
  }

  /** Means and targets in [-1, 1); covariances of either sign with abs in [0.2, 1.5). */
  @Override
  protected LossFixture fixture() {
    return (shape, random) -> {
      Map<String, INDArray> outputs = new LinkedHashMap<>();
      outputs.put("mean", RandomArrays.uniform(random, -1, 1, shape));
      outputs.put("covar", RandomArrays.signed(random, 0.2, 1.5, shape));
      return LossInputs.of(
          outputs, RandomArrays.uniform(random, -1, 1, shape), RandomArrays.weights(random, shape));
    };
  }

  @Override
  protected Float64Reference reference() {
    return (loss, in) -> value(in, (Double) loss.parameter("covar_eps"));
  }

  private static double value(Float64Inputs in, double eps) {
    Float64Array mean = in.output("mean");
    Float64Array covar = in.output("covar");
    Float64Array t = in.target();
    int k = t.lastAxisSize();
    double[] g = new double[t.length()];
    for (int i = 0; i < g.length; i++) {
      double lambda = 1 / (Math.abs(covar.flat(i)) + eps);
      double d = t.flat(i) - mean.flat(i);
      g[i] = 0.5 * (Math.log(2 * Math.PI) - Math.log(lambda) + lambda * d * d);
    }
    if (in.weighted()) {
      double sum = 0;
      double total = 0;
      for (int i = 0; i < g.length; i++) {
        sum += in.weights().flat(i) * g[i];
        total += in.weights().flat(i);
      }
      return total == 0 ? 0 : k * sum / total;
    }
    double rows = 0;
    for (int r = 0; r < t.rowCount(); r++) {
      double nll = 0;
      for (int j = 0; j < k; j++) {
        nll += g[r * k + j];
      }
      rows += nll;
    }
    return rows / t.rowCount();
  }
}
