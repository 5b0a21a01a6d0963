package io.github.javanets.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Parameters or gradients as Spark ships them: one array per graph variable, in a fixed order. Sums
 * of blocks are taken in double precision ({@link #add}) and cast back to the model's data type at
 * the end ({@link #toArrays}).
 */
final class ParameterBlock implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<String> names;
  private final List<NamedArray> arrays;

  private ParameterBlock(List<String> names, List<NamedArray> arrays) {
    this.names = names;
    this.arrays = arrays;
  }

  /** The arrays of {@code values} named by {@code order}, copied; a missing one is zeros. */
  static ParameterBlock of(Map<String, INDArray> values, Collection<String> order) {
    List<String> names = new ArrayList<>(order);
    List<NamedArray> arrays = new ArrayList<>();
    for (String n : names) {
      arrays.add(NamedArray.of(values.get(n)));
    }
    return new ParameterBlock(names, arrays);
  }

  /** Assigns each array to the live array of the same name. */
  void assignTo(Map<String, INDArray> live) {
    for (int i = 0; i < names.size(); i++) {
      INDArray target = live.get(names.get(i));
      target.assign(arrays.get(i).toArray().castTo(target.dataType()));
    }
  }

  /** The bytes the values take. */
  long bytes() {
    return arrays.stream().mapToLong(NamedArray::bytes).sum();
  }

  /**
   * A running sum of blocks, in double precision, by name in the order first added; serializable,
   * so that a partial sum can travel between executors (see {@link Partial}).
   */
  static final class Sum implements Serializable {
    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, double[]> sums = new LinkedHashMap<>();
    private final LinkedHashMap<String, long[]> shapes = new LinkedHashMap<>();

    /** Adds {@code b} times {@code factor}. */
    void add(ParameterBlock b, double factor) {
      for (int i = 0; i < b.names.size(); i++) {
        NamedArray a = b.arrays.get(i);
        double[] v = a.toDoubles();
        double[] s = sums.computeIfAbsent(b.names.get(i), k -> new double[v.length]);
        shapes.putIfAbsent(b.names.get(i), a.shape());
        for (int j = 0; j < v.length; j++) {
          s[j] += factor * v[j];
        }
      }
    }

    /** Adds the sums of {@code other}, value by value. */
    void add(Sum other) {
      other.sums.forEach(
          (name, v) -> {
            double[] s = sums.computeIfAbsent(name, k -> new double[v.length]);
            shapes.putIfAbsent(name, other.shapes.get(name));
            for (int j = 0; j < v.length; j++) {
              s[j] += v[j];
            }
          });
    }

    /** The bytes the sums take, in double. */
    long bytes() {
      return sums.values().stream().mapToLong(v -> 8L * v.length).sum();
    }

    /** The sums, by name, as arrays of {@code type}. */
    Map<String, INDArray> toArrays(DataType type) {
      Map<String, INDArray> out = new LinkedHashMap<>();
      sums.forEach((n, s) -> out.put(n, Nd4j.create(s, shapes.get(n), 'c').castTo(type)));
      return out;
    }
  }
}
