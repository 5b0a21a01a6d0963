package io.github.javanets.loss.spi;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.javanets.loss.ClassificationLoss;
import io.github.javanets.loss.Loss;
import java.util.Map;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Evaluates a loss on plain arrays: what {@link Loss#value}, {@link Loss#gradient} and {@link
 * ClassificationLoss#accuracy} delegate to. <b>For javanets-runtime only</b>, which registers the
 * one implementation as a {@link java.util.ServiceLoader} provider of this interface; see the
 * package documentation.
 *
 * <p>Each method gets the loss's own {@link EvaluationCache}, in which it keeps the graphs it
 * builds, and must be safe to call from several threads at once. The arrays it is given are the
 * caller's, unchecked; what it returns belongs to the caller.
 */
@API(status = INTERNAL, since = "0.1", consumers = "io.github.javanets.runtime")
public interface LossEvaluator {
  /**
   * The loss's value, as {@link Loss#value(Map, INDArray, INDArray)} documents it.
   *
   * @param loss the loss; not null
   * @param cache the loss's cache of graphs; not null
   * @param outputs the outputs by name; not null
   * @param target the target, or null
   * @param weights the weights, or null
   * @return the value
   * @throws IllegalArgumentException for missing outputs or bad arrays, naming them
   */
  double value(
      Loss loss,
      EvaluationCache cache,
      Map<String, INDArray> outputs,
      INDArray target,
      INDArray weights);

  /**
   * The gradient of the loss's value with respect to each given output, as {@link
   * Loss#gradient(Map, INDArray, INDArray)} documents it.
   *
   * @return a map with the keys of {@code outputs}; never null
   * @throws IllegalArgumentException for missing outputs or bad arrays, naming them
   * @see #value
   */
  Map<String, INDArray> gradient(
      Loss loss,
      EvaluationCache cache,
      Map<String, INDArray> outputs,
      INDArray target,
      INDArray weights);

  /**
   * The accuracy of a classification loss, as {@link ClassificationLoss#accuracy(INDArray,
   * INDArray, INDArray)} documents it.
   *
   * @param loss the loss; not null
   * @param cache the loss's cache of graphs; not null
   * @param outputs the one output, by the name the loss reads; not null
   * @param labels the labels; not null
   * @param weights the weights, or null
   * @return the accuracy in [0, 1]
   * @throws IllegalArgumentException for bad arrays, naming them
   */
  double accuracy(
      ClassificationLoss loss,
      EvaluationCache cache,
      Map<String, INDArray> outputs,
      INDArray labels,
      INDArray weights);
}
