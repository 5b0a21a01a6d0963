package io.github.javanets.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The sum of the results of consecutive shards of a step, in double precision: what one shard
 * gives, what a group of a tree combine ships up a level, and what the driver adds up. Sums are
 * always taken in the order of the shards' partitions, whichever executor computed which part and
 * however often a task ran, so a step's sums are the same, bit for bit, from run to run.
 */
final class Partial implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int first;
  private final int shards;
  private final double[] monitors;
  private final ParameterBlock.Sum gradients;

  private Partial(int first, int shards, double[] monitors, ParameterBlock.Sum gradients) {
    this.first = first;
    this.shards = shards;
    this.monitors = monitors;
    this.gradients = gradients;
  }

  /** One shard's result, its monitors times {@code factor}. */
  static Partial of(ShardResult r, double factor) {
    double[] m = new double[r.monitors().length];
    for (int i = 0; i < m.length; i++) {
      m[i] = factor * r.monitors()[i];
    }
    ParameterBlock.Sum g = new ParameterBlock.Sum();
    if (r.gradients() != null) {
      g.add(r.gradients(), 1.0);
    }
    return new Partial(r.partition(), 1, m, g);
  }

  /** The sum of {@code parts}, added in the order of their first partitions; not empty. */
  static Partial sum(List<Partial> parts) {
    List<Partial> ordered = new ArrayList<>(parts);
    ordered.sort(Comparator.comparingInt(p -> p.first));
    double[] m = new double[ordered.get(0).monitors.length];
    ParameterBlock.Sum g = new ParameterBlock.Sum();
    int shards = 0;
    for (Partial p : ordered) {
      for (int i = 0; i < m.length; i++) {
        m[i] += p.monitors[i];
      }
      g.add(p.gradients);
      shards += p.shards;
    }
    return new Partial(ordered.get(0).first, shards, m, g);
  }

  /** The first partition summed here: its place in the order. */
  int first() {
    return first;
  }

  /** The shards summed here. */
  int shards() {
    return shards;
  }

  /** The summed monitors. */
  double[] monitors() {
    return monitors;
  }

  /** The summed gradients as arrays of {@code type}, by name, in the parameters' order. */
  Map<String, INDArray> gradients(DataType type) {
    return gradients.toArrays(type);
  }

  /** The bytes the sums take (monitors and gradients in double). */
  long bytes() {
    return 8L * monitors.length + gradients.bytes();
  }
}
