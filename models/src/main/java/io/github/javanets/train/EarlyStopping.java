package io.github.javanets.train;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * Early stopping as theanets does it: a validation whose {@code loss} is lower than the best by
 * more than {@code minImprovement} (relative) becomes the best and its parameters are kept; after
 * more than {@code patience} validations without one, training stops. The trainer restores the kept
 * parameters at the end. A NaN or infinite validation loss is never an improvement, and any finite
 * one improves on it.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class EarlyStopping implements TrainingListener {
  private static final Object MISSES = new Object();

  @Override
  public void onValidation(TrainingRun run, Map<String, Double> monitors) {
    double loss = monitors.get("loss");
    Double best = run.bestValid().get("loss");
    int[] misses = run.attribute(MISSES, () -> new int[1]);
    if (best == null || Double.isFinite(loss) && improves(loss, best, run)) {
      run.keepAsBest(monitors);
      misses[0] = 0;
    } else if (++misses[0] > run.options().patience()) {
      run.requestStop("patience");
    }
  }

  private static boolean improves(double loss, double best, TrainingRun run) {
    return !Double.isFinite(best) || loss < best - Math.abs(best) * run.options().minImprovement();
  }
}
