package io.github.javanets.models;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** The activation functions a layer can apply to its pre-activation values. */
@API(status = STABLE, since = "0.1")
public enum Activation {
  /** The identity. */
  LINEAR,
  /** {@code max(0, x)}. */
  RELU,
  /** {@code 1 / (1 + exp(-x))}; also called {@code sigmoid}. */
  LOGISTIC,
  /** {@code tanh(x)}. */
  TANH,
  /** {@code exp(x_j) / sum_k exp(x_k)} along the last axis. */
  SOFTMAX,
  /** {@code log(1 + exp(x))}. */
  SOFTPLUS,
  /** {@code x} for {@code x > 0}, else {@code exp(x) - 1}. */
  ELU,
  /** {@code x} for {@code x > 0}, else {@code 0.01 x}. */
  LEAKY_RELU;

  /** The slope of {@link #LEAKY_RELU} below 0. */
  public static final double LEAKY_SLOPE = 0.01;

  /** The activation's name in specs ({@code "leaky_relu"}); never null. */
  public String specName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Finds an activation by name, any case; {@code sigmoid} means {@link #LOGISTIC}.
   *
   * @param name the name; not null
   * @return the activation, or null when the name is not one
   */
  static Activation find(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (n.equals("sigmoid")) {
      return LOGISTIC;
    }
    for (Activation a : values()) {
      if (a.specName().equals(n)) {
        return a;
      }
    }
    return null;
  }

  /** The accepted names, for error messages. */
  static String accepted() {
    return Arrays.stream(values()).map(Activation::specName).collect(Collectors.joining(", "))
        + " (sigmoid = logistic)";
  }

  /** Applies the activation to {@code x} in {@code sd}. */
  SDVariable apply(SameDiff sd, SDVariable x) {
    switch (this) {
      case LINEAR:
        return x;
      case RELU:
        return sd.nn().relu(x, 0.0);
      case LOGISTIC:
        return sd.nn().sigmoid(x);
      case TANH:
        return sd.math().tanh(x);
      case SOFTMAX:
        return sd.nn().softmax(x, 1);
      case SOFTPLUS:
        return sd.nn().softplus(x);
      case ELU:
        return sd.nn().elu(x);
      case LEAKY_RELU:
        return sd.nn().leakyRelu(x, LEAKY_SLOPE);
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * The derivative of the activation with respect to its input, element-wise, from the input {@code
   * pre} and the output {@code out}; used by the contractive penalty.
   *
   * @throws IllegalArgumentException for softmax, whose Jacobian is not diagonal
   */
  SDVariable derivative(SameDiff sd, SDVariable pre, SDVariable out) {
    switch (this) {
      case LINEAR:
        return sd.onesLike(pre);
      case RELU:
        return pre.gt(0.0).castTo(pre.dataType());
      case LOGISTIC:
        return out.mul(out.rsub(1.0));
      case TANH:
        return out.mul(out).rsub(1.0);
      case SOFTPLUS:
        return sd.nn().sigmoid(pre);
      case ELU:
        {
          SDVariable positive = pre.gt(0.0).castTo(pre.dataType());
          return positive.add(positive.rsub(1.0).mul(out.add(1.0)));
        }
      case LEAKY_RELU:
        {
          SDVariable positive = pre.gt(0.0).castTo(pre.dataType());
          return positive.mul(1 - LEAKY_SLOPE).add(LEAKY_SLOPE);
        }
      default:
        throw Errors.contractiveNeedsElementWise(this);
    }
  }
}
