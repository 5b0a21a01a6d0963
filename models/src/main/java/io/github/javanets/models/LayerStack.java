package io.github.javanets.models;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Builds a network's layers into a graph, each as {@link LayerOutputs} named {@code <layer>:pre},
 * {@code <layer>:out} (and {@code <layer>:cell} for an lstm). Feed-forward networks work on rows
 * {@code (N, F)}, dense layers as {@code x.mmul(W).add(b)} ({@code x.mmul(W^T)} for a tied layer);
 * recurrent ones on sequences {@code (B, T, F)}, with the layers of {@link RecurrentLayers}. Hidden
 * outputs pass through the graph's {@link Perturbations} before the next layer reads them.
 */
final class LayerStack {
  private final GraphVariables graph;
  private final SameDiff sd;
  private final Network net;
  private final Perturbations perturbations;

  LayerStack(GraphVariables graph, Network net, Perturbations perturbations) {
    this.graph = graph;
    this.sd = graph.sd();
    this.net = net;
    this.perturbations = perturbations;
  }

  /**
   * Builds the layers after layer {@code from}, fed with {@code x} in place of that layer's output,
   * and names their outputs in the graph.
   */
  void build(int from, SDVariable x) {
    SDVariable h = x;
    for (int i = from + 1; i <= net.depth(); i++) {
      Layer layer = net.layer(i);
      LayerOutputs layerOutputs = graph.recurrent() ? sequenceLayer(i, h) : denseLayer(i, h);
      name(layer, layerOutputs);
      h =
          i < net.depth()
              ? perturbations.hidden(layerOutputs.out(), layer.name(), layer.size())
              : layerOutputs.out();
    }
  }

  private void name(Layer layer, LayerOutputs o) {
    graph.output(layer.name() + ":pre", o.pre(), graph.shape(layer.size()));
    graph.output(layer.name() + ":out", o.out(), graph.shape(layer.size()));
    if (o.cell() != null) {
      graph.output(layer.name() + ":cell", o.cell(), new long[] {-1, layer.size()});
    }
  }

  /** Layer {@code i} on rows {@code (N, F)}. */
  private LayerOutputs denseLayer(int i, SDVariable h) {
    SDVariable pre = affine(i, h);
    return LayerOutputs.of(pre, net.layer(i).activation().apply(sd, pre));
  }

  private SDVariable affine(int i, SDVariable h) {
    if (net.layer(i).form() == Layer.Form.TIED) {
      SDVariable w = graph.param(net.weightName(net.mirror(i)));
      return sd.mmul(h, w, false, true, false).add(graph.param(net.biasName(i)));
    }
    return h.mmul(graph.param(net.weightName(i))).add(graph.param(net.biasName(i)));
  }

  /** Layer {@code i} on sequences {@code (B, T, F)}. */
  private LayerOutputs sequenceLayer(int i, SDVariable h) {
    Layer layer = net.layer(i);
    switch (layer.form()) {
      case LSTM:
        return RecurrentLayers.lstm(
            sd,
            h,
            graph.param(net.weightName(i)),
            graph.param(net.recurrentWeightName(i)),
            graph.param(net.biasName(i)),
            layer.activation());
      case GRU:
        {
          SDVariable g =
              RecurrentLayers.gru(
                  sd,
                  h,
                  graph.param(net.weightName(i)),
                  graph.param(net.recurrentWeightName(i)),
                  graph.param(net.biasName(i)),
                  layer.size());
          return LayerOutputs.of(g, g);
        }
      default:
        return stepwiseLayer(i, h);
    }
  }

  /**
   * A dense, tied or rnn layer {@code i} on sequences: the input products of every step at once,
   * {@code (B*T, F) x (F, H)}, reshaped back, then the rnn's recurrence over the steps.
   */
  private LayerOutputs stepwiseLayer(int i, SDVariable h) {
    Layer layer = net.layer(i);
    Activation act = layer.activation();
    SDVariable shape = RecurrentLayers.shapeOf(sd, h, layer.size());
    SDVariable pre = affine(i, RecurrentLayers.flat(sd, h, net.layer(i - 1).size()));
    if (layer.form() == Layer.Form.RNN) {
      SDVariable u = graph.param(net.recurrentWeightName(i));
      return RecurrentLayers.rnn(sd, sd.reshape(pre, shape), u, act, graph.steps());
    }
    SDVariable out = act.apply(sd, pre);
    return LayerOutputs.of(sd.reshape(pre, shape), sd.reshape(out, shape));
  }
}
