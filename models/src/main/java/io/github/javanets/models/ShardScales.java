package io.github.javanets.models;

import io.github.javanets.loss.Decomposable;
import io.github.javanets.loss.Loss;
import io.github.javanets.loss.internal.LossContextBuilder.ReductionObserver;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The scale placeholders of a shard's training graph, where one minibatch is split into shards
 * whose monitors and gradients add up to the whole minibatch's: each loss's value is multiplied by
 * {@code shard.loss.<i>} (its share {@code D_s / D} of the loss's denominator, see {@link
 * Decomposable}), a penalty on the parameters by {@code shard.params} (1 on one shard, 0 on the
 * others) and a penalty on activations by {@code shard.rows} (the shard's share of the rows). Also
 * holds each loss's denominator {@code D_s} on the shard, as a graph variable, from the one
 * reduction the loss made.
 *
 * <p>A training graph holds the denominators only ({@link #denominatorsOnly}): no scale
 * placeholder, and a loss that does not split exactly gets no denominator rather than being
 * refused, so that an evaluation over several batches ({@link PassMonitors}) sums each loss exactly
 * where it can.
 */
final class ShardScales {
  /** The prefix of the losses' scale placeholders; the loss's index follows. */
  static final String LOSS = "shard.loss.";

  /** The scale placeholder of penalties on parameters. */
  static final String PARAMS = "shard.params";

  /** The scale placeholder of penalties on activations. */
  static final String ROWS = "shard.rows";

  private final SameDiff sd;
  private final DataType type;
  private final boolean scaled;
  // Null for a loss without one (denominators only).
  private final List<SDVariable> denominators = new ArrayList<>();
  private SDVariable params;
  private SDVariable rows;

  /** The scales of a shard's graph. */
  ShardScales(SameDiff sd, DataType type) {
    this(sd, type, true);
  }

  private ShardScales(SameDiff sd, DataType type, boolean scaled) {
    this.sd = sd;
    this.type = type;
    this.scaled = scaled;
  }

  /**
   * The denominators of a graph that is not a shard's: {@link #loss} and {@link #penalty} give no
   * scale, and a loss that does not split exactly has no denominator (null).
   */
  static ShardScales denominatorsOnly(SameDiff sd, DataType type) {
    return new ShardScales(sd, type, false);
  }

  /** Whether the graph is a shard's, whose monitors are scaled. */
  boolean scaled() {
    return scaled;
  }

  /** The scale placeholder of the {@code i}-th loss; null when not {@link #scaled()}. */
  SDVariable loss(int i) {
    return scaled ? sd.placeHolder(LOSS + i, type) : null;
  }

  /** The scale placeholder of a penalty; null when not {@link #scaled()}. */
  SDVariable penalty(Regularizer r) {
    if (!scaled) {
      return null;
    }
    if (r == Regularizer.WEIGHT_L1 || r == Regularizer.WEIGHT_L2) {
      if (params == null) {
        params = sd.placeHolder(PARAMS, type);
      }
      return params;
    }
    if (rows == null) {
      rows = sd.placeHolder(ROWS, type);
    }
    return rows;
  }

  /** An observer that collects the reductions one loss makes while it computes. */
  static final class Reductions implements ReductionObserver {
    private final List<SDVariable[]> seen = new ArrayList<>();

    @Override
    public void reduced(SDVariable err, SDVariable weights) {
      seen.add(new SDVariable[] {err, weights});
    }
  }

  /**
   * Records the denominator of {@code loss}'s one reduction: its sum of weights, or its number of
   * errors. Without scales, a loss that does not declare {@link Decomposable}, or reduced other
   * than once, gets none (null).
   *
   * @throws IllegalArgumentException with scales, if the loss does not declare {@link
   *     Decomposable}, or reduced other than once
   */
  void denominator(Loss loss, Reductions reductions) {
    boolean declared = loss.getClass().isAnnotationPresent(Decomposable.class);
    if (!scaled && (!declared || reductions.seen.size() != 1)) {
      denominators.add(null);
      return;
    }
    if (!declared) {
      throw Errors.lossNotDecomposable(loss);
    }
    if (reductions.seen.size() != 1) {
      throw Errors.lossReducedOtherThanOnce(loss, reductions.seen.size());
    }
    SDVariable err = reductions.seen.get(0)[0];
    SDVariable w = reductions.seen.get(0)[1];
    // The number of errors from err's shape: no op on its values (onesLike makes SameDiff warn
    // about its dtype property whenever the graph is differentiated).
    denominators.add(w != null ? w.sum() : err.shape().prod().castTo(type));
  }

  /**
   * Each loss's denominator on the shard, in the losses' order: null for a loss without one (only
   * without scales); unmodifiable.
   */
  List<SDVariable> denominators() {
    return Collections.unmodifiableList(new ArrayList<>(denominators));
  }
}
