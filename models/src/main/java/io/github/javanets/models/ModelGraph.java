package io.github.javanets.models;

import io.github.javanets.loss.ClassificationLoss;
import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossContext;
import io.github.javanets.loss.LossContextBuilder;
import io.github.javanets.loss.TargetKind;
import io.github.javanets.train.TrainingProblem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A model's SameDiff graph: dense layers as {@code x.mmul(W).add(b)}, every named output, each
 * loss's expression, the regularizer terms and the objective {@code sum(weight * loss) +
 * sum(penalty)}. Placeholders: {@code data.<array>} for dataset arrays and {@code noise.<layer>} /
 * {@code mask.<layer>} for training noise and dropout.
 */
final class ModelGraph implements TrainingProblem {
  static final String INPUT = "data." + Dataset.INPUTS;

  private final ModelKind kind;
  private final Network net;
  private final DataType type;
  private final Map<Regularizer, Double> regularizers;
  private final SameDiff sd = SameDiff.create();
  private final Map<String, SDVariable> outputs = new LinkedHashMap<>();
  private final Map<String, INDArray> parameters = new LinkedHashMap<>();
  private final Map<String, SDVariable> data = new LinkedHashMap<>();
  private final Map<String, Perturbation> perturbations = new LinkedHashMap<>();
  private final List<String> monitorNames = new ArrayList<>();
  private final List<String> monitorVariables = new ArrayList<>();
  private final SDVariable input;

  /** A noise or dropout placeholder: what it perturbs and how. */
  private static final class Perturbation {
    final int width;
    final boolean dropout;
    final double weight;

    Perturbation(int width, boolean dropout, double weight) {
      this.width = width;
      this.dropout = dropout;
      this.weight = weight;
    }
  }

  private ModelGraph(
      ModelKind kind,
      Network net,
      Map<String, INDArray> params,
      DataType type,
      Map<Regularizer, Double> regularizers) {
    this.kind = kind;
    this.net = net;
    this.type = type;
    this.regularizers = regularizers;
    params.forEach((name, array) -> parameters.put(name, array));
    this.input = sd.placeHolder(INPUT, type, -1, net.inputSize());
    data.put(Dataset.INPUTS, input);
    outputs.put(net.layer(0).name() + ":out", input);
  }

  /** The forward graph only, for prediction. */
  static ModelGraph forward(
      ModelKind kind, Network net, Map<String, INDArray> params, DataType type) {
    ModelGraph g = new ModelGraph(kind, net, params, type, Map.of());
    g.layers(0, g.input);
    return g;
  }

  /** The graph with every loss, regularizer and monitor, for training and evaluation. */
  static ModelGraph training(
      ModelKind kind,
      Network net,
      Map<String, INDArray> params,
      DataType type,
      List<Loss> losses,
      Map<Regularizer, Double> regularizers) {
    ModelGraph g = new ModelGraph(kind, net, params, type, regularizers);
    g.layers(
        0,
        g.perturb(
            g.input,
            net.layer(0).name(),
            net.inputSize(),
            Regularizer.INPUT_NOISE,
            Regularizer.INPUT_DROPOUT));
    g.objective(losses);
    return g;
  }

  /** The decoder half of an autoencoder: layers after {@code from}, fed with codes. */
  static ModelGraph decoder(
      ModelKind kind, Network net, Map<String, INDArray> params, DataType type, int from) {
    ModelGraph g = new ModelGraph(kind, net, params, type, Map.of());
    SDVariable code = g.sd.placeHolder("data.code", type, -1, net.layer(from).size());
    g.data.put("code", code);
    g.layers(from, code);
    return g;
  }

  private void layers(int from, SDVariable x) {
    SDVariable h = x;
    for (int i = from + 1; i <= net.depth(); i++) {
      Layer layer = net.layer(i);
      SDVariable pre;
      if (layer.form() == Layer.Form.TIED) {
        SDVariable w = param(net.weightName(net.mirror(i)));
        pre = sd.mmul(h, w, false, true, false).add(param(net.biasName(i)));
      } else {
        pre = h.mmul(param(net.weightName(i))).add(param(net.biasName(i)));
      }
      SDVariable out = layer.activation().apply(sd, pre);
      outputs.put(layer.name() + ":pre", pre);
      outputs.put(layer.name() + ":out", out);
      h =
          i < net.depth()
              ? perturb(
                  out,
                  layer.name(),
                  layer.size(),
                  Regularizer.HIDDEN_NOISE,
                  Regularizer.HIDDEN_DROPOUT)
              : out;
    }
  }

  private SDVariable param(String name) {
    SDVariable v = sd.getVariable("param." + name);
    return v != null ? v : sd.var("param." + name, parameters.get(name));
  }

  private SDVariable perturb(
      SDVariable x, String layer, int width, Regularizer noise, Regularizer dropout) {
    SDVariable h = x;
    if (regularizers.containsKey(noise)) {
      String name = "noise." + layer;
      perturbations.put(name, new Perturbation(width, false, regularizers.get(noise)));
      h = h.add(sd.placeHolder(name, type, -1, width));
    }
    if (regularizers.containsKey(dropout)) {
      String name = "mask." + layer;
      perturbations.put(name, new Perturbation(width, true, regularizers.get(dropout)));
      h = h.mul(sd.placeHolder(name, type, -1, width));
    }
    return h;
  }

  private void objective(List<Loss> losses) {
    List<SDVariable> terms = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<SDVariable> values = new ArrayList<>();
    SDVariable accuracy = null;
    for (Loss loss : losses) {
      LossContext ctx = context(loss);
      SDVariable value = loss.compute(ctx);
      values.add(value);
      names.add(monitorName(names, loss.name()));
      terms.add(value.mul(loss.weight()));
      if (accuracy == null && loss instanceof ClassificationLoss) {
        accuracy = ((ClassificationLoss) loss).accuracy(ctx);
      }
    }
    List<String> penaltyNames = new ArrayList<>();
    List<SDVariable> penalties = new ArrayList<>();
    regularizers.forEach(
        (r, weight) -> {
          if (r.isPenalty()) {
            penaltyNames.add(r.specName());
            penalties.add(penalty(r).mul(weight));
          }
        });
    SDVariable total = terms.get(0);
    for (SDVariable t : terms.subList(1, terms.size())) {
      total = total.add(t);
    }
    for (SDVariable p : penalties) {
      total = total.add(p);
    }
    monitor("loss", total);
    monitor("err", values.get(0));
    for (int i = 0; i < values.size(); i++) {
      monitor(names.get(i), values.get(i));
    }
    if (accuracy != null) {
      monitor("acc", accuracy);
    }
    for (int i = 0; i < penalties.size(); i++) {
      monitor(penaltyNames.get(i), penalties.get(i));
    }
    sd.setLossVariables(total.name());
  }

  private void monitor(String name, SDVariable v) {
    monitorNames.add(name);
    monitorVariables.add(v.name());
  }

  private static String monitorName(List<String> taken, String name) {
    if (!taken.contains(name)
        && !name.equals("loss")
        && !name.equals("err")
        && !name.equals("acc")) {
      return name;
    }
    int n = 2;
    while (taken.contains(name + "#" + n)) {
      n++;
    }
    return name + "#" + n;
  }

  private LossContext context(Loss loss) {
    LossContextBuilder b = LossContext.builder(sd);
    outputs.forEach((name, v) -> b.output(name, v, -1, width(name)));
    for (int i = 1; i <= net.depth(); i++) {
      Layer l = net.layer(i);
      if (l.activation() == Activation.SOFTMAX) {
        b.softmaxLogits(l.name() + ":out", outputs.get(l.name() + ":pre"));
      }
    }
    List<String> read = loss.outputNames(net.defaultOutput());
    b.mainOutput(read.get(0));
    long width = width(read.get(0));
    if (loss.targetKind() != TargetKind.NONE) {
      b.target(target(loss.targetName(), loss.targetKind(), width));
    }
    if (loss.weighted()) {
      b.weights(weights(loss.targetName(), loss.targetKind(), width));
    }
    return b.build();
  }

  private long width(String output) {
    String layer = output.substring(0, output.indexOf(':'));
    for (Layer l : net.layers()) {
      if (l.name().equals(layer)) {
        return l.size();
      }
    }
    throw new IllegalArgumentException("No layer '" + layer + "'.");
  }

  private SDVariable target(String array, TargetKind kind, long width) {
    if (this.kind == ModelKind.AUTOENCODER && array.equals(Dataset.TARGET)) {
      return input;
    }
    return dataPlaceholder(
        array,
        kind == TargetKind.LABELS ? DataType.INT64 : type,
        kind == TargetKind.LABELS ? new long[] {-1} : new long[] {-1, width});
  }

  private SDVariable weights(String array, TargetKind kind, long width) {
    String name =
        this.kind == ModelKind.AUTOENCODER && array.equals(Dataset.TARGET)
            ? Dataset.WEIGHTS
            : Dataset.weightsOf(array);
    return dataPlaceholder(
        name, type, kind == TargetKind.LABELS ? new long[] {-1} : new long[] {-1, width});
  }

  private SDVariable dataPlaceholder(String array, DataType t, long[] shape) {
    return data.computeIfAbsent(array, a -> sd.placeHolder("data." + a, t, shape));
  }

  private SDVariable penalty(Regularizer r) {
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
        return ownWeights ? square(param(net.weightName(i))).mean() : null;
      case WEIGHT_L1:
        return ownWeights ? sd.math().abs(param(net.weightName(i))).mean() : null;
      case HIDDEN_L1:
        return hidden ? sd.math().abs(outputs.get(layer.name() + ":out")).mean() : null;
      case CONTRACTIVE:
        {
          if (!hidden) {
            return null;
          }
          SDVariable w = param(net.weightName(ownWeights ? i : net.mirror(i)));
          // ||dh/dx||_F^2 per row = sum_j act'(pre_j)^2 * sum_i W_ij^2 (W transposed when tied).
          SDVariable columns = square(w).sum(ownWeights ? 0 : 1);
          SDVariable slope =
              layer
                  .activation()
                  .derivative(
                      sd, outputs.get(layer.name() + ":pre"), outputs.get(layer.name() + ":out"));
          return square(slope).mul(columns).sum(1).mean();
        }
      default:
        return null;
    }
  }

  private static SDVariable square(SDVariable x) {
    return x.mul(x);
  }

  @Override
  public SameDiff graph() {
    return sd;
  }

  @Override
  public Map<String, INDArray> parameters() {
    Map<String, INDArray> byVariable = new LinkedHashMap<>();
    parameters.forEach((name, array) -> byVariable.put("param." + name, array));
    return Collections.unmodifiableMap(byVariable);
  }

  @Override
  public List<String> monitorNames() {
    return Collections.unmodifiableList(monitorNames);
  }

  @Override
  public List<String> monitorVariables() {
    return Collections.unmodifiableList(monitorVariables);
  }

  /** The graph variable of a named output. */
  SDVariable output(String name) {
    return outputs.get(name);
  }

  /** Every named output, in network order. */
  Map<String, SDVariable> outputs() {
    return Collections.unmodifiableMap(outputs);
  }

  /** The dataset arrays the graph reads. */
  java.util.Set<String> arrays() {
    return data.keySet();
  }

  @Override
  public Map<String, INDArray> feed(Dataset batch, Random noise) {
    Map<String, INDArray> feed = new LinkedHashMap<>();
    for (Map.Entry<String, SDVariable> e : data.entrySet()) {
      INDArray a = batch.array(e.getKey());
      feed.put(
          e.getValue().name(),
          a.dataType() == e.getValue().dataType() ? a : a.castTo(e.getValue().dataType()));
    }
    long rows = batch.rows();
    perturbations.forEach((name, p) -> feed.put(name, perturbation(p, rows, noise)));
    return feed;
  }

  private INDArray perturbation(Perturbation p, long rows, Random noise) {
    double[] v = new double[(int) (rows * p.width)];
    if (noise == null) {
      java.util.Arrays.fill(v, p.dropout ? 1.0 : 0.0);
    } else if (p.dropout) {
      double keep = 1 - p.weight;
      for (int k = 0; k < v.length; k++) {
        v[k] = noise.nextDouble() < keep ? 1 / keep : 0.0;
      }
    } else {
      for (int k = 0; k < v.length; k++) {
        v[k] = noise.nextGaussian() * p.weight;
      }
    }
    return Nd4j.create(v, new long[] {rows, p.width}, DataType.DOUBLE).castTo(type);
  }
}
