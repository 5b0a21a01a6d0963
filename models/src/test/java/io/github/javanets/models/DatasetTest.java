package io.github.javanets.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DatasetTest {
  private static final INDArray X = TestData.gaussian(1, 4, 3);
  private static final INDArray Y = TestData.gaussian(2, 4, 2);

  @Test
  void factoriesNameTheirArrays() {
    INDArray w = Nd4j.onesLike(Y);

    assertThat(Dataset.of(X).names()).containsExactly("inputs");
    assertThat(Dataset.of(X, Y).names()).containsExactly("inputs", "target");
    Dataset d = Dataset.of(X, Y, w);
    assertThat(d.names()).containsExactly("inputs", "target", "weights");
    assertThat(d.inputs()).isSameAs(X);
    assertThat(d.target()).isSameAs(Y);
    assertThat(d.weights()).isSameAs(w);
    assertThat(d.rows()).isEqualTo(4);
    assertThat(Dataset.of(X).target()).isNull();
    assertThat(Dataset.of(X).weights()).isNull();
  }

  @Test
  void theBuilderTakesNamedExtraArraysAndTheirWeights() {
    INDArray prior = TestData.gaussian(3, 4, 5);
    Dataset d =
        Dataset.builder()
            .inputs(X)
            .array("prior", prior)
            .array("prior.weights", Nd4j.onesLike(prior))
            .build();

    assertThat(d.names()).containsExactly("inputs", "prior", "prior.weights");
    assertThat(d.has("prior")).isTrue();
    assertThat(d.has("target")).isFalse();
    assertThat(d.array("prior")).isSameAs(prior);
    assertThat(Dataset.weightsOf("prior")).isEqualTo("prior.weights");
    assertThat(Dataset.weightsOf("target")).isEqualTo("weights");
    assertThat(Dataset.weightsOf("inputs")).isEqualTo("weights");
    assertThatThrownBy(() -> d.array("code"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The dataset has no array 'code'. Arrays: inputs, prior, prior.weights.");
    assertThatThrownBy(() -> d.names().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rowsAreSlicesOfEveryArray() {
    INDArray labels = Nd4j.createFromArray(0L, 1L, 2L, 1L);
    Dataset d = Dataset.builder().inputs(X).target(labels).array("extra", Y).build();

    Dataset slice = d.rows(1, 3);

    assertThat(slice.rows()).isEqualTo(2);
    TestData.assertSameBits(
        "inputs", slice.inputs(), X.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 3)));
    assertThat(slice.target().toLongVector()).containsExactly(1L, 2L);
    assertThat(slice.array("extra").getDouble(1, 1)).isEqualTo(Y.getDouble(2, 1));
    assertThatThrownBy(() -> d.rows(3, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Rows [3, 5) are not within the dataset's 4 rows.");
    assertThatThrownBy(() -> d.rows(2, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Rows [2, 2) are not within the dataset's 4 rows.");
  }

  @Test
  void aDatasetNeedsFloatingPointInputsOfRankTwoOrMore() {
    assertThatThrownBy(() -> Dataset.builder().target(Y).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A dataset needs an 'inputs' array.");
    assertThatThrownBy(() -> Dataset.of(Nd4j.zeros(DataType.INT32, 4, 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Dataset array 'inputs' must be floating point with rank 2 or more; it is INT of shape"
                + " [4, 3].");
    assertThatThrownBy(() -> Dataset.of(Nd4j.createFromArray(1.0, 2.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Dataset array 'inputs' must be floating point with rank 2 or more; it is DOUBLE of"
                + " shape [2].");
  }

  @Test
  void everyArrayNeedsOneRowPerExample() {
    assertThatThrownBy(() -> Dataset.of(X, TestData.gaussian(1, 3, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Dataset array 'target' has shape [3, 2] but 'inputs' has 4 rows; every array needs one"
                + " row per example.");
    assertThatThrownBy(() -> Dataset.builder().inputs(X).array("prior", Nd4j.scalar(1.0)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Dataset array 'prior' has shape [] but 'inputs' has 4 rows; every array needs one row"
                + " per example.");
  }

  @Test
  void everyValueMustBeFinite() {
    INDArray y = Y.dup();
    y.putScalar(1, 1, Double.NaN);
    INDArray x = X.dup();
    x.putScalar(2, 0, Double.POSITIVE_INFINITY);

    assertThatThrownBy(() -> Dataset.of(X, y))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Array 'target' has NaN at index [1, 1]; every value must be finite.");
    assertThatThrownBy(() -> Dataset.of(x, Y))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Array 'inputs' has Infinity at index [2, 0]; every value must be finite.");
  }

  @Test
  void weightsAreShapedLikeWhatTheyWeighFiniteAndNotNegative() {
    INDArray negative = Nd4j.onesLike(Y);
    negative.putScalar(2, 1, -0.5);
    INDArray nan = Nd4j.onesLike(Y);
    nan.putScalar(0, 1, Double.NaN);

    assertThatThrownBy(() -> Dataset.of(X, Y, Nd4j.ones(DataType.DOUBLE, 4, 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Dataset array 'weights' has shape [4, 3] but the target has shape [4, 2].");
    assertThatThrownBy(() -> Dataset.of(X, Y, negative))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Array 'weights' has -0.5 at index [2, 1]; weights must be finite and >= 0.");
    assertThatThrownBy(() -> Dataset.of(X, Y, nan))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Array 'weights' has NaN at index [0, 1]; every value must be finite.");
    assertThatThrownBy(
            () ->
                Dataset.builder()
                    .inputs(X)
                    .array("prior", Y)
                    .array("prior.weights", Nd4j.ones(DataType.DOUBLE, 4))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Dataset array 'prior.weights' has shape [4] but the array 'prior' has shape [4, 2].");
    assertThatThrownBy(
            () -> Dataset.builder().inputs(X).array("code.weights", Nd4j.onesLike(Y)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Dataset array 'code.weights' weighs array 'code', which is not given.");
  }

  @Test
  void anArrayIsGivenOnce() {
    assertThatThrownBy(() -> Dataset.builder().inputs(X).target(Y).target(Y))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Dataset array 'target' is given twice.");
  }
}
