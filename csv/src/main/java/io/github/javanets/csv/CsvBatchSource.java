package io.github.javanets.csv;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.github.javanets.models.BatchIterator;
import io.github.javanets.models.BatchSource;
import io.github.javanets.models.Dataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;
import org.apiguardian.api.API;

/**
 * A CSV file read as a stream of batches, one pass per epoch, so that a model trains on a file it
 * could not hold: memory holds the shuffle buffer and a few batches, never the file. Columns are
 * chosen by name from the header row: the inputs (by default every column without another role), a
 * regressor's target columns or a classifier's label column with its classes (neither for an
 * autoencoder), a column of weights or a weights file read beside the data, and for a recurrent
 * model the column whose value says which sequence a row belongs to.
 *
 * <p>The file is read strictly ({@link CsvRows}: UTF-8, one value per column, numbers finite, no
 * empty cells, labels among the classes, weights &gt;= 0); a bad cell stops the pass with an error
 * naming the file, the line and the column, which a model's {@code train} reports as a {@link
 * io.github.javanets.train.BatchFailedException} after putting back the parameters it had. The
 * header is checked when the source is built (a missing column fails at once) and again at each
 * pass.
 *
 * <p>Batches: {@code batchSize} examples (rows, or sequences), the last one shorter; inputs and
 * targets FLOAT {@code (B, I)} and {@code (B, O)}, class ids INT64 {@code (B)}, weights shaped like
 * the target. Sequences are the consecutive rows of one id (an id met again after others is an
 * error), padded at the end to the stated length: {@code (B, steps, I)}, weight 0 on the padded
 * steps. Examples can be shuffled through a buffer of a stated size ({@link Builder#shuffle(int,
 * long)}), deterministically: the same seed and file give the same batches at each epoch, bit for
 * bit.
 *
 * <pre>{@code
 * CsvBatchSource train = CsvBatchSource.builder(Path.of("iris.csv"))
 *     .labelColumn("species", List.of("setosa", "versicolor", "virginica"))
 *     .batchSize(16)
 *     .shuffle(10_000, 42)
 *     .build();
 * classifier.train(train, TrainOptions.builder().build());
 * }</pre>
 *
 * <p>Immutable and thread-safe; each pass ({@link #open}) reads the file anew and is read by one
 * thread.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class CsvBatchSource implements BatchSource {
  private final Path file;
  private final String name;
  private final String role;
  private final List<String> header;
  private final Layout layout;
  private final int batchSize;
  private final int buffer;
  private final long seed;
  private final LongPredicate keep;
  private final boolean inMemory;
  private final AtomicLong passes = new AtomicLong();
  // With inMemory: the examples of the first complete pass, in file order; null until then.
  private volatile List<Example> cache;

  private CsvBatchSource(Builder b, List<String> header, Layout layout) {
    this.file = b.file;
    this.name = b.name != null ? b.name : b.file.toString();
    this.role = b.role;
    this.header = header;
    this.layout = layout;
    this.batchSize = b.batchSize;
    this.buffer = b.buffer;
    this.seed = b.seed;
    this.keep = b.keep;
    this.inMemory = b.inMemory;
  }

  /**
   * A builder of a source reading {@code file}.
   *
   * @param file the CSV file, with a header row; not null
   * @return the builder; never null
   */
  public static Builder builder(Path file) {
    return new Builder(Objects.requireNonNull(file, "file"));
  }

  /** The column names of the file's header; unmodifiable. */
  public List<String> header() {
    return header;
  }

  /** The input columns, in the order of the batches' input values; unmodifiable. */
  public List<String> inputColumns() {
    return names(layout.inputs());
  }

  /** A classifier's classes by id, or an empty list; unmodifiable. */
  public List<String> classes() {
    return layout.classes() == null ? List.of() : layout.classes();
  }

  private List<String> names(int[] columns) {
    return Arrays.stream(columns).mapToObj(header::get).toList();
  }

  /**
   * Opens one pass: reads the file from its start, each pass shuffled anew (when a buffer is set)
   * by a {@link Random} seeded from the seed and the pass's number.
   *
   * @throws IllegalArgumentException if the file is gone or its header changed
   * @throws UncheckedIOException if it cannot be opened
   */
  @Override
  public BatchIterator open() {
    long pass = passes.getAndIncrement();
    Random random = new Random(HoldOut.mix(seed + pass * 0x9E3779B97F4A7C15L));
    List<Example> cached = cache;
    if (cached != null) {
      java.util.Iterator<Example> it = cached.iterator();
      return new Pass(
          null, new ShuffleBuffer(() -> it.hasNext() ? it.next() : null, buffer, random));
    }
    CsvRows rows = openRows(file, role, name);
    CsvRows weights = null;
    try {
      if (!rows.header().equals(header)) {
        throw Errors.headerChanged(name, header, rows.header());
      }
      if (layout.weightsFile() != null) {
        weights = openRows(layout.weightsFile(), "--weights-file", layout.weightsFile().toString());
      }
      ExampleReader reader = new ExampleReader(layout, rows, weights, keep);
      if (!inMemory) {
        return new Pass(reader, new ShuffleBuffer(reader::next, buffer, random));
      }
      List<Example> filling = new ArrayList<>();
      return new Pass(
          reader,
          new ShuffleBuffer(
              () -> {
                Example e = reader.next();
                if (e == null) {
                  cache = filling;
                } else {
                  filling.add(e);
                }
                return e;
              },
              buffer,
              random));
    } catch (RuntimeException | Error e) {
      closeQuietly(rows);
      closeQuietly(weights);
      throw e;
    }
  }

  private static CsvRows openRows(Path path, String role, String name) {
    try {
      return CsvRows.open(path, role);
    } catch (NoSuchFileException e) {
      throw Errors.fileGone(name, e);
    } catch (IllegalArgumentException e) {
      if (!java.nio.file.Files.exists(path)) {
        throw Errors.fileGone(name, e);
      }
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void closeQuietly(CsvRows rows) {
    if (rows != null) {
      try {
        rows.close();
      } catch (IOException e) {
        // The first failure is the one to report.
      }
    }
  }

  /** The batches of one pass. */
  private final class Pass implements BatchIterator {
    private final ExampleReader reader;
    private final ShuffleBuffer examples;
    private Example next;

    Pass(ExampleReader reader, ShuffleBuffer examples) {
      this.reader = reader;
      this.examples = examples;
    }

    @Override
    public boolean hasNext() {
      if (next == null) {
        next = examples.next();
      }
      return next != null;
    }

    @Override
    public Dataset next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      List<Example> batch = new ArrayList<>(Math.min(batchSize, 1 << 12));
      while (batch.size() < batchSize && hasNext()) {
        batch.add(next);
        next = null;
      }
      return Batches.of(batch, layout);
    }

    @Override
    public void close() {
      if (reader != null) {
        reader.close();
      }
    }
  }

  @Override
  public String description() {
    return name;
  }

  @Override
  public String toString() {
    return "CsvBatchSource("
        + name
        + ", batches of "
        + batchSize
        + (buffer > 1 ? ", shuffled in " + buffer : "")
        + ")";
  }

  /**
   * Builds a {@link CsvBatchSource}. Every setting is optional but the file; {@link #build()} reads
   * the header and checks the columns. Not thread-safe.
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public static final class Builder {
    /** The default number of examples per batch. */
    public static final int DEFAULT_BATCH_SIZE = 32;

    private final Path file;
    private String name;
    private String role = "CSV";
    private List<String> inputs = List.of();
    private List<String> targets = List.of();
    private String label;
    private List<String> classes;
    private String weights;
    private Path weightsFile;
    private boolean unitWeights;
    private String sequence;
    private int steps;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private int buffer;
    private long seed;
    private LongPredicate keep = i -> true;
    private boolean inMemory;

    private Builder(Path file) {
      this.file = file;
    }

    /**
     * The input columns, in this order; by default every column that is not a target, the label,
     * the weights or the sequence column.
     *
     * @param columns the names; not null
     * @return this builder
     */
    public Builder inputColumns(List<String> columns) {
      this.inputs = List.copyOf(columns);
      return this;
    }

    /** As {@link #inputColumns(List)}. */
    public Builder inputColumns(String... columns) {
      return inputColumns(List.of(columns));
    }

    /**
     * A regressor's target columns, in this order: the batches' {@code target} is {@code (B, O)}.
     *
     * @param columns the names; not null
     * @return this builder
     */
    public Builder targetColumns(List<String> columns) {
      this.targets = List.copyOf(columns);
      return this;
    }

    /** As {@link #targetColumns(List)}. */
    public Builder targetColumns(String... columns) {
      return targetColumns(List.of(columns));
    }

    /**
     * A classifier's label column: each row's label is one of {@code classes}, and the batches'
     * {@code target} holds its index there (a label that is not a class is an error naming the
     * line).
     *
     * @param column the column; not null
     * @param classes the class names by id, distinct, at least one; not null
     * @return this builder
     */
    public Builder labelColumn(String column, List<String> classes) {
      this.label = Objects.requireNonNull(column, "column");
      this.classes = List.copyOf(classes);
      return this;
    }

    /**
     * The column of each row's weight (&gt;= 0), repeated across the row's targets.
     *
     * @param column the column, or null for none
     * @return this builder
     */
    public Builder weightsColumn(String column) {
      this.weights = column;
      return this;
    }

    /**
     * A CSV file of weights read beside the data, one row per data row: one column (a weight per
     * row) or one per target. Its header names its columns.
     *
     * @param file the file, or null for none
     * @return this builder
     */
    public Builder weightsFile(Path file) {
      this.weightsFile = file;
      return this;
    }

    /**
     * Whether batches carry weights of 1 when there is no weights column or file (for a weighted
     * model); sequences always carry weights. Default false.
     *
     * @param unit whether to add weights of 1
     * @return this builder
     */
    public Builder unitWeights(boolean unit) {
      this.unitWeights = unit;
      return this;
    }

    /**
     * Groups consecutive rows with one value of {@code column} into a sequence, padded to {@code
     * steps} rows with weight 0: an example is then a sequence, for a recurrent model.
     *
     * @param column the sequence id column; not null
     * @param steps the length sequences are padded to, &gt;= 1; a longer sequence is an error
     * @return this builder
     */
    public Builder sequenceColumn(String column, int steps) {
      this.sequence = Objects.requireNonNull(column, "column");
      this.steps = steps;
      return this;
    }

    /**
     * Examples (rows, or sequences) per batch; default {@value #DEFAULT_BATCH_SIZE}.
     *
     * @param size &gt;= 1
     * @return this builder
     */
    public Builder batchSize(int size) {
      this.batchSize = size;
      return this;
    }

    /**
     * Shuffles the examples through a buffer of {@code size}: the buffer fills from the file, and
     * each example given out is drawn from it at random and its place taken by the next one read,
     * so memory holds at most {@code size} examples, and an example moves at most {@code size}
     * places forward. A buffer at least as large as the file shuffles it whole. Each pass draws a
     * new order from {@code seed} and the pass's number. By default (size 0) the file's order.
     *
     * @param size the most examples held, &gt;= 0 (0 or 1: the file's order)
     * @param seed the seed of the order
     * @return this builder
     */
    public Builder shuffle(int size, long seed) {
      this.buffer = size;
      this.seed = seed;
      return this;
    }

    /**
     * Keeps only the examples whose index (from 0, in file order: rows, or sequences) passes {@code
     * keep}, such as one side of a {@link HoldOut}. Rows left out are not converted.
     *
     * @param keep the test, called on the loader thread; not null
     * @return this builder
     */
    public Builder examples(LongPredicate keep) {
      this.keep = Objects.requireNonNull(keep, "keep");
      return this;
    }

    /**
     * Whether to keep the examples in memory after the first complete pass and give the later
     * passes from there, instead of reading the file again: faster when the file fits in memory
     * (about 4 bytes per value read plus a few dozen bytes per example), with the same batches, bit
     * for bit (the same shuffle draws, from the same examples in the same order). Default false.
     *
     * @param inMemory whether to keep the examples
     * @return this builder
     */
    public Builder inMemory(boolean inMemory) {
      this.inMemory = inMemory;
      return this;
    }

    /**
     * The name of the file in messages and descriptions; by default its path.
     *
     * @param name the name; not null
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * What named the file, in the message when it is missing ({@code "--data file 'x.csv' does not
     * exist."}); by default {@code "CSV"}.
     *
     * @param role an option or a word; not null
     * @return this builder
     */
    public Builder role(String role) {
      this.role = Objects.requireNonNull(role, "role");
      return this;
    }

    /**
     * Reads the header and builds the source.
     *
     * @return the source; never null
     * @throws IllegalArgumentException if the file is missing, not a regular file or has a bad
     *     header, a column named is not in it or has two roles, no input column is left, the
     *     classes are not distinct, or a count is out of range
     * @throws UncheckedIOException if the file cannot be read
     */
    public CsvBatchSource build() {
      if (batchSize < 1) {
        throw Errors.notPositive("The batch size", batchSize);
      }
      if (buffer < 0) {
        throw Errors.negativeBuffer(buffer);
      }
      if (sequence != null && steps < 1) {
        throw Errors.notPositive("The length sequences are padded to", steps);
      }
      if (label != null && !targets.isEmpty()) {
        throw Errors.targetsAndLabels();
      }
      List<String> header;
      try (CsvRows rows = CsvRows.open(file, role)) {
        header = rows.header();
        Layout layout = new Roles(this, rows).layout();
        int width =
            Math.max(
                layout.inputs().length,
                Math.max(
                    layout.targets() == null ? 1 : layout.targets().length, layout.weightWidth()));
        if ((long) batchSize * Math.max(1, steps) * width > Integer.MAX_VALUE) {
          throw Errors.batchTooLarge(batchSize, steps, width);
        }
        return new CsvBatchSource(this, header, layout);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The builder's column names resolved against a header. */
    private record Roles(Builder b, CsvRows rows) {
      Layout layout() {
        int[] t = b.targets.isEmpty() ? null : columns(b.targets, "a target column");
        int l = b.label == null ? -1 : rows.column(b.label, "the label column");
        int w = b.weights == null ? -1 : rows.column(b.weights, "the weights column");
        int s = b.sequence == null ? -1 : rows.column(b.sequence, "the sequence column");
        java.util.Map<String, Integer> ids = null;
        if (b.classes != null) {
          ids = new java.util.HashMap<>();
          for (String c : b.classes) {
            ids.put(c, ids.size());
          }
          if (b.classes.isEmpty() || ids.size() != b.classes.size()) {
            throw Errors.badClasses(b.classes);
          }
        }
        List<String> others = new ArrayList<>(b.targets);
        others.add(b.label);
        checkRole(b.weights, "the weights column", others);
        others.add(b.weights);
        checkRole(b.sequence, "the sequence column", others);
        others.add(b.sequence);
        int[] x;
        if (b.inputs.isEmpty()) {
          List<String> all = new ArrayList<>(rows.header());
          all.removeAll(others);
          x = columns(all, "an input column");
        } else {
          for (String input : b.inputs) {
            checkRole(input, "an input column", others);
          }
          x = columns(List.copyOf(new java.util.LinkedHashSet<>(b.inputs)), "an input column");
        }
        if (x.length == 0) {
          throw Errors.noInputs(rows.name());
        }
        return new Layout(x, t, l, b.classes, ids, w, b.weightsFile, b.unitWeights, s, b.steps);
      }

      private int[] columns(List<String> names, String role) {
        return names.stream().mapToInt(n -> rows.column(n, role)).toArray();
      }

      private static void checkRole(String column, String role, List<String> others) {
        if (column != null && others.contains(column)) {
          throw Errors.twoRoles(column, role, "a target, the label or another role");
        }
      }
    }
  }
}
