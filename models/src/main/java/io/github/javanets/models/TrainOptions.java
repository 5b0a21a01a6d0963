package io.github.javanets.models;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How to train: the algorithm and its settings, minibatches, early stopping and regularizers, with
 * theanets' names and, where they make sense, its defaults. Validated when built. Immutable.
 */
@API(status = STABLE, since = "0.1")
public final class TrainOptions {
  /** The default algorithm. */
  public static final String DEFAULT_ALGORITHM = "adam";

  /** The default learning rate. */
  public static final double DEFAULT_LEARNING_RATE = 1e-3;

  /** The default momentum (for {@code nag}). */
  public static final double DEFAULT_MOMENTUM = 0.9;

  /** The default minibatch size. */
  public static final int DEFAULT_BATCH_SIZE = 32;

  /** The default number of epochs. */
  public static final int DEFAULT_MAX_UPDATES = 100;

  /** The default number of epochs between validations. */
  public static final int DEFAULT_VALIDATE_EVERY = 10;

  /** The default number of validations without improvement before stopping. */
  public static final int DEFAULT_PATIENCE = 5;

  /** The default training seed. */
  public static final long DEFAULT_SEED = 13;

  private final String algorithm;
  private final double learningRate;
  private final double momentum;
  private final int batchSize;
  private final int maxUpdates;
  private final int validateEvery;
  private final int patience;
  private final double minImprovement;
  private final double maxGradientNorm;
  private final long seed;
  private final Map<Regularizer, Double> regularizers;

  private TrainOptions(Builder b) {
    this.algorithm = b.algorithm;
    this.learningRate = b.learningRate;
    this.momentum = b.momentum;
    this.batchSize = b.batchSize;
    this.maxUpdates = b.maxUpdates;
    this.validateEvery = b.validateEvery;
    this.patience = b.patience;
    this.minImprovement = b.minImprovement;
    this.maxGradientNorm = b.maxGradientNorm;
    this.seed = b.seed;
    this.regularizers = Collections.unmodifiableMap(new LinkedHashMap<>(b.regularizers));
  }

  /** The defaults. */
  public static TrainOptions defaults() {
    return builder().build();
  }

  /** Starts options with every default. */
  public static Builder builder() {
    return new Builder();
  }

  /** The algorithm's name ({@code sgd}, {@code nag}, {@code rmsprop}, {@code adam}, ...). */
  public String algorithm() {
    return algorithm;
  }

  /** The learning rate, &gt; 0. */
  public double learningRate() {
    return learningRate;
  }

  /** The momentum of {@code nag}, in [0, 1). */
  public double momentum() {
    return momentum;
  }

  /** Rows per minibatch, &gt;= 1. */
  public int batchSize() {
    return batchSize;
  }

  /** The most epochs to train, &gt;= 0. */
  public int maxUpdates() {
    return maxUpdates;
  }

  /** Validate before every epoch whose index is a multiple of this, &gt;= 1. */
  public int validateEvery() {
    return validateEvery;
  }

  /** Stop after more than this many validations without improvement, &gt;= 0. */
  public int patience() {
    return patience;
  }

  /** The relative improvement of the validation loss that counts as one, &gt;= 0. */
  public double minImprovement() {
    return minImprovement;
  }

  /** Rescale gradients whose global L2 norm exceeds this; 0 for no limit. */
  public double maxGradientNorm() {
    return maxGradientNorm;
  }

  /** The training seed: batch order, noise and dropout masks. */
  public long seed() {
    return seed;
  }

  /** The regularizers and their weights, in the order given; unmodifiable. */
  public Map<Regularizer, Double> regularizers() {
    return regularizers;
  }

  @Override
  public String toString() {
    return "TrainOptions(algorithm="
        + algorithm
        + ", learningRate="
        + learningRate
        + ", momentum="
        + momentum
        + ", batchSize="
        + batchSize
        + ", maxUpdates="
        + maxUpdates
        + ", validateEvery="
        + validateEvery
        + ", patience="
        + patience
        + ", minImprovement="
        + minImprovement
        + ", maxGradientNorm="
        + maxGradientNorm
        + ", seed="
        + seed
        + ", regularizers="
        + regularizers
        + ")";
  }

  /** Builds {@link TrainOptions}; each setter checks its value. */
  @API(status = STABLE, since = "0.1")
  public static final class Builder {
    private String algorithm = DEFAULT_ALGORITHM;
    private double learningRate = DEFAULT_LEARNING_RATE;
    private double momentum = DEFAULT_MOMENTUM;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private int maxUpdates = DEFAULT_MAX_UPDATES;
    private int validateEvery = DEFAULT_VALIDATE_EVERY;
    private int patience = DEFAULT_PATIENCE;
    private double minImprovement;
    private double maxGradientNorm;
    private long seed = DEFAULT_SEED;
    private final Map<Regularizer, Double> regularizers = new LinkedHashMap<>();

    private Builder() {}

    /** The algorithm's name; checked against the bound algorithms when training starts. */
    public Builder algorithm(String name) {
      this.algorithm =
          Objects.requireNonNull(name, "algorithm").trim().toLowerCase(java.util.Locale.ROOT);
      return this;
    }

    /** The learning rate, finite and &gt; 0. */
    public Builder learningRate(double value) {
      this.learningRate = check("learningRate", value, value > 0, "finite and > 0");
      return this;
    }

    /** The momentum, in [0, 1). */
    public Builder momentum(double value) {
      this.momentum = check("momentum", value, value >= 0 && value < 1, "in [0, 1)");
      return this;
    }

    /** Rows per minibatch, &gt;= 1. */
    public Builder batchSize(int value) {
      this.batchSize = check("batchSize", value, value >= 1, "a whole number >= 1");
      return this;
    }

    /** The most epochs, &gt;= 0. */
    public Builder maxUpdates(int value) {
      this.maxUpdates = check("maxUpdates", value, value >= 0, "a whole number >= 0");
      return this;
    }

    /** Epochs between validations, &gt;= 1. */
    public Builder validateEvery(int value) {
      this.validateEvery = check("validateEvery", value, value >= 1, "a whole number >= 1");
      return this;
    }

    /** Validations without improvement tolerated, &gt;= 0. */
    public Builder patience(int value) {
      this.patience = check("patience", value, value >= 0, "a whole number >= 0");
      return this;
    }

    /** The relative improvement that counts, finite and &gt;= 0. */
    public Builder minImprovement(double value) {
      this.minImprovement = check("minImprovement", value, value >= 0, "finite and >= 0");
      return this;
    }

    /** The largest global gradient norm, finite and &gt;= 0 (0: no limit). */
    public Builder maxGradientNorm(double value) {
      this.maxGradientNorm = check("maxGradientNorm", value, value >= 0, "finite and >= 0");
      return this;
    }

    /** The training seed. */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /**
     * Adds a regularizer by name ({@code weight_l1}, {@code weight_l2}, {@code hidden_l1}, {@code
     * input_noise}, {@code hidden_noise}, {@code input_dropout}, {@code hidden_dropout}, {@code
     * contractive}) with its weight.
     *
     * @throws IllegalArgumentException for an unknown name or a weight it does not accept
     */
    public Builder regularizer(String name, double weight) {
      Regularizer r = Regularizer.byName(name);
      r.check(weight);
      regularizers.put(r, weight);
      return this;
    }

    /** Builds the options. */
    public TrainOptions build() {
      return new TrainOptions(this);
    }

    private static int check(String name, int value, boolean ok, String accepted) {
      if (!ok) {
        throw Errors.badTrainOption(name, accepted, value);
      }
      return value;
    }

    private static double check(String name, double value, boolean ok, String accepted) {
      if (!ok || !Double.isFinite(value)) {
        throw Errors.badTrainOption(name, accepted, value);
      }
      return value;
    }
  }
}
