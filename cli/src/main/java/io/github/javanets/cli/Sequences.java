package io.github.javanets.cli;

import io.github.javanets.models.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The rows of a CSV table grouped into sequences by the value of one column: rows with the same
 * value form one sequence, in file order, and the sequences come in the order of their first rows.
 * Puts sequences of different lengths into one {@code (batch, time, features)} array by padding
 * them at the end, with weight 0 on the padded steps, and takes a model's per-step outputs back to
 * one per row. Immutable.
 */
final class Sequences {
  private final List<int[]> rows;

  private Sequences(List<int[]> rows) {
    this.rows = List.copyOf(rows);
  }

  /**
   * Groups the rows of {@code table} by the value of {@code column}.
   *
   * @param role how the column was named, for the message when it is missing
   * @throws IllegalArgumentException if the table has no such column or a row has no sequence id
   */
  static Sequences group(CsvTable table, String column, String role) {
    int c = table.column(column, role);
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int r = 0; r < table.rows(); r++) {
      String id = table.nonEmpty(r, c, "the id of its sequence");
      groups.computeIfAbsent(id, k -> new ArrayList<>()).add(r);
    }
    List<int[]> rows = new ArrayList<>();
    groups.values().forEach(g -> rows.add(g.stream().mapToInt(Integer::intValue).toArray()));
    return new Sequences(rows);
  }

  /** The number of sequences. */
  int count() {
    return rows.size();
  }

  /** The number of rows in every sequence together. */
  int rows() {
    return rows.stream().mapToInt(s -> s.length).sum();
  }

  /** The length of the longest sequence. */
  int longest() {
    return rows.stream().mapToInt(s -> s.length).max().orElse(0);
  }

  /** The length of the shortest sequence. */
  int shortest() {
    return rows.stream().mapToInt(s -> s.length).min().orElse(0);
  }

  /** The sequences at {@code indexes}, in that order. */
  Sequences select(int[] indexes) {
    List<int[]> selected = new ArrayList<>();
    for (int i : indexes) {
      selected.add(rows.get(i));
    }
    return new Sequences(selected);
  }

  /** The inputs of {@code data}, {@code (B, steps, I)} FLOAT, padded with zeros. */
  INDArray inputs(TableData data, int steps) {
    return Nd4j.createFromArray(pad(data.inputRows(), steps, 0)).castTo(DataType.FLOAT);
  }

  /**
   * The padded dataset: inputs {@code (B, steps, I)}, the target ({@code (B, steps, O)} values or
   * {@code (B, steps)} labels) and weights shaped like the target, each row's weight (1 without
   * weights) on its step and 0 on the padded steps.
   */
  Dataset dataset(TableData data, int steps) {
    Dataset.Builder b = Dataset.builder().inputs(inputs(data, steps));
    if (data.targetRows() != null) {
      b.target(Nd4j.createFromArray(pad(data.targetRows(), steps, 0)).castTo(DataType.FLOAT));
    } else if (data.labelRows() != null) {
      b.target(Nd4j.createFromArray(labels(data.labelRows(), steps)));
    }
    int width = data.labelRows() != null ? 1 : data.outputWidth();
    INDArray w = Nd4j.createFromArray(pad(weights(data, width), steps, 0)).castTo(DataType.FLOAT);
    b.weights(data.labelRows() != null ? w.reshape(w.size(0), w.size(1)) : w);
    return b.build();
  }

  private static double[][] weights(TableData data, int width) {
    if (data.weightRows() != null) {
      return data.weightRows();
    }
    double[][] ones = new double[data.rows()][width];
    for (double[] row : ones) {
      Arrays.fill(row, 1.0);
    }
    return ones;
  }

  private double[][][] pad(double[][] values, int steps, double fill) {
    int width = values.length == 0 ? 0 : values[0].length;
    double[][][] padded = new double[rows.size()][steps][width];
    for (int s = 0; s < rows.size(); s++) {
      int[] sequence = rows.get(s);
      for (int t = 0; t < steps; t++) {
        if (t < sequence.length) {
          padded[s][t] = values[sequence[t]].clone();
        } else {
          Arrays.fill(padded[s][t], fill);
        }
      }
    }
    return padded;
  }

  private long[][] labels(long[] labels, int steps) {
    long[][] padded = new long[rows.size()][steps];
    for (int s = 0; s < rows.size(); s++) {
      int[] sequence = rows.get(s);
      for (int t = 0; t < sequence.length; t++) {
        padded[s][t] = labels[sequence[t]];
      }
    }
    return padded;
  }

  /**
   * A model's per-step outputs back to one per row, in row order: {@code (B, T, k)} to {@code (N,
   * k)}, or {@code (B, T)} to {@code (N)}; the padded steps are dropped.
   *
   * @param padded the outputs for {@link #inputs}; not null
   */
  INDArray unpad(INDArray padded) {
    int n = rows.stream().flatMapToInt(Arrays::stream).max().orElse(-1) + 1;
    boolean perClass = padded.rank() == 3;
    INDArray out =
        perClass
            ? Nd4j.create(padded.dataType(), n, padded.size(2))
            : Nd4j.create(padded.dataType(), n);
    for (int s = 0; s < rows.size(); s++) {
      int[] sequence = rows.get(s);
      for (int t = 0; t < sequence.length; t++) {
        if (perClass) {
          out.putRow(sequence[t], padded.slice(s).getRow(t));
        } else {
          out.putScalar(sequence[t], padded.getDouble(s, t));
        }
      }
    }
    return out;
  }
}
