package io.github.javanets.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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
  private final List<String> names;
  private final List<long[]> shapes;
  private final List<double[]> sums;

  private Partial(
      int first,
      int shards,
      double[] monitors,
      List<String> names,
      List<long[]> shapes,
      List<double[]> sums) {
    this.first = first;
    this.shards = shards;
    this.monitors = monitors;
    this.names = names;
    this.shapes = shapes;
    this.sums = sums;
  }

  /** One shard's result, its monitors times {@code factor}. */
  static Partial of(ShardResult r, double factor) {
    double[] m = new double[r.monitors().length];
    for (int i = 0; i < m.length; i++) {
      m[i] = factor * r.monitors()[i];
    }
    List<String> names = new ArrayList<>();
    List<long[]> shapes = new ArrayList<>();
    List<double[]> sums = new ArrayList<>();
    if (r.gradients() != null) {
      r.gradients()
          .forEach(
              (name, array) -> {
                names.add(name);
                shapes.add(array.shape());
                sums.add(array.toDoubles().clone());
              });
    }
    return new Partial(r.partition(), 1, m, names, shapes, sums);
  }

  /** The sum of {@code parts}, added in the order of their first partitions; not empty. */
  static Partial sum(List<Partial> parts) {
    List<Partial> ordered = new ArrayList<>(parts);
    ordered.sort(Comparator.comparingInt(p -> p.first));
    Partial head = ordered.get(0);
    double[] m = new double[head.monitors.length];
    List<double[]> sums = new ArrayList<>();
    for (double[] s : head.sums) {
      sums.add(new double[s.length]);
    }
    int shards = 0;
    for (Partial p : ordered) {
      for (int i = 0; i < m.length; i++) {
        m[i] += p.monitors[i];
      }
      for (int a = 0; a < sums.size(); a++) {
        double[] s = sums.get(a);
        double[] v = p.sums.get(a);
        for (int j = 0; j < s.length; j++) {
          s[j] += v[j];
        }
      }
      shards += p.shards;
    }
    return new Partial(head.first, shards, m, head.names, head.shapes, sums);
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
    Map<String, INDArray> out = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      out.put(names.get(i), Nd4j.create(sums.get(i), shapes.get(i), 'c').castTo(type));
    }
    return out;
  }

  /** The bytes the sums take (monitors and gradients in double). */
  long bytes() {
    long b = 8L * monitors.length;
    for (double[] s : sums) {
      b += 8L * s.length;
    }
    return b;
  }
}
