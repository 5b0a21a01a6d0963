package io.github.javanets.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.javanets.conventions.SameBits;
import io.github.javanets.models.BatchIterator;
import io.github.javanets.models.BatchSource;
import io.github.javanets.models.Classifier;
import io.github.javanets.models.Dataset;
import io.github.javanets.models.TrainOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.TestDataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.TestMultiDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/** DL4J's iterators as batch sources: arrays, masks, names, resets, and the bits of training. */
class IteratorSourcesTest {
  private static INDArray features() {
    Nd4j.getRandom().setSeed(1);
    return Nd4j.rand(DataType.DOUBLE, 20, 3);
  }

  private static INDArray labels() {
    long[] classes = new long[20];
    for (int i = 0; i < 20; i++) {
      classes[i] = i % 3;
    }
    return Nd4j.createFromArray(classes);
  }

  private static List<Dataset> pass(BatchSource source) {
    List<Dataset> batches = new ArrayList<>();
    try (BatchIterator it = source.open()) {
      it.forEachRemaining(batches::add);
    }
    return batches;
  }

  @Test
  void oneHotLabelsBecomeClassIndicesAndTrainAsTheDatasetDoes() {
    INDArray x = features();
    INDArray oneHot = Nd4j.eye(3).castTo(DataType.DOUBLE).getRows(labels().toIntVector());
    BatchSource source =
        DataSetIteratorSource.of(new TestDataSetIterator(new DataSet(x, oneHot), 5)).classIndices();

    List<Dataset> batches = pass(source);
    assertThat(batches).hasSize(4);
    SameBits.assertSameBits(
        "inputs",
        batches.get(1).inputs(),
        x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(5, 10)));
    assertThat(batches.get(1).target().dataType()).isEqualTo(DataType.INT64);
    assertThat(batches.get(1).target().toLongVector()).containsExactly(2, 0, 1, 2, 0);
    assertThat(pass(source)).hasSize(4);

    TrainOptions options = TrainOptions.builder().maxUpdates(3).seed(2).build();
    Classifier fromIterator =
        Classifier.builder().layers(3, 4, 3).dataType(DataType.DOUBLE).build();
    Classifier fromDataset = Classifier.builder().layers(3, 4, 3).dataType(DataType.DOUBLE).build();
    Dataset data = Dataset.of(x, labels());
    fromIterator.train(source, BatchSource.of(data, 5), options);
    fromDataset.train(BatchSource.of(data, 5), BatchSource.of(data, 5), options);

    Map<String, INDArray> a = fromIterator.parameters();
    Map<String, INDArray> b = fromDataset.parameters();
    SameBits.assertSameBits(a, b);
    assertThat(a.get("hid1.w"))
        .isNotEqualTo(
            Classifier.builder()
                .layers(3, 4, 3)
                .dataType(DataType.DOUBLE)
                .build()
                .parameters()
                .get("hid1.w"));
  }

  @Test
  void sequencesArePermutedAndLabelMasksWeighEveryOutputOfTheirStep() {
    Nd4j.getRandom().setSeed(3);
    INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 3, 4); // (batch, size, time), DL4J's layout
    INDArray y = Nd4j.rand(DataType.DOUBLE, 2, 2, 4);
    INDArray mask = Nd4j.createFromArray(new double[][] {{1, 1, 1, 0}, {1, 1, 0, 0}});
    DataSet d = new DataSet(x, y, null, mask);

    Dataset batch = pass(DataSetIteratorSource.of(new TestDataSetIterator(d, 2))).get(0);

    assertThat(batch.inputs().shape()).containsExactly(2, 4, 3);
    assertThat(batch.inputs().getDouble(1, 2, 0)).isEqualTo(x.getDouble(1, 0, 2));
    assertThat(batch.target().shape()).containsExactly(2, 4, 2);
    assertThat(batch.weights().shape()).containsExactly(2, 4, 2);
    assertThat(batch.weights().getDouble(0, 3, 1)).isZero();
    assertThat(batch.weights().getDouble(0, 2, 1)).isEqualTo(1.0);
    assertThat(batch.weights().getDouble(1, 2, 0)).isZero();
  }

  @Test
  void anIteratorThatCannotResetGivesOnePass() {
    TestDataSetIterator once =
        new TestDataSetIterator(new DataSet(features(), features()), 10) {
          @Override
          public boolean resetSupported() {
            return false;
          }
        };
    DataSetIteratorSource source = DataSetIteratorSource.of(once);

    assertThat(pass(source)).hasSize(2);
    assertThatThrownBy(source::open)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            source.description()
                + " cannot reset, so it gives one pass only; train for one epoch with validation"
                + " on another source, or use an iterator whose resetSupported() is true.");
  }

  @Test
  void furtherLabelsOfAMultiDataSetAreNamedArraysWithTheirMasks() {
    INDArray x = features();
    INDArray prior = Nd4j.rand(DataType.DOUBLE, 20, 2);
    INDArray priorMask = Nd4j.ones(DataType.DOUBLE, 20, 1);
    MultiDataSet d =
        new MultiDataSet(
            new INDArray[] {x},
            new INDArray[] {features(), prior},
            null,
            new INDArray[] {null, priorMask});

    Dataset batch =
        pass(MultiDataSetIteratorSource.of(new TestMultiDataSetIterator(20, d), "prior")).get(0);

    assertThat(batch.names())
        .containsExactly(Dataset.INPUTS, Dataset.TARGET, "prior", "prior.weights");
    SameBits.assertSameBits("prior", batch.array("prior"), prior);
    assertThat(batch.array("prior.weights").shape()).containsExactly(20, 2);

    BatchSource unnamed = MultiDataSetIteratorSource.of(new TestMultiDataSetIterator(20, d));
    assertThatThrownBy(() -> pass(unnamed))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The MultiDataSet has 2 labels arrays but 0 names were given for those after the"
                + " first ([]); give one name per extra labels array, as the losses' target="
                + " parameter names it.");
  }

  @Test
  void messagesSayWhatIsAccepted() {
    assertThat(Errors.maskDoesNotFit("target", new long[] {4, 7}, new long[] {4, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The label mask of 'target' has shape [4, 7] but 'target' has shape [4, 3]; a mask"
                + " must have that shape, or it without its last axis (one weight per row or"
                + " step).");
    assertThat(Errors.severalFeatures(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The MultiDataSet has 2 features arrays; a javanets model reads one (inputs).");
    assertThat(Errors.cannotReset("it"))
        .hasMessage(
            "it cannot reset, so it gives one pass only; train for one epoch with validation on"
                + " another source, or use an iterator whose resetSupported() is true.");
  }
}
