package io.github.javanets.models;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * How a model scales a set of columns (its inputs, or a regressor's targets) before its network
 * sees them: chosen on the model's builder ({@link Model.Builder#scaleInputs}, {@link
 * Model.Builder#scaleTargets}), fitted in one pass over the training data and saved in the model
 * file. Each column {@code c} becomes {@code (x - offset[c]) / scale[c]}; predictions of scaled
 * targets are turned back with {@code y * scale[c] + offset[c]}.
 *
 * <p>A column whose counted values are all equal (a standard deviation or range of 0), or that has
 * no counted value at all, gets scale 1 (and, without values, offset 0), so nothing divides by 0.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public enum Scaling {
  /** Columns as given: offset 0, scale 1, nothing fitted. */
  NONE,

  /**
   * Standardisation: offset the column's mean, scale its standard deviation (the population one,
   * dividing by the count, as scikit-learn's {@code StandardScaler}), so the column has mean 0 and
   * standard deviation 1 on the training data.
   */
  STANDARD,

  /**
   * Min-max scaling: offset the column's minimum, scale its range {@code max - min}, so the column
   * spans {@code [0, 1]} on the training data (new data may fall outside).
   */
  MIN_MAX
}
