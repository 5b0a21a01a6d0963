package io.github.javanets.models;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The noise and dropout placeholders of a graph and the arrays fed to them: Gaussian noise with the
 * regularizer's weight as standard deviation, or inverted dropout masks, shaped like the
 * activations they perturb ({@code (rows, width)}, or {@code (rows, steps, width)} for sequences).
 * Without a source of randomness (evaluation) noise is 0 and masks are 1.
 */
final class Perturbations {
  private final Map<String, Perturbation> byName = new LinkedHashMap<>();
  private final DataType type;

  /** A noise or dropout placeholder: what it perturbs and how. */
  private static final class Perturbation {
    final int width;
    final boolean dropout;
    final double weight;

    Perturbation(int width, boolean dropout, double weight) {
      this.width = width;
      this.dropout = dropout;
      this.weight = weight;
    }
  }

  Perturbations(DataType type) {
    this.type = type;
  }

  /** Records a placeholder perturbing {@code width} units. */
  void add(String name, int width, boolean dropout, double weight) {
    byName.put(name, new Perturbation(width, dropout, weight));
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
    shape[lead.length] = p.width;
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    double[] v = new double[(int) n];
    if (noise == null) {
      Arrays.fill(v, p.dropout ? 1.0 : 0.0);
    } else if (p.dropout) {
      double keep = 1 - p.weight;
      for (int k = 0; k < v.length; k++) {
        v[k] = noise.nextDouble() < keep ? 1 / keep : 0.0;
      }
    } else {
      for (int k = 0; k < v.length; k++) {
        v[k] = noise.nextGaussian() * p.weight;
      }
    }
    return Nd4j.create(v, shape, DataType.DOUBLE).castTo(type);
  }
}
