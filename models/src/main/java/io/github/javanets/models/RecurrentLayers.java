package io.github.javanets.models;

import java.util.EnumSet;
import java.util.Set;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMActivations;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMDataFormat;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMDirectionMode;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMLayerConfig;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.weights.LSTMLayerWeights;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The layers of the recurrent models on {@code (batch, time, features)} data, as SameDiff
 * expressions that train in 1.0.0-M2.1 (which cannot differentiate loops):
 *
 * <ul>
 *   <li>dense layers: one {@code (B*T, F) x (F, H)} product for all steps, reshaped back;
 *   <li>{@code rnn}: {@code h_t = act(x_t W + h_{t-1} U + b)} unrolled over a fixed number of
 *       steps, the input products {@code x W + b} computed for all steps at once;
 *   <li>{@code lstm}: the {@code lstmLayer} op, data format NTS, sigmoid gates, the layer's
 *       activation for the cell and the output; weights {@code .w (I, 4H)}, {@code .u (H, 4H)},
 *       {@code .b (4H)};
 *   <li>{@code gru}: the {@code gru} op (time-major, so the data is permuted), sigmoid gates and
 *       tanh; weights {@code .w (I, 3H)}, {@code .u (H, 3H)}, {@code .b (3H)}.
 * </ul>
 *
 * Every recurrence starts from a zero state and runs forward, so an output at step {@code t} never
 * depends on later steps.
 */
final class RecurrentLayers {
  private static final Set<Activation> LSTM_ACTIVATIONS =
      EnumSet.of(
          Activation.LINEAR,
          Activation.RELU,
          Activation.LOGISTIC,
          Activation.TANH,
          Activation.SOFTPLUS);
  private static final Set<Activation> GRU_ACTIVATIONS = EnumSet.of(Activation.TANH);

  private RecurrentLayers() {}

  /** The number of weight blocks of a form: 4 for lstm, 3 for gru, else 1. */
  static int gates(Layer.Form form) {
    return form == Layer.Form.LSTM ? 4 : form == Layer.Form.GRU ? 3 : 1;
  }

  /**
   * Checks that the op of a resolved lstm or gru layer can compute it: at least 2 units, and an
   * activation the op has.
   *
   * @throws IllegalArgumentException quoting the spec and listing what is accepted
   */
  static void checkActivation(Layer resolved, Layer spec) {
    Set<Activation> accepted =
        resolved.form() == Layer.Form.LSTM
            ? LSTM_ACTIVATIONS
            : resolved.form() == Layer.Form.GRU ? GRU_ACTIVATIONS : null;
    if (accepted != null && resolved.size() < 2) {
      throw Errors.gatedLayerTooSmall(spec, resolved.name());
    }
    if (accepted == null || accepted.contains(resolved.activation())) {
      return;
    }
    throw Errors.activationNotInOp(
        spec, resolved.name(), resolved.activation(), resolved.form(), accepted);
  }

  /** The shape {@code (B, T, width)} of a layer over {@code x (B, T, F)}, known when run. */
  static SDVariable shapeOf(SameDiff sd, SDVariable x, long width) {
    SDVariable lead = sd.shape(x).get(SDIndex.interval(0, 2));
    return sd.concat(
        0, lead, sd.constant(Nd4j.createFromArray(new long[] {width}).castTo(lead.dataType())));
  }

  /** {@code x (B, T, F)} as {@code (B*T, F)}. */
  static SDVariable flat(SameDiff sd, SDVariable x, long features) {
    return sd.reshape(x, -1, features);
  }

  /**
   * An Elman layer unrolled over {@code steps}: its pre-activation and output, each {@code (B, T,
   * H)}.
   *
   * @param xw the input products with the bias, {@code x W + b}, as {@code (B, T, H)}
   */
  static LayerOutputs rnn(SameDiff sd, SDVariable xw, SDVariable u, Activation act, int steps) {
    SDVariable[] inputs = sd.unstack(xw, 1, steps);
    SDVariable[] pres = new SDVariable[steps];
    SDVariable[] outs = new SDVariable[steps];
    SDVariable h = null;
    for (int t = 0; t < steps; t++) {
      pres[t] = h == null ? inputs[t] : inputs[t].add(h.mmul(u));
      outs[t] = act.apply(sd, pres[t]);
      h = outs[t];
    }
    return LayerOutputs.of(sd.stack(1, pres), sd.stack(1, outs));
  }

  /**
   * An lstm layer over {@code x (B, T, I)}: {@code h (B, T, H)} as both pre-activation and output,
   * and the last cell state {@code (B, H)}.
   */
  static LayerOutputs lstm(
      SameDiff sd, SDVariable x, SDVariable w, SDVariable u, SDVariable b, Activation act) {
    LSTMActivations a = lstmActivation(act);
    LSTMLayerConfig config =
        LSTMLayerConfig.builder()
            .lstmdataformat(LSTMDataFormat.NTS)
            .directionMode(LSTMDirectionMode.FWD)
            .gateAct(LSTMActivations.SIGMOID)
            .cellAct(a)
            .outAct(a)
            .retFullSequence(true)
            .retLastH(false)
            .retLastC(true)
            .build();
    LSTMLayerWeights weights = LSTMLayerWeights.builder().weights(w).rWeights(u).bias(b).build();
    SDVariable[] hc = sd.rnn().lstmLayer(x, weights, config);
    return new LayerOutputs(hc[0], hc[0], hc[1]);
  }

  /** A gru layer over {@code x (B, T, I)} from a zero state: {@code h (B, T, H)}. */
  static SDVariable gru(
      SameDiff sd, SDVariable x, SDVariable w, SDVariable u, SDVariable b, long units) {
    SDVariable timeMajor = sd.permute(x, 1, 0, 2);
    SDVariable batch = sd.shape(x).get(SDIndex.interval(0, 1));
    SDVariable h0 =
        sd.fill(
            sd.concat(
                0,
                batch,
                sd.constant(Nd4j.createFromArray(new long[] {units}).castTo(batch.dataType()))),
            x.dataType(),
            0.0);
    return sd.permute(sd.rnn().gru(timeMajor, h0, w, u, b), 1, 0, 2);
  }

  private static LSTMActivations lstmActivation(Activation act) {
    switch (act) {
      case LINEAR:
        return LSTMActivations.AFFINE;
      case RELU:
        return LSTMActivations.RELU;
      case LOGISTIC:
        return LSTMActivations.SIGMOID;
      case TANH:
        return LSTMActivations.TANH;
      case SOFTPLUS:
        return LSTMActivations.SOFTPLUS;
      default:
        throw Errors.lstmCannotCompute(act, LSTM_ACTIVATIONS);
    }
  }
}
