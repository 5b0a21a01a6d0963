package io.github.javanets.models;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Locale;
import org.apiguardian.api.API;

/** The regularizers a training run can add, each with a weight (theanets' names). */
@API(status = STABLE, since = "0.1")
public enum Regularizer {
  /** {@code weight * sum over weight matrices of mean(abs(W))} (biases excluded). */
  WEIGHT_L1,
  /** {@code weight * sum over weight matrices of mean(W^2)} (biases excluded). */
  WEIGHT_L2,
  /** {@code weight * sum over hidden layers of mean(abs(h))}. */
  HIDDEN_L1,
  /** Gaussian noise with standard deviation {@code weight} added to the inputs while training. */
  INPUT_NOISE,
  /**
   * Gaussian noise with standard deviation {@code weight} added to hidden outputs while training.
   */
  HIDDEN_NOISE,
  /** Inverted dropout of the inputs with rate {@code weight} while training. */
  INPUT_DROPOUT,
  /** Inverted dropout of hidden outputs with rate {@code weight} while training. */
  HIDDEN_DROPOUT,
  /**
   * {@code weight * sum over hidden dense layers of mean over rows of ||dh/dx||_F^2}, the analytic
   * Jacobian of each hidden layer with respect to its input.
   */
  CONTRACTIVE;

  /** The regularizer's name ({@code "weight_l2"}). */
  public String specName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the regularizer adds a penalty term to the objective (not noise or dropout). */
  public boolean isPenalty() {
    return this == WEIGHT_L1 || this == WEIGHT_L2 || this == HIDDEN_L1 || this == CONTRACTIVE;
  }

  static Regularizer byName(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (Regularizer r : values()) {
      if (r.specName().equals(n)) {
        return r;
      }
    }
    throw Errors.unknownRegularizer(name);
  }

  void check(double weight) {
    boolean dropout = this == INPUT_DROPOUT || this == HIDDEN_DROPOUT;
    boolean ok = Double.isFinite(weight) && weight >= 0 && (!dropout || weight < 1);
    if (!ok) {
      throw Errors.badRegularizerWeight(this, dropout, weight);
    }
  }
}
