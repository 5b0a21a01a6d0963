package io.github.javanets.models.recurrent;

import static org.apiguardian.api.API.Status.STABLE;

import io.github.javanets.models.Model;
import io.github.javanets.models.ModelKind;
import java.io.IOException;
import java.nio.file.Path;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A recurrent classifier: sequences {@code (B, T, I)} to one integer label in {@code [0, k)} per
 * step, labels {@code (B, T)}; a softmax output layer of {@code k} units along the last axis,
 * default loss {@code xe}. Weights, when {@code weighted(true)}, are {@code (B, T)}, one per label;
 * give padded steps weight 0.
 */
@API(status = STABLE, since = "0.1")
public final class Classifier extends Model {
  private Classifier(Builder b) {
    super(ModelKind.RECURRENT_CLASSIFIER, b);
  }

  /** Starts a recurrent classifier. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The class probabilities at each step. Thread-safe.
   *
   * @param x inputs {@code (B, T, I)}; not null
   * @return {@code (B, T, k)}; never null
   */
  public INDArray predictProba(INDArray x) {
    return output(x, defaultOutput());
  }

  /**
   * The most probable class at each step (the first on ties): {@code (B, T)}, INT64. Thread-safe.
   */
  public INDArray predict(INDArray x) {
    return predictProba(x).argMax(2).castTo(DataType.INT64);
  }

  /**
   * The weighted accuracy over every step, {@code sum(w * correct) / sum(w)}: with weight 0 on
   * padded steps, the accuracy on real steps only. Thread-safe.
   *
   * @param x inputs {@code (B, T, I)}; not null
   * @param labels labels {@code (B, T)}; not null
   * @param w one weight per label, or null for all ones
   * @throws IllegalArgumentException if the shapes differ, the set is empty or every weight is 0
   */
  public double score(INDArray x, INDArray labels, INDArray w) {
    return accuracyScore(predict(x), labels, w);
  }

  /** Labels, as {@link #predict(INDArray)} gives them. */
  @Override
  protected INDArray predictBatch(INDArray x) {
    return predict(x);
  }

  /**
   * Loads a recurrent classifier saved by {@link #save}.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if the file holds another kind of model or a loss's provider
   *     is missing
   */
  public static Classifier load(Path path) throws IOException {
    return load(path, ModelKind.RECURRENT_CLASSIFIER, Classifier.class);
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
