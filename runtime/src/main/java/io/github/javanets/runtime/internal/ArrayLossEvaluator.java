package io.github.javanets.runtime.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.javanets.loss.ClassificationLoss;
import io.github.javanets.loss.Loss;
import io.github.javanets.loss.spi.EvaluationCache;
import io.github.javanets.loss.spi.LossEvaluator;
import java.util.Map;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The runtime's {@link LossEvaluator}, registered in {@code
 * META-INF/services/io.github.javanets.loss.spi.LossEvaluator}: what {@code Loss.value}, {@code
 * Loss.gradient} and {@code ClassificationLoss.accuracy} run. Stateless; the graphs live in each
 * loss's {@link EvaluationCache}.
 */
@API(status = INTERNAL, since = "0.1")
public final class ArrayLossEvaluator implements LossEvaluator {
  /** For {@link java.util.ServiceLoader}. */
  public ArrayLossEvaluator() {}

  @Override
  public double value(
      Loss loss,
      EvaluationCache cache,
      Map<String, INDArray> outputs,
      INDArray target,
      INDArray weights) {
    return LossEvaluation.value(
        loss, cache, LossEvaluation.Expression.VALUE, loss::compute, outputs, target, weights);
  }

  @Override
  public Map<String, INDArray> gradient(
      Loss loss,
      EvaluationCache cache,
      Map<String, INDArray> outputs,
      INDArray target,
      INDArray weights) {
    return LossEvaluation.gradient(loss, cache, outputs, target, weights);
  }

  @Override
  public double accuracy(
      ClassificationLoss loss,
      EvaluationCache cache,
      Map<String, INDArray> outputs,
      INDArray labels,
      INDArray weights) {
    return LossEvaluation.value(
        loss, cache, LossEvaluation.Expression.ACCURACY, loss::accuracy, outputs, labels, weights);
  }
}
