package io.github.javanets.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * One pass over a CSV file's examples: each row read, checked and converted, or the consecutive
 * rows of one sequence id grouped, in file order, and kept when their index passes the filter. A
 * weights file is read beside the data, row for row. Not thread-safe.
 */
final class ExampleReader implements AutoCloseable {
  private final Layout layout;
  private final CsvRows data;
  private final CsvRows weightsFile;
  private final int[] weightsFileColumns;
  private final LongPredicate keep;
  private long index;
  // Sequences: the first row of the next sequence, read ahead, and the ids of those that ended.
  private Row pending;
  private String pendingId;
  private final Set<String> ended = new HashSet<>();
  private boolean end;

  /** One row's values. */
  private record Row(float[] inputs, float[] targets, long label, float[] weights) {}

  ExampleReader(Layout layout, CsvRows data, CsvRows weightsFile, LongPredicate keep) {
    this.layout = layout;
    this.data = data;
    this.weightsFile = weightsFile;
    this.keep = keep;
    this.weightsFileColumns = weightsFile == null ? null : weightsFileColumns(weightsFile, layout);
  }

  private static int[] weightsFileColumns(CsvRows file, Layout layout) {
    int n = file.header().size();
    int width = layout.weightWidth();
    if (n != 1 && n != width) {
      throw Errors.weightsFileWidth(file.name(), n, width);
    }
    int[] columns = new int[width];
    for (int i = 0; i < width; i++) {
      columns[i] = n == 1 ? 0 : i;
    }
    return columns;
  }

  /** The next example kept, or null at the end of the file. */
  Example next() {
    return layout.sequence() < 0 ? nextRow() : nextSequence();
  }

  private Example nextRow() {
    while (advance()) {
      boolean kept = keep.test(index++);
      if (kept) {
        Row r = row();
        return new Example(
            1, r.inputs, r.targets, r.label < 0 ? null : new long[] {r.label}, r.weights);
      }
    }
    return null;
  }

  private Example nextSequence() {
    while (true) {
      if (pending == null && !end) {
        if (advance()) {
          pendingId = sequenceId();
          pending = row();
        } else {
          end = true;
        }
      }
      if (pending == null) {
        return null;
      }
      String id = pendingId;
      List<Row> rows = new ArrayList<>();
      rows.add(pending);
      pending = null;
      while (advance()) {
        String next = sequenceId();
        if (!next.equals(id)) {
          if (ended.contains(next)) {
            throw Errors.sequenceNotConsecutive(
                data.name(), data.line(), data.header().get(layout.sequence()), next);
          }
          pendingId = next;
          pending = row();
          break;
        }
        if (rows.size() == layout.steps()) {
          throw Errors.sequenceTooLong(
              data.name(), data.line(), data.header().get(layout.sequence()), id, layout.steps());
        }
        rows.add(row());
      }
      if (pending == null) {
        end = true;
      }
      ended.add(id);
      if (keep.test(index++)) {
        return sequence(rows);
      }
    }
  }

  private String sequenceId() {
    return data.nonEmpty(layout.sequence(), "the id of its sequence");
  }

  /** Moves the data (and the weights file) to the next row; false at the end of the data. */
  private boolean advance() {
    boolean more = data.next();
    if (weightsFile != null) {
      boolean weights = weightsFile.next();
      if (more != weights) {
        throw Errors.weightsFileRows(weightsFile.name(), data.name(), more);
      }
    }
    return more;
  }

  private Row row() {
    float[] x = cells(layout.inputs());
    float[] y = layout.targets() == null ? null : cells(layout.targets());
    long label = layout.label() < 0 ? -1 : label();
    return new Row(x, y, label, weights());
  }

  private float[] cells(int[] columns) {
    float[] v = new float[columns.length];
    for (int i = 0; i < columns.length; i++) {
      v[i] = (float) data.number(columns[i]);
    }
    return v;
  }

  private long label() {
    String text = data.nonEmpty(layout.label(), "its class label");
    Integer id = layout.classIds().get(text);
    if (id == null) {
      throw Errors.unknownLabel(
          data.name(), data.line(), data.header().get(layout.label()), text, layout.classes());
    }
    return id;
  }

  private float[] weights() {
    if (!layout.weighted()) {
      return null;
    }
    float[] w = new float[layout.weightWidth()];
    if (weightsFile != null) {
      for (int i = 0; i < w.length; i++) {
        w[i] = (float) weightsFile.weight(weightsFileColumns[i]);
      }
    } else if (layout.weights() >= 0) {
      Arrays.fill(w, (float) data.weight(layout.weights()));
    } else {
      Arrays.fill(w, 1f);
    }
    return w;
  }

  private Example sequence(List<Row> rows) {
    int n = rows.size();
    Row first = rows.get(0);
    float[] x = new float[n * first.inputs.length];
    float[] y = first.targets == null ? null : new float[n * first.targets.length];
    long[] labels = first.label < 0 ? null : new long[n];
    float[] w = new float[n * first.weights.length];
    for (int t = 0; t < n; t++) {
      Row r = rows.get(t);
      System.arraycopy(r.inputs, 0, x, t * r.inputs.length, r.inputs.length);
      if (y != null) {
        System.arraycopy(r.targets, 0, y, t * r.targets.length, r.targets.length);
      }
      if (labels != null) {
        labels[t] = r.label;
      }
      System.arraycopy(r.weights, 0, w, t * r.weights.length, r.weights.length);
    }
    return new Example(n, x, y, labels, w);
  }

  @Override
  public void close() {
    try (CsvRows d = data;
        CsvRows w = weightsFile) {
      // Closes both.
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
