package io.github.javanets.models;

import java.util.Map;
import java.util.function.Function;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The penalty terms of the regularizers, built in a model's graph: {@code weight_l2} and {@code
 * weight_l1} (the mean of {@code W^2} or {@code abs(W)} of every weight matrix, summed; biases
 * excluded), {@code hidden_l1} (the mean of {@code abs(h)} of every hidden output, summed) and
 * {@code contractive} (the mean over rows of {@code ||dh/dx||_F^2} of every dense hidden layer).
 */
final class Penalties {
  private final SameDiff sd;
  private final Network net;
  private final boolean recurrent;
  private final DataType type;
  private final Function<String, SDVariable> param;
  private final Map<String, SDVariable> outputs;

  /**
   * @param param the graph variable of a parameter, by name
   * @param outputs the graph's named outputs
   */
  Penalties(
      SameDiff sd,
      Network net,
      boolean recurrent,
      DataType type,
      Function<String, SDVariable> param,
      Map<String, SDVariable> outputs) {
    this.sd = sd;
    this.net = net;
    this.recurrent = recurrent;
    this.type = type;
    this.param = param;
    this.outputs = outputs;
  }

  /**
   * The penalty of a regularizer, summed over the layers it applies to (0 when none does).
   *
   * @throws IllegalArgumentException for contractive on a recurrent hidden layer
   */
  SDVariable of(Regularizer r) {
    SDVariable sum = null;
    for (int i = 1; i <= net.depth(); i++) {
      SDVariable term = penalty(r, i);
      if (term != null) {
        sum = sum == null ? term : sum.add(term);
      }
    }
    return sum != null ? sum : sd.constant(Nd4j.scalar(type, 0.0));
  }

  private SDVariable penalty(Regularizer r, int i) {
    Layer layer = net.layer(i);
    boolean hidden = i < net.depth();
    boolean ownWeights = layer.form() != Layer.Form.TIED;
    switch (r) {
      case WEIGHT_L2:
      case WEIGHT_L1:
        {
          SDVariable sum = null;
          for (String name : net.weightNames(i)) {
            SDVariable w = param.apply(name);
            SDVariable term = (r == Regularizer.WEIGHT_L2 ? square(w) : sd.math().abs(w)).mean();
            sum = sum == null ? term : sum.add(term);
          }
          return sum;
        }
      case HIDDEN_L1:
        return hidden ? sd.math().abs(outputs.get(layer.name() + ":out")).mean() : null;
      case CONTRACTIVE:
        {
          if (!hidden) {
            return null;
          }
          if (layer.form().recurrent()) {
            throw Errors.contractiveNeedsDense(layer.name(), layer.form());
          }
          SDVariable w = param.apply(net.weightName(ownWeights ? i : net.mirror(i)));
          // ||dh/dx||_F^2 per row = sum_j act'(pre_j)^2 * sum_i W_ij^2 (W transposed when tied).
          SDVariable columns = square(w).sum(ownWeights ? 0 : 1);
          SDVariable slope =
              layer
                  .activation()
                  .derivative(
                      sd, outputs.get(layer.name() + ":pre"), outputs.get(layer.name() + ":out"));
          return square(slope).mul(columns).sum(recurrent ? 2 : 1).mean();
        }
      default:
        return null;
    }
  }

  private static SDVariable square(SDVariable x) {
    return x.mul(x);
  }
}
