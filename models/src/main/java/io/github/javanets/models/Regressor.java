package io.github.javanets.models;

import static org.apiguardian.api.API.Status.STABLE;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A feed-forward regressor: inputs {@code (N, I)} to real-valued targets {@code (N, O)}, a linear
 * output layer, default loss {@code mse}.
 */
@API(status = STABLE, since = "0.1")
public final class Regressor extends Model {
  /**
   * A regressor with layers of these sizes, input first, and the default loss.
   *
   * @param sizes at least two sizes
   */
  public Regressor(int... sizes) {
    this(builder().layers(Arrays.stream(sizes).boxed().toArray()));
  }

  private Regressor(Builder b) {
    super(ModelKind.REGRESSOR, b);
  }

  /** Starts a regressor. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The outputs for inputs {@code x}: {@code (N, O)}, in the targets' units (turned back from the
   * scaled units the network learned in, when the regressor scales its targets). Thread-safe.
   */
  public INDArray predict(INDArray x) {
    return inDataUnits(output(x, network().defaultOutput()));
  }

  /**
   * The coefficient of determination R^2 of the predictions for {@code x} against {@code y}.
   * Thread-safe.
   *
   * @see #score(INDArray, INDArray, INDArray)
   */
  public double score(INDArray x, INDArray y) {
    return score(x, y, null);
  }

  /**
   * The weighted coefficient of determination: {@code 1 - sum(w (y - p)^2) / sum(w (y - m)^2)},
   * with {@code m} each column's weighted mean, summed over every element. Thread-safe.
   *
   * @param x inputs; not null
   * @param y targets, shaped like the predictions; not null
   * @param w weights shaped like {@code y}, or null for all ones
   * @return R^2 (1 is perfect; it can be negative)
   * @throws IllegalArgumentException if the shapes differ, the set is empty or every weight is 0
   */
  public double score(INDArray x, INDArray y, INDArray w) {
    return Scores.r2(predict(x), y, w);
  }

  /**
   * Loads a regressor saved by {@link #save}.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if the file holds another kind of model or a loss's provider
   *     is missing
   */
  public static Regressor load(Path path) throws IOException {
    return (Regressor) ModelFile.load(path, ModelKind.REGRESSOR);
  }

  /** Builds a {@link Regressor}. */
  @API(status = STABLE, since = "0.1")
  public static final class Builder extends Model.Builder<Regressor, Builder> {
    private Builder() {}

    @Override
    public Regressor build() {
      return new Regressor(this);
    }
  }
}
