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
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.IntegralType;
import org.apache.spark.sql.types.StringType;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Rows of a Spark {@code Dataset<Row>} as batches. For a feed-forward model: each partition's rows,
 * in order, cut into batches of {@code ceil(batchSize / partitions)} rows, so that a global
 * minibatch (the {@code b}-th batch of every partition) holds about {@code batchSize} rows. For a
 * recurrent model: the rows shuffled by sequence id into as many partitions ({@code
 * repartition(partitions, id)}: the sequence with id {@code v} goes to partition {@code
 * pmod(hash(v), partitions)}) and sorted by id and order ({@code sortWithinPartitions}), so that
 * each partition holds whole sequences in the order of their ids, each in the order column's order;
 * each partition's sequences cut into batches of {@code ceil(batchSize / partitions)} sequences,
 * padded at the end to the stated steps with zeros and weight 0. Both are deterministic: the same
 * rows give the same batches on every run and every retried task.
 *
 * <p>Rows that cannot be made into batches (a cell that is not a number, a bad sequence) give, in
 * place of the partition's batches, one {@link Batch#failed} batch that the survey before training
 * reports, naming the partition.
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
  private final int examplesPerBatch;
  private final int sequence;
  private final int order;
  private final int steps;

  private RowBatches(
      int[] inputs,
      int[] targets,
      int weights,
      String[] names,
      Model model,
      int examplesPerBatch,
      int sequence,
      int order,
      int steps) {
    this.inputs = inputs;
    this.targets = targets;
    this.weights = weights;
    this.names = names;
    this.labels =
        model instanceof Classifier
            || model instanceof io.github.javanets.models.recurrent.Classifier;
    this.autoencoder =
        model instanceof Autoencoder
            || model instanceof io.github.javanets.models.recurrent.Autoencoder;
    this.doubles = model.dataType() == DataType.DOUBLE;
    this.examplesPerBatch = examplesPerBatch;
    this.sequence = sequence;
    this.order = order;
    this.steps = steps;
  }

  /**
   * The batches of {@code rows} for {@code model}.
   *
   * @throws IllegalArgumentException for a column the rows lack, a column with two roles, a
   *     recurrent model without a sequence column, a feed-forward one with one, a recurrent model
   *     that is not weighted, or a sequence column of a type that cannot hold ids
   */
  static JavaRDD<Batch> of(
      org.apache.spark.sql.Dataset<Row> rows, RowColumns columns, Model model, int batchSize) {
    checkModel(model, columns);
    List<String> present = Arrays.asList(rows.columns());
    int partitions = Math.max(1, rows.rdd().getNumPartitions());
    RowBatches cut =
        new RowBatches(
            indices(inputNames(columns, present), present),
            indices(columns.targets(), present),
            columns.weights() == null ? -1 : indices(List.of(columns.weights()), present)[0],
            present.toArray(new String[0]),
            model,
            (batchSize + partitions - 1) / partitions,
            columns.sequential() ? indices(List.of(columns.sequence()), present)[0] : -1,
            columns.sequential() ? indices(List.of(columns.order()), present)[0] : -1,
            columns.steps());
    if (!columns.sequential()) {
      return rows.javaRDD().mapPartitions(cut::cut);
    }
    org.apache.spark.sql.types.DataType idType = rows.schema().fields()[cut.sequence].dataType();
    if (!(idType instanceof StringType) && !(idType instanceof IntegralType)) {
      throw Errors.sequenceIdType(columns.sequence(), idType.simpleString());
    }
    Column id = rows.col(quoted(columns.sequence()));
    Column t = rows.col(quoted(columns.order()));
    return rows.repartition(partitions, id)
        .sortWithinPartitions(id, t)
        .javaRDD()
        .mapPartitions(cut::cutSequences);
  }

  /** Sequences for a recurrent model (which must read weights), rows for a feed-forward one. */
  private static void checkModel(Model model, RowColumns columns) {
    boolean recurrent = recurrent(model);
    if (recurrent && !columns.sequential()) {
      throw Errors.noSequenceColumn(title(model));
    }
    if (!recurrent && columns.sequential()) {
      throw Errors.sequencesForFeedForward(title(model), columns.sequence());
    }
    if (recurrent && !model.weighted()) {
      throw Errors.sequencesNeedWeights(title(model), columns.steps());
    }
  }

  /**
   * The input columns: those named, or every column without another role; a sequence or order
   * column with another role is an error.
   */
  private static List<String> inputNames(RowColumns columns, List<String> present) {
    List<String> others = new ArrayList<>(columns.targets());
    if (columns.weights() != null) {
      others.add(columns.weights());
    }
    if (columns.sequential()) {
      checkRole(columns.sequence(), "sequence", columns.inputs(), others, columns.order());
      checkRole(columns.order(), "order", columns.inputs(), others, columns.sequence());
      others.add(columns.sequence());
      others.add(columns.order());
    }
    List<String> inputNames = new ArrayList<>(columns.inputs());
    if (inputNames.isEmpty()) {
      for (String c : present) {
        if (!others.contains(c)) {
          inputNames.add(c);
        }
      }
      if (inputNames.isEmpty()) {
        throw Errors.noInputColumns(present);
      }
    }
    return inputNames;
  }

  /** Whether {@code model} takes sequences. */
  static boolean recurrent(Model model) {
    return model instanceof io.github.javanets.models.recurrent.Regressor
        || model instanceof io.github.javanets.models.recurrent.Classifier
        || model instanceof io.github.javanets.models.recurrent.Autoencoder;
  }

  /** The model's kind, as messages name it: {@code Regressor}, {@code recurrent.Regressor}. */
  static String title(Model model) {
    String name = model.getClass().getSimpleName();
    return recurrent(model) ? "recurrent." + name : name;
  }

  private static void checkRole(
      String column, String role, List<String> inputs, List<String> others, String other) {
    if (inputs.contains(column) || others.contains(column) || column.equals(other)) {
      throw Errors.columnHasTwoRoles(column, role);
    }
  }

  /** A column name as Spark resolves it literally, dots included. */
  private static String quoted(String column) {
    return "`" + column.replace("`", "``") + "`";
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
    try {
      List<Row> chunk = new ArrayList<>();
      while (rows.hasNext()) {
        chunk.add(rows.next());
        if (chunk.size() == examplesPerBatch) {
          out.add(batch(chunk));
          chunk.clear();
        }
      }
      if (!chunk.isEmpty()) {
        out.add(batch(chunk));
      }
    } catch (IllegalArgumentException e) {
      return List.of(Batch.failed(e.getMessage())).iterator();
    }
    return out.iterator();
  }

  /** Rows sorted by id and order: consecutive rows of one id are a sequence. */
  private Iterator<Batch> cutSequences(Iterator<Row> rows) {
    List<Batch> out = new ArrayList<>();
    try {
      List<List<Row>> chunk = new ArrayList<>();
      List<Row> current = null;
      Object currentId = null;
      Object lastOrder = null;
      long count = 0;
      while (rows.hasNext()) {
        Row row = rows.next();
        Object id = row.get(sequence);
        if (id == null || id.equals("")) {
          throw Errors.emptySequenceId(names[sequence], id);
        }
        number(row, order);
        Object t = row.get(order);
        if (current != null && id.equals(currentId)) {
          if (t.equals(lastOrder)) {
            throw Errors.repeatedStep(names[sequence], id, names[order], t);
          }
          count++;
          if (count <= steps) {
            current.add(row);
          }
        } else {
          if (current != null) {
            end(currentId, count, current, chunk, out);
          }
          current = new ArrayList<>();
          current.add(row);
          currentId = id;
          count = 1;
        }
        lastOrder = t;
      }
      if (current != null) {
        end(currentId, count, current, chunk, out);
      }
      if (!chunk.isEmpty()) {
        out.add(sequences(chunk));
      }
    } catch (IllegalArgumentException e) {
      return List.of(Batch.failed(e.getMessage())).iterator();
    }
    return out.iterator();
  }

  private void end(Object id, long count, List<Row> rows, List<List<Row>> chunk, List<Batch> out) {
    if (count > steps) {
      throw Errors.sequenceTooLong(names[sequence], id, count, steps);
    }
    chunk.add(rows);
    if (chunk.size() == examplesPerBatch) {
      out.add(sequences(chunk));
      chunk.clear();
    }
  }

  private Batch batch(List<Row> rows) {
    int n = rows.size();
    Map<String, NamedArray> arrays = new LinkedHashMap<>();
    arrays.put("inputs", values(rows, inputs));
    int width = autoencoder ? inputs.length : targets.length;
    if (!autoencoder && labels) {
      long[] l = new long[n];
      for (int r = 0; r < n; r++) {
        l[r] = label(rows.get(r), targets[0]);
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

  /**
   * Sequences as one batch: inputs {@code (B, steps, I)}, targets {@code (B, steps, O)} or class
   * indices {@code (B, steps)}, weights shaped like the target (like the inputs for an
   * autoencoder), zeros and weight 0 on the padded steps.
   */
  private Batch sequences(List<List<Row>> sequences) {
    int n = sequences.size();
    int width = autoencoder ? inputs.length : labels ? 1 : targets.length;
    double[] x = new double[n * steps * inputs.length];
    double[] y = autoencoder || labels ? null : new double[n * steps * targets.length];
    long[] l = labels ? new long[n * steps] : null;
    double[] w = new double[n * steps * width];
    for (int s = 0; s < n; s++) {
      List<Row> rows = sequences.get(s);
      for (int t = 0; t < rows.size(); t++) {
        Row row = rows.get(t);
        int step = s * steps + t;
        for (int c = 0; c < inputs.length; c++) {
          x[step * inputs.length + c] = number(row, inputs[c]);
        }
        if (y != null) {
          for (int c = 0; c < targets.length; c++) {
            y[step * targets.length + c] = number(row, targets[c]);
          }
        }
        if (l != null) {
          l[step] = label(row, targets[0]);
        }
        Arrays.fill(w, step * width, (step + 1) * width, weights >= 0 ? number(row, weights) : 1.0);
      }
    }
    Map<String, NamedArray> arrays = new LinkedHashMap<>();
    arrays.put("inputs", array(new long[] {n, steps, inputs.length}, x));
    if (y != null) {
      arrays.put("target", array(new long[] {n, steps, targets.length}, y));
    } else if (l != null) {
      arrays.put("target", NamedArray.ofLongs(new long[] {n, steps}, l));
    }
    arrays.put("weights", array(labels ? new long[] {n, steps} : new long[] {n, steps, width}, w));
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

  private long label(Row row, int column) {
    double v = number(row, column);
    if (v < 0 || v != Math.rint(v) || v > Integer.MAX_VALUE) {
      throw Errors.badLabel(names[column], row.get(column));
    }
    return (long) v;
  }
}
