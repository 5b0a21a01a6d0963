package io.github.javanets.train;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * Stops training with an error as soon as a minibatch's objective is NaN or infinite, naming the
 * epoch, the minibatch and the first objective term (loss or regularizer) that went bad, before the
 * bad gradient reaches the parameters: a {@link TrainingDivergedException}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class NanGuard implements TrainingListener {
  @Override
  public void onBatch(TrainingRun run, int batch, Map<String, Double> monitors) {
    double loss = monitors.get("loss");
    if (Double.isFinite(loss)) {
      return;
    }
    for (Map.Entry<String, Double> m : monitors.entrySet()) {
      String name = m.getKey();
      if (!name.equals("loss") && !name.equals("err") && !Double.isFinite(m.getValue())) {
        throw Errors.trainingDiverged(run.epoch(), batch, name, m.getValue());
      }
    }
    throw Errors.trainingDiverged(run.epoch(), batch, null, loss);
  }
}
