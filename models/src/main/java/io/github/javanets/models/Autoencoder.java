package io.github.javanets.models;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A feed-forward autoencoder: its input is its target; a linear output layer, default loss {@code
 * mse}. Decoder layers may be {@code tied} to their mirror encoder layers.
 */
@API(status = STABLE, since = "0.1")
public final class Autoencoder extends Model {
  /**
   * An autoencoder with layers of these sizes, input first (the last must equal the first).
   *
   * @param sizes at least two sizes
   */
  public Autoencoder(int... sizes) {
    this(builder().layers(Arrays.stream(sizes).boxed().toArray()));
  }

  // Network.of(layers, kind) checks that the output layer is the size of the input.
  private Autoencoder(Builder b) {
    super(ModelKind.AUTOENCODER, b);
  }

  /** Starts an autoencoder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The reconstruction of {@code x}, in the inputs' units (turned back when the autoencoder scales
   * its inputs). Thread-safe.
   */
  public INDArray predict(INDArray x) {
    return inDataUnits(output(x, network().defaultOutput()));
  }

  /** The index of the code layer: the middle one. */
  int middle() {
    return network().depth() / 2;
  }

  /** The codes of {@code x}: the middle layer's output. Thread-safe. */
  public INDArray encode(INDArray x) {
    return output(x, network().layer(middle()).name() + ":out");
  }

  /**
   * The reconstruction from codes {@code z}: the layers after the middle one, in the inputs' units.
   * Thread-safe.
   *
   * @param z codes, (N, middle layer size); not null
   */
  public INDArray decode(INDArray z) {
    return inDataUnits(decode(middle(), z));
  }

  /** The R^2 of the reconstruction of {@code x}. Thread-safe. */
  public double score(INDArray x) {
    return score(x, null);
  }

  /**
   * The R^2 of the reconstruction of {@code x}, weighted by {@code w}: {@code 1 - sum(w (p - x)^2)
   * / sum(w (x - m)^2)}, with {@code m} each column's weighted mean; an element of weight 0 (an
   * unknown entry in matrix completion) counts in neither sum. Computed in double precision.
   * Thread-safe.
   *
   * @param x the inputs, (N, features); not null
   * @param w weights shaped like {@code x}, &gt;= 0, or null for all ones
   * @throws IllegalArgumentException if {@code w} is not shaped like {@code x}, {@code x} is empty,
   *     or every weight is 0
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public double score(INDArray x, INDArray w) {
    return r2Score(predict(x), x, w);
  }

  /**
   * Loads an autoencoder saved by {@link #save}.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if the file holds another kind of model or a loss's provider
   *     is missing
   */
  public static Autoencoder load(Path path) throws IOException {
    return (Autoencoder) ModelFile.load(path, ModelKind.AUTOENCODER);
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
