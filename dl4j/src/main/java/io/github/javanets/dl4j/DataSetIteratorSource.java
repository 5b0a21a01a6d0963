package io.github.javanets.dl4j;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.github.javanets.models.BatchIterator;
import io.github.javanets.models.BatchSource;
import io.github.javanets.models.Dataset;
import java.util.Objects;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * A DL4J {@link DataSetIterator} as a javanets {@link BatchSource}: each {@code DataSet} becomes a
 * {@link Dataset} batch with its features as {@code inputs}, its labels as {@code target} and its
 * label mask as {@code weights} (train a model built with {@code weighted(true)} then). Rank-3
 * arrays are DL4J's {@code (batch, size, time)} and become {@code (batch, time, size)}; a mask
 * {@code (batch, time)} or {@code (batch, 1)} weighs every output of its step or row. DL4J
 * classifiers take one-hot labels, javanets class indices: {@link #classIndices()} converts them.
 * The features mask is not read (a javanets model reads every step; give padding weight 0 with the
 * label mask).
 *
 * <p>Each pass resets the iterator; an iterator that cannot reset gives one pass. The iterator is
 * read on a model's loader thread: do not use it elsewhere while a model reads it. Immutable.
 *
 * <pre>{@code
 * DataSetIterator mnist = ...;
 * Classifier net = new Classifier(784, 256, 10);
 * net.train(DataSetIteratorSource.of(mnist).classIndices(), TrainOptions.builder().build());
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class DataSetIteratorSource implements BatchSource {
  private final DataSetIterator iterator;
  private final boolean indices;
  private final Passes passes;

  private DataSetIteratorSource(DataSetIterator iterator, boolean indices, Passes passes) {
    this.iterator = iterator;
    this.indices = indices;
    this.passes = passes;
  }

  /**
   * The batches of {@code iterator}, labels as they are.
   *
   * @param iterator the iterator; not null
   * @return the source; never null
   */
  public static DataSetIteratorSource of(DataSetIterator iterator) {
    Objects.requireNonNull(iterator, "iterator");
    return new DataSetIteratorSource(iterator, false, new Passes(iterator::resetSupported));
  }

  /**
   * This source with one-hot labels (DL4J's classification format) turned into class indices, the
   * argmax along the class axis: {@code (batch)} or, for sequences, {@code (batch, time)}.
   *
   * @return the source; never null
   */
  public DataSetIteratorSource classIndices() {
    return new DataSetIteratorSource(iterator, true, passes);
  }

  @Override
  public BatchIterator open() {
    passes.begin(description(), iterator::reset);
    return new BatchIterator() {
      @Override
      public boolean hasNext() {
        return iterator.hasNext();
      }

      @Override
      public Dataset next() {
        org.nd4j.linalg.dataset.api.DataSet d = iterator.next();
        INDArray x = Dl4jArrays.layout(d.getFeatures());
        Dataset.Builder b = Dataset.builder().inputs(x);
        if (d.getLabels() != null) {
          Dl4jArrays.addLabels(
              b, Dataset.TARGET, d.getLabels(), d.getLabelsMaskArray(), indices, x.dataType());
        }
        return b.build();
      }
    };
  }

  @Override
  public String description() {
    return "the DataSetIterator " + iterator.getClass().getName();
  }
}
