package io.github.javanets.models;

import io.github.javanets.loss.Decomposable;
import io.github.javanets.loss.Loss;
import io.github.javanets.loss.internal.LossContextBuilder.ReductionObserver;
import java.util.ArrayList;
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
  private final List<SDVariable> denominators = new ArrayList<>();
  private SDVariable params;
  private SDVariable rows;

  ShardScales(SameDiff sd, DataType type) {
    this.sd = sd;
    this.type = type;
  }

  /** The scale placeholder of the {@code i}-th loss. */
  SDVariable loss(int i) {
    return sd.placeHolder(LOSS + i, type);
  }

  /** The scale placeholder of a penalty. */
  SDVariable penalty(Regularizer r) {
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
   * Records the denominator of {@code loss}'s one reduction.
   *
   * @throws IllegalArgumentException if the loss does not declare {@link Decomposable}, or reduced
   *     other than once
   */
  void denominator(Loss loss, Reductions reductions) {
    if (!loss.getClass().isAnnotationPresent(Decomposable.class)) {
      throw Errors.lossNotDecomposable(loss);
    }
    if (reductions.seen.size() != 1) {
      throw Errors.lossReducedOtherThanOnce(loss, reductions.seen.size());
    }
    SDVariable err = reductions.seen.get(0)[0];
    SDVariable w = reductions.seen.get(0)[1];
    denominators.add(w != null ? w.sum() : sd.onesLike(err).castTo(type).sum());
  }

  /** Each loss's denominator on the shard, in the losses' order. */
  List<SDVariable> denominators() {
    return List.copyOf(denominators);
  }
}
