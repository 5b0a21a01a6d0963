package io.github.javanets.train;

import io.github.javanets.models.TrainOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The parameter update of one training run: for each parameter, an updater with its state and a
 * gradient buffer, both allocated once per run. Each step copies the gradient into its buffer
 * (instead of allocating a copy), scales it when the gradient norm is clipped, lets the updater
 * turn it into the update in place, and subtracts it from the parameter. The arithmetic is the one
 * of a fresh copy per step, element for element, so results are bit-for-bit the same.
 */
final class ParameterUpdate {
  private final List<String> names = new ArrayList<>();
  private final List<INDArray> parameters = new ArrayList<>();
  private final List<GradientUpdater<?>> updaters = new ArrayList<>();
  private final List<INDArray> shaped = new ArrayList<>();
  private final List<INDArray> flat = new ArrayList<>();

  ParameterUpdate(Map<String, INDArray> params, IUpdater config) {
    for (Map.Entry<String, INDArray> p : params.entrySet()) {
      INDArray param = p.getValue();
      long size = config.stateSize(param.length());
      INDArray state = size == 0 ? null : Nd4j.zeros(param.dataType(), 1, size);
      INDArray buffer = Nd4j.createUninitialized(param.dataType(), param.shape(), 'c');
      names.add(p.getKey());
      parameters.add(param);
      updaters.add(config.instantiate(state, true));
      shaped.add(buffer);
      flat.add(buffer.reshape('c', 1, param.length()));
    }
  }

  /**
   * Applies one step.
   *
   * @param gradients gradient by parameter name; a parameter without one is left as it is
   * @param options the run's options (gradient clipping)
   * @param iteration the step's index in the run
   * @param epoch the epoch
   */
  void apply(Map<String, INDArray> gradients, TrainOptions options, int iteration, int epoch) {
    double scale = scale(gradients, options.maxGradientNorm());
    for (int i = 0; i < names.size(); i++) {
      INDArray g = gradients.get(names.get(i));
      if (g == null) {
        continue;
      }
      INDArray buffer = shaped.get(i);
      buffer.assign(g);
      INDArray update = flat.get(i);
      if (scale != 1.0) {
        update.muli(scale);
      }
      updaters.get(i).applyUpdater(update, iteration, epoch);
      parameters.get(i).subi(buffer);
    }
  }

  private static double scale(Map<String, INDArray> gradients, double maxNorm) {
    if (maxNorm <= 0) {
      return 1.0;
    }
    double squares = 0;
    for (INDArray g : gradients.values()) {
      double n = g.norm2Number().doubleValue();
      squares += n * n;
    }
    double norm = Math.sqrt(squares);
    return norm > maxNorm ? maxNorm / norm : 1.0;
  }
}
