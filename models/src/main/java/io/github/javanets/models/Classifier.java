package io.github.javanets.models;

import static org.apiguardian.api.API.Status.STABLE;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A feed-forward classifier: inputs {@code (N, I)} to integer labels {@code (N)} in {@code [0, k)},
 * a softmax output layer of {@code k} units, default loss {@code xe}.
 */
@API(status = STABLE, since = "0.1")
public final class Classifier extends Model {
  /**
   * A classifier with layers of these sizes, input first, and the default loss.
   *
   * @param sizes at least two sizes; the last is the number of classes
   */
  public Classifier(int... sizes) {
    this(builder().layers(Arrays.stream(sizes).boxed().toArray()));
  }

  private Classifier(Builder b) {
    super(ModelKind.CLASSIFIER, b);
  }

  /** Starts a classifier. */
  public static Builder builder() {
    return new Builder();
  }

  /** The class probabilities for inputs {@code x}: {@code (N, k)}. Thread-safe. */
  public INDArray predictProba(INDArray x) {
    return output(x, network().defaultOutput());
  }

  /** The most probable class of each row (the first on ties): {@code (N)}, INT64. Thread-safe. */
  public INDArray predict(INDArray x) {
    return predictProba(x).argMax(1).castTo(DataType.INT64);
  }

  /** The fraction of rows whose predicted class equals the label. Thread-safe. */
  public double score(INDArray x, INDArray labels) {
    return score(x, labels, null);
  }

  /**
   * The weighted accuracy {@code sum(w * correct) / sum(w)}. Thread-safe.
   *
   * @param x inputs; not null
   * @param labels labels {@code (N)}; not null
   * @param w one weight per label, or null for all ones
   * @throws IllegalArgumentException if the shapes differ, the set is empty or every weight is 0
   */
  public double score(INDArray x, INDArray labels, INDArray w) {
    return Scores.accuracy(predict(x), labels, w);
  }

  /** Labels, as {@link #predict(INDArray)} gives them. */
  @Override
  protected INDArray predictBatch(INDArray x) {
    return predict(x);
  }

  /**
   * Loads a classifier saved by {@link #save}.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if the file holds another kind of model or a loss's provider
   *     is missing
   */
  public static Classifier load(Path path) throws IOException {
    return (Classifier) ModelFile.load(path, ModelKind.CLASSIFIER);
  }

  /** Builds a {@link Classifier}. */
  @API(status = STABLE, since = "0.1")
  public static final class Builder extends Model.Builder<Classifier, Builder> {
    private Builder() {}

    @Override
    public Classifier build() {
      return new Classifier(this);
    }
  }
}
