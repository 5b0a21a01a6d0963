package io.github.javanets.cli;

import io.github.javanets.csv.CsvRows;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * One streamed pass over a CSV file before training, holding no row: checks every cell the model
 * will read (so that a bad cell is reported, with its file, line and column, before the model is
 * built) and counts what the command needs to know of the whole file: its rows, a recurrent model's
 * sequences and their shortest and longest lengths, and a classifier's distinct labels. Memory
 * holds the distinct labels and, for sequences, the ids met (to refuse an id that comes back after
 * others, as the stream could not group it). A weights file is read beside the data, row for row.
 * For {@code predict} and {@code evaluate}, which can still group such a file by reading it whole,
 * {@link #allowingInterleaved} stops at that row instead and says so ({@link #interleaved()}).
 */
final class DataScan {
  private final Set<String> labels = new TreeSet<>();
  private long rows;
  private long sequences;
  private int shortest = Integer.MAX_VALUE;
  private int longest;
  private final boolean strict;
  private boolean interleaved;

  private DataScan(boolean strict) {
    this.strict = strict;
  }

  /**
   * Scans {@code data} (and {@code weightsFile}, when not null) for a model with {@code info}'s
   * columns; closes both.
   *
   * @param labelled whether the target columns are read
   * @param weightsColumn the column of weights, or null
   * @throws IllegalArgumentException naming the file, line and column of a bad cell, or a weights
   *     file whose row count differs
   * @throws IOException if a file cannot be read
   */
  static DataScan of(
      CsvRows data, ModelInfo info, boolean labelled, String weightsColumn, CsvRows weightsFile)
      throws IOException {
    return scan(new DataScan(true), data, info, labelled, weightsColumn, weightsFile);
  }

  /**
   * Scans as {@link #of} does, but a sequence id met again after others ends the scan there rather
   * than failing: {@link #interleaved()} is then true and the counts cover the rows before it.
   *
   * @throws IllegalArgumentException as {@link #of}, for the rows scanned
   * @throws IOException if a file cannot be read
   */
  static DataScan allowingInterleaved(
      CsvRows data, ModelInfo info, boolean labelled, String weightsColumn, CsvRows weightsFile)
      throws IOException {
    return scan(new DataScan(false), data, info, labelled, weightsColumn, weightsFile);
  }

  private static DataScan scan(
      DataScan scan,
      CsvRows data,
      ModelInfo info,
      boolean labelled,
      String weightsColumn,
      CsvRows weightsFile)
      throws IOException {
    try (CsvRows d = data;
        CsvRows w = weightsFile) {
      scan.read(d, info, labelled, weightsColumn, w);
      return scan;
    }
  }

  private void read(
      CsvRows data, ModelInfo info, boolean labelled, String weightsColumn, CsvRows weightsFile) {
    ColumnRoles roles = info.columns();
    int[] inputs = columns(data, roles.inputs().toArray(String[]::new), "an input column");
    boolean classifier = ModelKinds.isClassifier(info.kind());
    int[] targets =
        labelled && !classifier
            ? columns(data, roles.targets().toArray(String[]::new), DataReader.TRAIN_TARGET)
            : new int[0];
    int label =
        labelled && classifier ? data.column(roles.targets().get(0), DataReader.TRAIN_TARGET) : -1;
    int weights = weightsColumn == null ? -1 : data.column(weightsColumn, "--weights-column");
    int sequence =
        roles.sequence() == null ? -1 : data.column(roles.sequence(), "--sequence-column");
    Set<String> ended = new HashSet<>();
    String current = null;
    int length = 0;
    while (next(data, weightsFile)) {
      rows++;
      if (sequence >= 0) {
        String id = data.nonEmpty(sequence, "the id of its sequence");
        if (!id.equals(current)) {
          if (!ended.add(id)) {
            if (strict) {
              throw data.sequenceNotConsecutive(sequence, id);
            }
            interleaved = true;
            return;
          }
          endSequence(current, length);
          current = id;
          length = 0;
        }
        length++;
      }
      for (int c : inputs) {
        data.number(c);
      }
      for (int c : targets) {
        data.number(c);
      }
      if (label >= 0) {
        labels.add(data.nonEmpty(label, "its class label"));
      }
      if (weights >= 0) {
        data.weight(weights);
      }
      if (weightsFile != null) {
        for (int c = 0; c < weightsFile.header().size(); c++) {
          weightsFile.weight(c);
        }
      }
    }
    endSequence(current, length);
    if (rows == 0) {
      throw new IllegalArgumentException(data.name() + " has a header but no data rows.");
    }
  }

  private static boolean next(CsvRows data, CsvRows weightsFile) {
    boolean more = data.next();
    if (weightsFile != null && weightsFile.next() != more) {
      throw new IllegalArgumentException(
          "--weights-file '"
              + weightsFile.name()
              + "' has "
              + (more ? "fewer" : "more")
              + " rows than '"
              + data.name()
              + "'; it needs one row of weights per data row.");
    }
    return more;
  }

  private void endSequence(String id, int length) {
    if (id != null) {
      sequences++;
      shortest = Math.min(shortest, length);
      longest = Math.max(longest, length);
    }
  }

  private static int[] columns(CsvRows data, String[] names, String role) {
    int[] columns = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      columns[i] = data.column(names[i], role);
    }
    return columns;
  }

  /**
   * Whether a sequence id came back after rows of others (only {@link #allowingInterleaved} scans
   * say so; {@link #of} fails there): the rows of a sequence are not consecutive.
   */
  boolean interleaved() {
    return interleaved;
  }

  /** The number of data rows. */
  long rows() {
    return rows;
  }

  /** The number of examples: sequences, or rows. */
  long examples(boolean sequential) {
    return sequential ? sequences : rows;
  }

  /** The length of the longest sequence, or 0 for rows. */
  int longest() {
    return longest;
  }

  /** The distinct class labels read, sorted as text; unmodifiable view. */
  Set<String> labels() {
    return java.util.Collections.unmodifiableSet(labels);
  }

  /** {@code "64 rows"}, or {@code "30 sequences of 5-9 steps (210 rows)"}. */
  String summary(boolean sequential) {
    if (!sequential) {
      return rows + " rows";
    }
    return sequences
        + " sequences of "
        + (shortest == longest ? shortest + "" : shortest + "-" + longest)
        + (longest == 1 ? " step (" : " steps (")
        + rows
        + " rows)";
  }
}
