package io.github.javanets.spark;

import io.github.javanets.models.Autoencoder;
import io.github.javanets.models.Classifier;
import io.github.javanets.models.Model;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Rows of a Spark {@code Dataset<Row>} as batches of a feed-forward model: each partition's rows,
 * in order, cut into batches of {@code ceil(batchSize / partitions)} rows, so that a global
 * minibatch (the {@code b}-th batch of every partition) holds about {@code batchSize} rows.
 */
final class RowBatches implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int[] inputs;
  private final int[] targets;
  private final int weights;
  private final String[] names;
  private final boolean labels;
  private final boolean autoencoder;
  private final boolean doubles;
  private final int rowsPerBatch;

  private RowBatches(
      int[] inputs,
      int[] targets,
      int weights,
      String[] names,
      boolean labels,
      boolean autoencoder,
      boolean doubles,
      int rowsPerBatch) {
    this.inputs = inputs;
    this.targets = targets;
    this.weights = weights;
    this.names = names;
    this.labels = labels;
    this.autoencoder = autoencoder;
    this.doubles = doubles;
    this.rowsPerBatch = rowsPerBatch;
  }

  /**
   * The batches of {@code rows} for {@code model}.
   *
   * @throws IllegalArgumentException for a column the rows lack
   */
  static JavaRDD<Batch> of(
      org.apache.spark.sql.Dataset<Row> rows, RowColumns columns, Model model, int batchSize) {
    List<String> present = Arrays.asList(rows.columns());
    List<String> inputNames = new ArrayList<>(columns.inputs());
    if (inputNames.isEmpty()) {
      for (String c : present) {
        if (!columns.targets().contains(c) && !c.equals(columns.weights())) {
          inputNames.add(c);
        }
      }
      if (inputNames.isEmpty()) {
        throw Errors.noInputColumns(present);
      }
    }
    int partitions = Math.max(1, rows.rdd().getNumPartitions());
    RowBatches cut =
        new RowBatches(
            indices(inputNames, present),
            indices(columns.targets(), present),
            columns.weights() == null ? -1 : indices(List.of(columns.weights()), present)[0],
            present.toArray(new String[0]),
            model instanceof Classifier,
            model instanceof Autoencoder,
            model.dataType() == DataType.DOUBLE,
            (batchSize + partitions - 1) / partitions);
    return rows.javaRDD().mapPartitions(cut::cut);
  }

  private static int[] indices(List<String> names, List<String> present) {
    int[] out = new int[names.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = present.indexOf(names.get(i));
      if (out[i] < 0) {
        throw Errors.unknownColumn(names.get(i), present);
      }
    }
    return out;
  }

  private Iterator<Batch> cut(Iterator<Row> rows) {
    List<Batch> out = new ArrayList<>();
    List<Row> chunk = new ArrayList<>();
    while (rows.hasNext()) {
      chunk.add(rows.next());
      if (chunk.size() == rowsPerBatch) {
        out.add(batch(chunk));
        chunk.clear();
      }
    }
    if (!chunk.isEmpty()) {
      out.add(batch(chunk));
    }
    return out.iterator();
  }

  private Batch batch(List<Row> rows) {
    int n = rows.size();
    Map<String, NamedArray> arrays = new LinkedHashMap<>();
    arrays.put("inputs", values(rows, inputs));
    int width = autoencoder ? inputs.length : targets.length;
    if (!autoencoder && labels) {
      long[] l = new long[n];
      for (int r = 0; r < n; r++) {
        l[r] = (long) number(rows.get(r), targets[0]);
      }
      arrays.put("target", NamedArray.ofLongs(new long[] {n}, l));
    } else if (!autoencoder) {
      arrays.put("target", values(rows, targets));
    }
    if (weights >= 0) {
      long[] shape = labels ? new long[] {n} : new long[] {n, width};
      int per = labels ? 1 : width;
      double[] w = new double[n * per];
      for (int r = 0; r < n; r++) {
        Arrays.fill(w, r * per, (r + 1) * per, number(rows.get(r), weights));
      }
      arrays.put("weights", array(shape, w));
    }
    return Batch.of(arrays, n);
  }

  private NamedArray values(List<Row> rows, int[] columns) {
    int n = rows.size();
    double[] v = new double[n * columns.length];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < columns.length; c++) {
        v[r * columns.length + c] = number(rows.get(r), columns[c]);
      }
    }
    return array(new long[] {n, columns.length}, v);
  }

  private NamedArray array(long[] shape, double[] v) {
    if (doubles) {
      return NamedArray.ofDoubles(shape, v);
    }
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return NamedArray.ofFloats(shape, f);
  }

  private double number(Row row, int column) {
    Object v = row.get(column);
    if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      throw Errors.badCell(names[column], v);
    }
    return n.doubleValue();
  }
}
