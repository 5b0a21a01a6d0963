package io.github.javanets.models;

import static org.apiguardian.api.API.Status.STABLE;

import io.github.javanets.loss.internal.ArrayChecks;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A set of named arrays with the same first dimension (rows): {@code inputs}, {@code target} (not
 * for autoencoders), {@code weights} (when the model is weighted) and any extra array a loss names
 * as its target, with its weights under {@code <name>.weights}. Validated when built: every array
 * has the inputs' rows, inputs are floating point, every value is finite, weights are &gt;= 0 and
 * shaped like what they weigh. Immutable. Arrays are kept as given (do not change them), except
 * views (a range of columns, say) and 'f'-order arrays, which are copied to fresh 'c'-order arrays.
 * Thread-safe.
 */
@API(status = STABLE, since = "0.1")
public final class Dataset {
  /** The name of the inputs array. */
  public static final String INPUTS = "inputs";

  /** The name of the default target array. */
  public static final String TARGET = "target";

  /** The name of the weights of the default target. */
  public static final String WEIGHTS = "weights";

  private final Map<String, INDArray> arrays;

  private Dataset(Map<String, INDArray> arrays) {
    this.arrays = Collections.unmodifiableMap(arrays);
  }

  /** The name of the weights of array {@code name}: {@code weights} for the target. */
  public static String weightsOf(String name) {
    return name.equals(TARGET) || name.equals(INPUTS) ? WEIGHTS : name + "." + WEIGHTS;
  }

  /**
   * Whether {@code name} names weights: {@code weights}, or {@code <array>.weights} for another
   * array.
   */
  public static boolean isWeights(String name) {
    return name.equals(WEIGHTS) || name.endsWith("." + WEIGHTS);
  }

  /** Inputs and a target (values for regressors, labels for classifiers). */
  public static Dataset of(INDArray inputs, INDArray target) {
    return builder().inputs(inputs).target(target).build();
  }

  /** Inputs, a target and its per-element weights. */
  public static Dataset of(INDArray inputs, INDArray target, INDArray weights) {
    return builder().inputs(inputs).target(target).weights(weights).build();
  }

  /** Inputs only, as an autoencoder takes them. */
  public static Dataset of(INDArray inputs) {
    return builder().inputs(inputs).build();
  }

  /** Starts a dataset with named arrays. */
  public static Builder builder() {
    return new Builder();
  }

  /** The inputs; never null. */
  public INDArray inputs() {
    return arrays.get(INPUTS);
  }

  /** The target, or null when there is none. */
  public INDArray target() {
    return arrays.get(TARGET);
  }

  /** The weights of the target (or of the inputs, for an autoencoder), or null. */
  public INDArray weights() {
    return arrays.get(WEIGHTS);
  }

  /** Whether the dataset holds an array called {@code name}. */
  public boolean has(String name) {
    return arrays.containsKey(name);
  }

  /**
   * An array by name.
   *
   * @throws IllegalArgumentException if there is none, listing the arrays that exist
   */
  public INDArray array(String name) {
    INDArray a = arrays.get(name);
    if (a == null) {
      throw Errors.noSuchArray(name, arrays.keySet());
    }
    return a;
  }

  /** The names of the arrays, inputs first; unmodifiable. */
  public Set<String> names() {
    return arrays.keySet();
  }

  /** The number of rows. */
  public long rows() {
    return inputs().size(0);
  }

  /**
   * Rows {@code [from, to)} of every array, as views.
   *
   * @throws IllegalArgumentException if the range is not within {@code [0, rows()]}
   */
  public Dataset rows(long from, long to) {
    if (from < 0 || to > rows() || from >= to) {
      throw Errors.rowsOutOfRange(from, to, rows());
    }
    Map<String, INDArray> slice = new LinkedHashMap<>();
    arrays.forEach((k, v) -> slice.put(k, v.get(rowRange(v.rank(), from, to))));
    return new Dataset(slice);
  }

  private static org.nd4j.linalg.indexing.INDArrayIndex[] rowRange(int rank, long from, long to) {
    org.nd4j.linalg.indexing.INDArrayIndex[] idx = new org.nd4j.linalg.indexing.INDArrayIndex[rank];
    idx[0] = NDArrayIndex.interval(from, to);
    for (int d = 1; d < rank; d++) {
      idx[d] = NDArrayIndex.all();
    }
    return idx;
  }

  /** Builds a {@link Dataset}. */
  @API(status = STABLE, since = "0.1")
  public static final class Builder {
    private final Map<String, INDArray> arrays = new LinkedHashMap<>();

    private Builder() {}

    /** Sets the inputs, {@code (N, ...)} floating point. */
    public Builder inputs(INDArray inputs) {
      return array(INPUTS, inputs);
    }

    /** Sets the target. */
    public Builder target(INDArray target) {
      return array(TARGET, target);
    }

    /** Sets the weights of the target (or of the inputs, for an autoencoder). */
    public Builder weights(INDArray weights) {
      return array(WEIGHTS, weights);
    }

    /**
     * Adds a named array, such as samples of a prior for an {@code mmd} loss ({@code target=prior})
     * or its weights ({@code prior.weights}). A view or an 'f'-order array is copied.
     *
     * @throws IllegalArgumentException if the name is taken, or the array has no data buffer
     */
    public Builder array(String name, INDArray array) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(array, () -> "array '" + name + "'");
      if (arrays.put(name, ArrayChecks.contiguous(name, array)) != null) {
        throw Errors.arrayGivenTwice(name);
      }
      return this;
    }

    /**
     * Builds and validates the dataset.
     *
     * @throws IllegalArgumentException naming the array that is wrong and why
     */
    public Dataset build() {
      INDArray inputs = arrays.get(INPUTS);
      if (inputs == null) {
        throw Errors.noInputs();
      }
      if (!inputs.dataType().isFPType() || inputs.rank() < 2) {
        throw Errors.inputsNotFloatingPoint(inputs.dataType(), inputs.shape());
      }
      long rows = inputs.size(0);
      for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
        INDArray a = e.getValue();
        if (a.rank() == 0 || a.size(0) != rows) {
          throw Errors.rowsDiffer(e.getKey(), a.shape(), rows);
        }
        ArrayChecks.checkFinite(e.getKey(), a);
      }
      for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
        String name = e.getKey();
        if (isWeights(name)) {
          checkWeights(name, e.getValue());
        }
      }
      Map<String, INDArray> copy = new LinkedHashMap<>();
      copy.putAll(arrays);
      return new Dataset(copy);
    }

    private void checkWeights(String name, INDArray w) {
      String of =
          name.equals(WEIGHTS)
              ? (arrays.containsKey(TARGET) ? TARGET : INPUTS)
              : name.substring(0, name.length() - WEIGHTS.length() - 1);
      INDArray weighed = arrays.get(of);
      if (weighed == null) {
        throw Errors.weightsOfMissingArray(name, of);
      }
      if (!Arrays.equals(w.shape(), weighed.shape())) {
        throw Errors.weightsNotShapedLikeArray(name, w.shape(), of, weighed.shape());
      }
      ArrayChecks.checkWeights(name, w);
    }
  }
}
