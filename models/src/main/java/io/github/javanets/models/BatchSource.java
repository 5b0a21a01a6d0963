package io.github.javanets.models;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * Batches of data read one pass (epoch) at a time, for data that need not fit in memory: what a
 * model's {@link Model#train(BatchSource, BatchSource, TrainOptions) train}, {@link
 * Model#evaluate(BatchSource) evaluate}, {@link Model#predict(BatchSource,
 * java.util.function.BiConsumer) predict} and the models' {@code score} read, beside the {@link
 * Dataset}s they take whole. Each batch is a {@link Dataset} (validated when built), with the
 * arrays the model's losses read.
 *
 * <p>Sources shipped: {@link #of(Dataset, int)} and {@link #shuffled(Dataset, int, long)} (a data
 * set in memory), {@link #generate(Supplier, long)} (a function returning one batch per call, as
 * theanets' callable datasets), and in {@code javanets-dl4j} DL4J's {@code DataSetIterator} and
 * {@code MultiDataSetIterator}. An application writes its own by implementing {@link #open}.
 *
 * <p>A model calls {@link #open} on the thread that trains (holding the model's lock) and reads the
 * returned {@link BatchIterator} on a loader thread, ahead of training; passes never overlap.
 */
@API(status = EXPERIMENTAL, since = "0.2")
@FunctionalInterface
public interface BatchSource {
  /**
   * Opens one pass over the batches: an epoch of training, a validation, an evaluation or a
   * prediction.
   *
   * @return the pass; never null
   * @throws RuntimeException if the pass cannot be opened (an unchecked exception of the source's
   *     own)
   */
  BatchIterator open();

  /**
   * The number of batches per pass if the source knows it, for progress bars; by default unknown
   * (empty). The number of batches a pass gives is what counts.
   */
  default OptionalLong batchesPerEpoch() {
    return OptionalLong.empty();
  }

  /**
   * Names the source in error messages ({@code "Batch 17 of <description> failed: ..."}); by
   * default the class's name. Never null.
   */
  default String description() {
    return getClass().getName();
  }

  /**
   * This source, described as {@code description} in error messages.
   *
   * @param description the description, such as {@code "orders.csv"}; not null
   * @return a source that reads this one; never null
   */
  default BatchSource named(String description) {
    Objects.requireNonNull(description, "description");
    BatchSource self = this;
    return new BatchSource() {
      @Override
      public BatchIterator open() {
        return self.open();
      }

      @Override
      public OptionalLong batchesPerEpoch() {
        return self.batchesPerEpoch();
      }

      @Override
      public String description() {
        return description;
      }
    };
  }

  /**
   * This source with each batch passed through {@code f} as it is read (so, when training, on the
   * loader thread): a transformation of streamed data such as a scaling, a feature or a count. The
   * number of batches, the description and {@link BatchIterator#close} are this source's.
   *
   * @param f turns a batch into the batch to use; not null, and never returns null
   * @return a source that reads this one; never null
   */
  default BatchSource map(UnaryOperator<Dataset> f) {
    Objects.requireNonNull(f, "f");
    BatchSource self = this;
    return new BatchSource() {
      @Override
      public BatchIterator open() {
        BatchIterator pass = self.open();
        return new BatchIterator() {
          @Override
          public boolean hasNext() {
            return pass.hasNext();
          }

          @Override
          public Dataset next() {
            Dataset batch = pass.next();
            // A null batch is the source's fault: left for the reader to report as such.
            return batch == null ? null : Objects.requireNonNull(f.apply(batch), "mapped batch");
          }

          @Override
          public void close() {
            pass.close();
          }
        };
      }

      @Override
      public OptionalLong batchesPerEpoch() {
        return self.batchesPerEpoch();
      }

      @Override
      public String description() {
        return self.description();
      }
    };
  }

  /**
   * The rows of a data set in memory, in batches of {@code batchSize} rows (the last one shorter),
   * in order, as views of its arrays.
   *
   * @param data the data; not null
   * @param batchSize rows per batch, &gt;= 1
   * @return the source; never null
   * @throws IllegalArgumentException if {@code batchSize} &lt; 1
   */
  static BatchSource of(Dataset data, int batchSize) {
    return new DatasetBatches(data, batchSize, null);
  }

  /**
   * The rows of a data set in memory, in batches of {@code batchSize} rows, in an order shuffled
   * anew at each pass: the order a model's {@link Model#train(Dataset, Dataset, TrainOptions)
   * train} on {@code data} uses with {@code seed} and {@code batchSize} as its options' {@code
   * seed} and {@code batchSize}, so that training on this source (with a validation source of its
   * own) gives the same parameters, bit for bit.
   *
   * @param data the data; not null
   * @param batchSize rows per batch, &gt;= 1
   * @param seed the seed of the order
   * @return the source; never null
   * @throws IllegalArgumentException if {@code batchSize} &lt; 1
   */
  static BatchSource shuffled(Dataset data, int batchSize, long seed) {
    return new DatasetBatches(data, batchSize, seed);
  }

  /**
   * A function that returns one batch per call (theanets' callable datasets): a pass is {@code
   * batchesPerEpoch} calls. The function is called on a model's loader thread; it may return
   * batches of any number of rows.
   *
   * @param batches returns the next batch; not null, and never returns null
   * @param batchesPerEpoch the calls per pass, &gt;= 1
   * @return the source; never null
   * @throws IllegalArgumentException if {@code batchesPerEpoch} &lt; 1
   */
  static BatchSource generate(Supplier<Dataset> batches, long batchesPerEpoch) {
    return new GeneratedBatches(batches, batchesPerEpoch);
  }
}
