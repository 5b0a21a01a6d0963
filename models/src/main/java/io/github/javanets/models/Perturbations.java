package io.github.javanets.models;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The noise and dropout of a training graph: the placeholders {@code noise.<layer>} (added to a
 * layer's output) and {@code mask.<layer>} (multiplied with it) that its regularizers ask for, and
 * the arrays fed to them: Gaussian noise with the regularizer's weight as standard deviation, or
 * inverted dropout masks, shaped like the activations they perturb ({@code (rows, width)}, or
 * {@code (rows, steps, width)} for sequences). Without a source of randomness (evaluation) noise is
 * 0 and masks are 1. A graph without such regularizers gets no placeholder and is fed nothing.
 */
final class Perturbations {
  private final GraphVariables graph;
  private final Map<Regularizer, Double> regularizers;
  private final Map<String, Perturbation> byName = new LinkedHashMap<>();

  /** A noise or dropout placeholder: what it perturbs and how. */
  private record Perturbation(int width, boolean dropout, double weight) {}

  /**
   * @param graph the graph the placeholders are made in
   * @param regularizers the graph's regularizers with their weights; those of noise and dropout are
   *     read
   */
  Perturbations(GraphVariables graph, Map<Regularizer, Double> regularizers) {
    this.graph = graph;
    this.regularizers = regularizers;
  }

  /** The input {@code x} of {@code layer} with input noise and input dropout, where asked for. */
  SDVariable input(SDVariable x, String layer, int width) {
    return perturb(x, layer, width, Regularizer.INPUT_NOISE, Regularizer.INPUT_DROPOUT);
  }

  /** The output {@code h} of hidden layer {@code layer} with hidden noise and dropout. */
  SDVariable hidden(SDVariable h, String layer, int width) {
    return perturb(h, layer, width, Regularizer.HIDDEN_NOISE, Regularizer.HIDDEN_DROPOUT);
  }

  private SDVariable perturb(
      SDVariable x, String layer, int width, Regularizer noise, Regularizer dropout) {
    SDVariable h = x;
    if (regularizers.containsKey(noise)) {
      h = h.add(placeholder("noise." + layer, width, false, regularizers.get(noise)));
    }
    if (regularizers.containsKey(dropout)) {
      h = h.mul(placeholder("mask." + layer, width, true, regularizers.get(dropout)));
    }
    return h;
  }

  private SDVariable placeholder(String name, int width, boolean dropout, double weight) {
    byName.put(name, new Perturbation(width, dropout, weight));
    return graph.sd().placeHolder(name, graph.type(), graph.shape(width));
  }

  /**
   * Adds each placeholder's array to {@code feed}.
   *
   * @param lead the leading dimensions: rows, and steps for sequences
   * @param noise the source of randomness, or null to evaluate
   */
  void feed(Map<String, INDArray> feed, long[] lead, Random noise) {
    byName.forEach((name, p) -> feed.put(name, array(p, lead, noise)));
  }

  private INDArray array(Perturbation p, long[] lead, Random noise) {
    long[] shape = Arrays.copyOf(lead, lead.length + 1);
    shape[lead.length] = p.width();
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    double[] v = new double[(int) n];
    if (noise == null) {
      Arrays.fill(v, p.dropout() ? 1.0 : 0.0);
    } else if (p.dropout()) {
      double keep = 1 - p.weight();
      for (int k = 0; k < v.length; k++) {
        v[k] = noise.nextDouble() < keep ? 1 / keep : 0.0;
      }
    } else {
      for (int k = 0; k < v.length; k++) {
        v[k] = noise.nextGaussian() * p.weight();
      }
    }
    return Nd4j.create(v, shape, DataType.DOUBLE).castTo(graph.type());
  }
}
