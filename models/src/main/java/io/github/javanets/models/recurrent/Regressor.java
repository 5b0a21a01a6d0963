package io.github.javanets.models.recurrent;

import static org.apiguardian.api.API.Status.STABLE;

import io.github.javanets.models.Model;
import io.github.javanets.models.ModelKind;
import java.io.IOException;
import java.nio.file.Path;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A recurrent regressor: sequences {@code (B, T, I)} to real-valued sequences {@code (B, T, O)}, a
 * linear output layer, default loss {@code mse}. Weights, when {@code weighted(true)}, have the
 * target's shape; give padded steps weight 0.
 *
 * <pre>{@code
 * Regressor net = Regressor.builder().layers(3, "16:lstm", "8:gru", 2).weighted(true).build();
 * net.train(Dataset.of(x, y, w), TrainOptions.builder().maxUpdates(50).build());
 * INDArray yhat = net.predict(x);
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class Regressor extends Model {
  private Regressor(Builder b) {
    super(ModelKind.RECURRENT_REGRESSOR, b);
  }

  /** Starts a recurrent regressor. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The outputs for sequences {@code x}. Thread-safe.
   *
   * @param x inputs {@code (B, T, I)}; not null
   * @return {@code (B, T, O)}, in the targets' units (when it scales them); never null
   * @throws IllegalArgumentException if {@code x} is not {@code (B, T, I)}
   */
  public INDArray predict(INDArray x) {
    return inDataUnits(output(x, defaultOutput()));
  }

  /**
   * The weighted coefficient of determination R^2 of the predictions for {@code x} against {@code
   * y}, every time step a row: {@code 1 - sum(w (y - p)^2) / sum(w (y - m)^2)}, {@code m} each
   * output's weighted mean over all steps. Thread-safe.
   *
   * @param x inputs {@code (B, T, I)}; not null
   * @param y targets {@code (B, T, O)}; not null
   * @param w weights shaped like {@code y}, or null for all ones
   * @return R^2 (1 is perfect; it can be negative)
   * @throws IllegalArgumentException if the shapes differ, the set is empty or every weight is 0
   */
  public double score(INDArray x, INDArray y, INDArray w) {
    return r2Score(predict(x), y, w);
  }

  /**
   * Loads a recurrent regressor saved by {@link #save}.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if the file holds another kind of model or a loss's provider
   *     is missing
   */
  public static Regressor load(Path path) throws IOException {
    return load(path, ModelKind.RECURRENT_REGRESSOR, Regressor.class);
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
