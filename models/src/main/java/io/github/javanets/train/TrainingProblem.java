package io.github.javanets.train;

import io.github.javanets.models.Dataset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a {@link Trainer} trains: a SameDiff graph whose scalar monitors it evaluates on each
 * minibatch, and whose parameters it updates with the gradient of the first monitor, the total
 * objective. Models make one for each training run.
 */
public interface TrainingProblem {
  /** The graph; never null. */
  SameDiff graph();

  /** The trainable parameters by graph variable name, as live arrays updated in place. */
  Map<String, INDArray> parameters();

  /**
   * The monitors' names, {@code "loss"} (the objective) first, then {@code "err"}, each loss by
   * name, and others such as {@code "acc"} or regularizer terms.
   */
  List<String> monitorNames();

  /** The graph variables holding the monitors, in {@link #monitorNames()}'s order. */
  List<String> monitorVariables();

  /**
   * The placeholder values for a minibatch.
   *
   * @param batch rows of a dataset; not null
   * @param noise the source of training noise and dropout masks, or null to evaluate without them
   * @return placeholder name to array; never null
   */
  Map<String, INDArray> feed(Dataset batch, Random noise);
}
