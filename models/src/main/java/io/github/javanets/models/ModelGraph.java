package io.github.javanets.models;

import io.github.javanets.loss.ClassificationLoss;
import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossContext;
import io.github.javanets.loss.LossContextBuilder;
import io.github.javanets.loss.TargetKind;
import io.github.javanets.runtime.GraphExecutor;
import io.github.javanets.runtime.LossGraphs;
import io.github.javanets.train.TrainingProblem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A model's SameDiff graph: the layers, every named output, each loss's expression, the regularizer
 * terms and the objective {@code sum(weight * loss) + sum(penalty)}. Feed-forward models work on
 * {@code (N, F)} rows, dense layers as {@code x.mmul(W).add(b)}; recurrent models on {@code (B, T,
 * F)} sequences, with the layers of {@link RecurrentLayers}. A graph of a network with an {@code
 * rnn} layer is unrolled over a fixed number of steps, so it takes sequences of that length only.
 * Placeholders: {@code data.<array>} for dataset arrays and {@code noise.<layer>} / {@code
 * mask.<layer>} for training noise and dropout.
 */
final class ModelGraph implements TrainingProblem {
  static final String INPUT = "data." + Dataset.INPUTS;

  private final ModelKind kind;
  private final Network net;
  private final DataType type;
  private final int steps;
  private final Map<Regularizer, Double> regularizers;
  private final SameDiff sd = SameDiff.create();
  private final Map<String, SDVariable> outputs = new LinkedHashMap<>();
  private final Map<String, long[]> shapes = new LinkedHashMap<>();
  private final Map<String, INDArray> parameters = new LinkedHashMap<>();
  private final Map<String, SDVariable> data = new LinkedHashMap<>();
  private final Perturbations perturbations;
  private final List<String> monitorNames = new ArrayList<>();
  private final List<String> monitorVariables = new ArrayList<>();
  private final SDVariable input;
  private final Map<List<String>, GraphExecutor> executors = new HashMap<>();
  // Each loss and the variable of its value, in order (training graphs).
  private final List<Map.Entry<Loss, String>> lossValues = new ArrayList<>();
  // Why the objective cannot be optimised (no term has a gradient), or null when it can.
  private Supplier<IllegalArgumentException> notOptimisable;

  private ModelGraph(
      ModelKind kind,
      Network net,
      Map<String, INDArray> params,
      DataType type,
      int steps,
      Map<Regularizer, Double> regularizers) {
    this.kind = kind;
    this.net = net;
    this.type = type;
    this.steps = steps;
    this.regularizers = regularizers;
    this.perturbations = new Perturbations(type);
    params.forEach((name, array) -> parameters.put(name, array));
    this.input = sd.placeHolder(INPUT, type, shape(net.inputSize()));
    data.put(Dataset.INPUTS, input);
    output(net.layer(0).name() + ":out", input, shape(net.inputSize()));
  }

  /**
   * The number of steps a graph of {@code net} must be built for to take sequences of length {@code
   * length}: the length itself when an {@code rnn} layer is unrolled, else -1 (any length).
   */
  static int steps(Network net, long length) {
    return net.unrolled() ? (int) length : -1;
  }

  /** The forward graph only, for prediction. */
  static ModelGraph forward(
      ModelKind kind, Network net, Map<String, INDArray> params, DataType type) {
    return forward(kind, net, params, type, -1);
  }

  /** The forward graph for sequences of {@code steps} steps (-1: any; feed-forward: ignored). */
  static ModelGraph forward(
      ModelKind kind, Network net, Map<String, INDArray> params, DataType type, int steps) {
    ModelGraph g = new ModelGraph(kind, net, params, type, steps, Map.of());
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
    return training(kind, net, params, type, -1, losses, regularizers);
  }

  /**
   * The graph with every loss, regularizer and monitor, for sequences of {@code steps} steps.
   *
   * @throws IllegalArgumentException for a regularizer the layers do not support
   */
  static ModelGraph training(
      ModelKind kind,
      Network net,
      Map<String, INDArray> params,
      DataType type,
      int steps,
      List<Loss> losses,
      Map<Regularizer, Double> regularizers) {
    ModelGraph g = new ModelGraph(kind, net, params, type, steps, regularizers);
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
    return decoder(kind, net, params, type, -1, from);
  }

  /** The decoder half of an autoencoder for codes of {@code steps} steps. */
  static ModelGraph decoder(
      ModelKind kind,
      Network net,
      Map<String, INDArray> params,
      DataType type,
      int steps,
      int from) {
    ModelGraph g = new ModelGraph(kind, net, params, type, steps, Map.of());
    SDVariable code = g.sd.placeHolder("data.code", type, g.shape(net.layer(from).size()));
    g.data.put("code", code);
    g.layers(from, code);
    return g;
  }

  /**
   * The shape of an activation of {@code width} units: {@code (-1, width)} or {@code (-1, T,
   * width)}.
   */
  private long[] shape(long width) {
    return kind.recurrent ? new long[] {-1, steps > 0 ? steps : -1, width} : new long[] {-1, width};
  }

  private void output(String name, SDVariable v, long[] shape) {
    outputs.put(name, v);
    shapes.put(name, shape);
  }

  private void layers(int from, SDVariable x) {
    SDVariable h = x;
    for (int i = from + 1; i <= net.depth(); i++) {
      Layer layer = net.layer(i);
      SDVariable[] preOut = kind.recurrent ? sequenceLayer(i, h) : denseLayer(i, h);
      output(layer.name() + ":pre", preOut[0], shape(layer.size()));
      output(layer.name() + ":out", preOut[1], shape(layer.size()));
      if (preOut.length > 2) {
        output(layer.name() + ":cell", preOut[2], new long[] {-1, layer.size()});
      }
      h =
          i < net.depth()
              ? perturb(
                  preOut[1],
                  layer.name(),
                  layer.size(),
                  Regularizer.HIDDEN_NOISE,
                  Regularizer.HIDDEN_DROPOUT)
              : preOut[1];
    }
  }

  /** Layer {@code i} on rows {@code (N, F)}: {@code {pre, out}}. */
  private SDVariable[] denseLayer(int i, SDVariable h) {
    SDVariable pre = affine(i, h);
    return new SDVariable[] {pre, net.layer(i).activation().apply(sd, pre)};
  }

  private SDVariable affine(int i, SDVariable h) {
    if (net.layer(i).form() == Layer.Form.TIED) {
      SDVariable w = param(net.weightName(net.mirror(i)));
      return sd.mmul(h, w, false, true, false).add(param(net.biasName(i)));
    }
    return h.mmul(param(net.weightName(i))).add(param(net.biasName(i)));
  }

  /** Layer {@code i} on sequences {@code (B, T, F)}: {@code {pre, out}}, and the lstm's cell. */
  private SDVariable[] sequenceLayer(int i, SDVariable h) {
    Layer layer = net.layer(i);
    Activation act = layer.activation();
    switch (layer.form()) {
      case LSTM:
        {
          SDVariable[] hc =
              RecurrentLayers.lstm(
                  sd,
                  h,
                  param(net.weightName(i)),
                  param(net.recurrentWeightName(i)),
                  param(net.biasName(i)),
                  act);
          return new SDVariable[] {hc[0], hc[0], hc[1]};
        }
      case GRU:
        {
          SDVariable g =
              RecurrentLayers.gru(
                  sd,
                  h,
                  param(net.weightName(i)),
                  param(net.recurrentWeightName(i)),
                  param(net.biasName(i)),
                  layer.size());
          return new SDVariable[] {g, g};
        }
      default:
        {
          SDVariable shape = RecurrentLayers.shapeOf(sd, h, layer.size());
          SDVariable pre = affine(i, RecurrentLayers.flat(sd, h, net.layer(i - 1).size()));
          if (layer.form() == Layer.Form.RNN) {
            SDVariable u = param(net.recurrentWeightName(i));
            return RecurrentLayers.rnn(sd, sd.reshape(pre, shape), u, act, steps);
          }
          SDVariable out = act.apply(sd, pre);
          return new SDVariable[] {sd.reshape(pre, shape), sd.reshape(out, shape)};
        }
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
      perturbations.add(name, width, false, regularizers.get(noise));
      h = h.add(sd.placeHolder(name, type, shape(width)));
    }
    if (regularizers.containsKey(dropout)) {
      String name = "mask." + layer;
      perturbations.add(name, width, true, regularizers.get(dropout));
      h = h.mul(sd.placeHolder(name, type, shape(width)));
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
      SDVariable value = LossGraphs.computed(loss, loss.compute(ctx));
      values.add(value);
      lossValues.add(Map.entry(loss, value.name()));
      names.add(monitorName(names, loss.name()));
      // x * 1.0 == x exactly: a loss of weight 1 needs no op (and no op in the gradient).
      terms.add(loss.weight() == 1.0 ? value : value.mul(loss.weight()));
      if (accuracy == null && loss instanceof ClassificationLoss) {
        accuracy = ((ClassificationLoss) loss).accuracy(ctx);
      }
    }
    List<String> penaltyNames = new ArrayList<>();
    List<SDVariable> penalties = new ArrayList<>();
    Penalties penaltyTerms = new Penalties(sd, net, kind.recurrent, type, this::param, outputs);
    regularizers.forEach(
        (r, weight) -> {
          if (r.isPenalty()) {
            penaltyNames.add(r.specName());
            penalties.add(penaltyTerms.of(r).mul(weight));
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
    notOptimisable =
        optimisable(
                regularizers.entrySet().stream()
                    .noneMatch(e -> e.getKey().isPenalty() && e.getValue() != 0))
            ? null
            : lossesWithoutGradient();
  }

  /**
   * Whether some term of the objective has a gradient with respect to a parameter: a loss of weight
   * other than 0 whose value depends on a parameter through floating-point variables only (as
   * SameDiff differentiates: a comparison or an argmax on the way cuts the path), or a penalty.
   */
  private boolean optimisable(boolean noPenalty) {
    if (!noPenalty) {
      return true;
    }
    for (Map.Entry<Loss, String> e : lossValues) {
      if (e.getKey().weight() != 0 && dependsOnParameters(e.getValue())) {
        return true;
      }
    }
    return false;
  }

  private boolean dependsOnParameters(String variable) {
    ArrayDeque<String> todo = new ArrayDeque<>(List.of(variable));
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      String name = todo.pop();
      SDVariable v = sd.getVariable(name);
      if (!seen.add(name) || v == null || !v.dataType().isFPType()) {
        continue;
      }
      if (v.getVariableType() == VariableType.VARIABLE) {
        return true;
      }
      String op = sd.getVariables().get(name).getOutputOfOp();
      List<String> inputs = op == null ? null : sd.getOps().get(op).getInputsToOp();
      if (inputs != null) {
        todo.addAll(inputs);
      }
    }
    return false;
  }

  /**
   * Why no loss adds a gradient, and how to fix it: the losses of weight other than 0 have no
   * gradient (keep them as monitors beside one that has), or every loss has weight 0.
   */
  private Supplier<IllegalArgumentException> lossesWithoutGradient() {
    List<Loss> flat = new ArrayList<>();
    List<Loss> zero = new ArrayList<>();
    for (Map.Entry<Loss, String> e : lossValues) {
      Loss loss = e.getKey();
      (loss.weight() == 0 ? zero : flat).add(loss);
    }
    return flat.isEmpty()
        ? () -> Errors.everyWeightZero(zero)
        : () -> Errors.noGradient(flat, zero, kind.defaultLoss);
  }

  /**
   * Checks, before training, that the objective has a gradient with respect to some parameter, and
   * builds the gradient function.
   *
   * @throws IllegalArgumentException naming each loss and why it adds no gradient, and saying how
   *     to keep such a loss as a monitor
   */
  void checkOptimisable() {
    if (notOptimisable == null
        && sd.getFunction("grad") == null
        && !LossGraphs.createGradFunction(sd)) {
      notOptimisable = lossesWithoutGradient();
    }
    if (notOptimisable != null) {
      throw notOptimisable.get();
    }
  }

  /**
   * {@inheritDoc} Each loss's value is checked first, so that a loss whose compute does not return
   * a scalar is named with its class, before the objective it is part of.
   */
  @Override
  public Map<String, Double> monitorValues(Map<String, INDArray> computed) {
    for (Map.Entry<Loss, String> e : lossValues) {
      LossGraphs.scalar(e.getKey(), computed.get(e.getValue()));
    }
    return TrainingProblem.super.monitorValues(computed);
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
    outputs.forEach((name, v) -> b.output(name, v, shapes.get(name)));
    for (int i = 1; i <= net.depth(); i++) {
      Layer l = net.layer(i);
      if (l.activation() == Activation.SOFTMAX) {
        b.softmaxLogits(l.name() + ":out", outputs.get(l.name() + ":pre"));
      }
    }
    List<String> read = loss.outputNames(net.defaultOutput());
    b.mainOutput(read.get(0));
    long[] shape = shapes.get(read.get(0));
    if (shape == null) {
      throw Errors.noSuchOutput(read.get(0));
    }
    if (loss.targetKind() != TargetKind.NONE) {
      b.target(target(loss.targetName(), loss.targetKind(), shape));
    }
    if (loss.weighted()) {
      b.weights(weights(loss.targetName(), loss.targetKind(), shape));
    }
    return b.build();
  }

  private SDVariable target(String array, TargetKind kind, long[] outputShape) {
    if (this.kind.autoencoder() && array.equals(Dataset.TARGET)) {
      return input;
    }
    return dataPlaceholder(
        array, kind == TargetKind.LABELS ? DataType.INT64 : type, targetShape(kind, outputShape));
  }

  private SDVariable weights(String array, TargetKind kind, long[] outputShape) {
    String name =
        this.kind.autoencoder() && array.equals(Dataset.TARGET)
            ? Dataset.WEIGHTS
            : Dataset.weightsOf(array);
    return dataPlaceholder(name, type, targetShape(kind, outputShape));
  }

  /** Labels: the output's shape without the class axis; values: the output's shape. */
  private static long[] targetShape(TargetKind kind, long[] outputShape) {
    return kind == TargetKind.LABELS
        ? java.util.Arrays.copyOf(outputShape, outputShape.length - 1)
        : outputShape.clone();
  }

  private SDVariable dataPlaceholder(String array, DataType t, long[] shape) {
    return data.computeIfAbsent(array, a -> sd.placeHolder("data." + a, t, shape));
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

  /**
   * The values of {@code variables} for one feed, as arrays of their own: computed by a {@link
   * GraphExecutor} made once per list of variables (a graph runner, or SameDiff's session when the
   * runner does not take the graph or is off).
   *
   * @param feed every placeholder the variables need, by name; not null
   * @param variables the graph variables to compute; not null
   * @return variable name to a fresh array; never null
   */
  Map<String, INDArray> compute(Map<String, INDArray> feed, List<String> variables) {
    return executors
        .computeIfAbsent(List.copyOf(variables), v -> GraphExecutor.forOutputs(sd, v))
        .runDetached(feed)
        .getOutputs();
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
  Set<String> arrays() {
    return data.keySet();
  }

  /**
   * The placeholder values for rows of a data set.
   *
   * @param batch the rows; not null
   * @param noise the source of training noise and dropout masks, or null to evaluate without them
   * @return placeholder name to array; never null
   */
  Map<String, INDArray> feed(Dataset batch, Random noise) {
    Map<String, INDArray> feed = new LinkedHashMap<>();
    for (Map.Entry<String, SDVariable> e : data.entrySet()) {
      INDArray a = batch.array(e.getKey());
      feed.put(
          e.getValue().name(),
          a.dataType() == e.getValue().dataType() ? a : a.castTo(e.getValue().dataType()));
    }
    INDArray x = batch.inputs();
    long[] lead = kind.recurrent ? new long[] {x.size(0), x.size(1)} : new long[] {x.size(0)};
    perturbations.feed(feed, lead, noise);
    return feed;
  }
}
