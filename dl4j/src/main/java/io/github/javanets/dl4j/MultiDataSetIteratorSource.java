package io.github.javanets.dl4j;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.github.javanets.models.BatchIterator;
import io.github.javanets.models.BatchSource;
import io.github.javanets.models.Dataset;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/**
 * A DL4J {@link MultiDataSetIterator} as a javanets {@link BatchSource}, for models with several
 * targets: each {@code MultiDataSet} becomes a {@link Dataset} batch with its one features array as
 * {@code inputs}, its first labels as {@code target} (label mask as {@code weights}), and each
 * further labels array under the name given for it (its mask as {@code <name>.weights}), which a
 * loss reads with {@code target=<name>}. Arrays are converted as {@link DataSetIteratorSource}
 * says; {@link #classIndices()} converts the first labels only. Each pass resets the iterator; one
 * that cannot reset gives one pass. Immutable.
 *
 * <pre>{@code
 * // labels[0]: the regression target; labels[1]: samples of a prior for an mmd loss
 * Regressor net = Regressor.builder().layers(4, 8, 2).loss("mse").loss("mmd(target=prior)").build();
 * net.train(MultiDataSetIteratorSource.of(iterator, "prior"), TrainOptions.builder().build());
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class MultiDataSetIteratorSource implements BatchSource {
  private final MultiDataSetIterator iterator;
  private final List<String> names;
  private final boolean indices;
  private final Passes passes;

  private MultiDataSetIteratorSource(
      MultiDataSetIterator iterator, List<String> names, boolean indices, Passes passes) {
    this.iterator = iterator;
    this.names = names;
    this.indices = indices;
    this.passes = passes;
  }

  /**
   * The batches of {@code iterator}.
   *
   * @param iterator the iterator; not null
   * @param names the names of the labels arrays after the first, in order; none when there is one
   * @return the source; never null
   */
  public static MultiDataSetIteratorSource of(MultiDataSetIterator iterator, String... names) {
    Objects.requireNonNull(iterator, "iterator");
    return new MultiDataSetIteratorSource(
        iterator, List.of(names), false, new Passes(iterator::resetSupported));
  }

  /**
   * This source with the first labels, one-hot, turned into class indices.
   *
   * @return the source; never null
   */
  public MultiDataSetIteratorSource classIndices() {
    return new MultiDataSetIteratorSource(iterator, names, true, passes);
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
        return convert(iterator.next());
      }
    };
  }

  private Dataset convert(MultiDataSet d) {
    INDArray[] features = d.getFeatures();
    if (features.length != 1) {
      throw Errors.severalFeatures(features.length);
    }
    INDArray[] labels = d.getLabels() == null ? new INDArray[0] : d.getLabels();
    if (labels.length > 0 && labels.length != names.size() + 1) {
      throw Errors.labelsNotNamed(labels.length, names);
    }
    INDArray x = Dl4jArrays.layout(features[0]);
    Dataset.Builder b = Dataset.builder().inputs(x);
    for (int i = 0; i < labels.length; i++) {
      Dl4jArrays.addLabels(
          b,
          i == 0 ? Dataset.TARGET : names.get(i - 1),
          labels[i],
          d.getLabelsMaskArray(i),
          indices && i == 0,
          x.dataType());
    }
    return b.build();
  }

  @Override
  public String description() {
    return "the MultiDataSetIterator " + iterator.getClass().getName();
  }
}
