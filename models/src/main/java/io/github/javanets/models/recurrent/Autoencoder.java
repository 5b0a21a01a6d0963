package io.github.javanets.models.recurrent;

import static org.apiguardian.api.API.Status.STABLE;

import io.github.javanets.models.Model;
import io.github.javanets.models.ModelKind;
import java.io.IOException;
import java.nio.file.Path;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A recurrent autoencoder: its input sequences {@code (B, T, I)} are its target; a linear output
 * layer, default loss {@code mse}. Weights, when {@code weighted(true)}, have the input's shape;
 * give padded steps weight 0. theanets' {@code recurrent.Autoencoder([3, (10, 'rnn'), 3],
 * weighted=True)} is
 *
 * <pre>{@code
 * Autoencoder ae = Autoencoder.builder().layers(3, Layer.of(10, "rnn"), 3).weighted(true).build();
 * ae.train(Dataset.builder().inputs(x).weights(w).build(), options);
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class Autoencoder extends Model {
  // The model's network checks that the output layer is the size of the input.
  private Autoencoder(Builder b) {
    super(ModelKind.RECURRENT_AUTOENCODER, b);
  }

  /** Starts a recurrent autoencoder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The reconstruction of sequences {@code x (B, T, I)}: {@code (B, T, I)}, in the inputs' units.
   * Thread-safe.
   */
  public INDArray predict(INDArray x) {
    return inDataUnits(output(x, defaultOutput()));
  }

  /** The codes of {@code x (B, T, I)}: the middle layer's output at each step. Thread-safe. */
  public INDArray encode(INDArray x) {
    return output(x, layerName(depth() / 2) + ":out");
  }

  /**
   * The reconstruction from codes: the layers after the middle one. Thread-safe.
   *
   * @param z codes {@code (B, T, middle layer size)}; not null
   * @throws IllegalArgumentException if {@code z} does not fit the code layer
   */
  public INDArray decode(INDArray z) {
    return inDataUnits(decode(depth() / 2, z));
  }

  /**
   * The R^2 of the reconstruction of {@code x}, weighted by {@code w} (null: all ones).
   * Thread-safe.
   */
  public double score(INDArray x, INDArray w) {
    return r2Score(predict(x), x, w);
  }

  /**
   * Loads a recurrent autoencoder saved by {@link #save}.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if the file holds another kind of model or a loss's provider
   *     is missing
   */
  public static Autoencoder load(Path path) throws IOException {
    return load(path, ModelKind.RECURRENT_AUTOENCODER, Autoencoder.class);
  }

  /** Builds an {@link Autoencoder}. */
  @API(status = STABLE, since = "0.1")
  public static final class Builder extends Model.Builder<Autoencoder, Builder> {
    private Builder() {}

    @Override
    public Autoencoder build() {
      return new Autoencoder(this);
    }
  }
}
