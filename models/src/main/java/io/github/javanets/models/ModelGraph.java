package io.github.javanets.models;

import io.github.javanets.loss.Loss;
import io.github.javanets.runtime.GraphExecutor;
import io.github.javanets.runtime.LossGraphs;
import io.github.javanets.train.TrainingProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One SameDiff graph of a model, built for one job (predicting, decoding, or training and
 * evaluating on a set of losses and regularizers), and what runs it: a {@link GraphExecutor} made
 * once per list of variables asked for. Its parts are built by their own classes: the layers by
 * {@link LayerStack}, the objective and monitors by {@link Objective}, what the losses read by
 * {@link LossContexts}, noise and dropout by {@link Perturbations}. A graph of a network with an
 * {@code rnn} layer is unrolled over a fixed number of steps, so it takes sequences of that length
 * only. Placeholders: {@code data.<array>} for dataset arrays and {@code noise.<layer>} / {@code
 * mask.<layer>} for training noise and dropout. Not thread-safe: its model runs it under its lock.
 */
final class ModelGraph implements TrainingProblem {
  /** The placeholder of the inputs. */
  static final String INPUT = "data." + Dataset.INPUTS;

  /** The placeholder of a decoder's codes. */
  static final String CODE = "data.code";

  private final GraphVariables variables;
  private final DataPlaceholders data;
  private final Perturbations perturbations;
  private final SDVariable input;
  private final Map<List<String>, GraphExecutor> executors = new HashMap<>();
  private Objective objective = Objective.none();
  private List<String> monitorNames = List.of();
  private List<String> monitorVariables = List.of();
  // Null but for training graphs.
  private Optimisability optimisability;

  private ModelGraph(
      Network net,
      boolean recurrent,
      Map<String, INDArray> params,
      DataType type,
      int steps,
      Map<Regularizer, Double> regularizers) {
    this.variables = new GraphVariables(recurrent, steps, type, params);
    this.data = new DataPlaceholders(variables.sd());
    this.perturbations = new Perturbations(variables, regularizers);
    this.input = data.of(Dataset.INPUTS, type, variables.shape(net.inputSize()));
    variables.output(net.layer(0).name() + ":out", input, variables.shape(net.inputSize()));
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
    ModelGraph g = new ModelGraph(net, kind.recurrent, params, type, steps, Map.of());
    new LayerStack(g.variables, net, g.perturbations).build(0, g.input);
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
    return wired(
        kind,
        net,
        params,
        type,
        steps,
        regularizers,
        (sd, contexts, penalties) ->
            Objective.wire(sd, type, contexts, penalties, losses, regularizers));
  }

  /**
   * The graph of one shard of a minibatch split over machines: as {@link #training}, with each
   * monitor and objective term scaled by placeholders (see {@link ShardScales}) so that the shards'
   * monitors and gradients add up to those of the whole minibatch, and each loss's denominator on
   * the shard computed as {@link #denominators()}.
   *
   * @throws IllegalArgumentException for a loss that does not split exactly, a regularizer that
   *     draws noise, or as {@link #training}
   */
  static ModelGraph shard(
      ModelKind kind,
      Network net,
      Map<String, INDArray> params,
      DataType type,
      int steps,
      List<Loss> losses,
      Map<Regularizer, Double> regularizers) {
    return wired(
        kind,
        net,
        params,
        type,
        steps,
        regularizers,
        (sd, contexts, penalties) ->
            Objective.wireShard(
                sd, contexts, penalties, losses, regularizers, new ShardScales(sd, type)));
  }

  /** How the objective is wired onto the layers, penalties and loss contexts of a graph. */
  @FunctionalInterface
  private interface Wiring {
    Objective wire(SameDiff sd, LossContexts contexts, Penalties penalties);
  }

  /**
   * The layers, penalties and loss contexts every training graph has, with the objective {@code
   * wiring} makes of them.
   */
  private static ModelGraph wired(
      ModelKind kind,
      Network net,
      Map<String, INDArray> params,
      DataType type,
      int steps,
      Map<Regularizer, Double> regularizers,
      Wiring wiring) {
    ModelGraph g = new ModelGraph(net, kind.recurrent, params, type, steps, regularizers);
    GraphVariables v = g.variables;
    SDVariable x = g.perturbations.input(g.input, net.layer(0).name(), net.inputSize());
    new LayerStack(v, net, g.perturbations).build(0, x);
    Penalties penalties = new Penalties(v.sd(), net, kind.recurrent, type, v::param, v.outputs());
    LossContexts contexts = new LossContexts(v, net, kind, g.data);
    g.objective(wiring.wire(v.sd(), contexts, penalties));
    g.optimisability = new Optimisability(v.sd(), g.objective, kind.defaultLoss);
    return g;
  }

  /**
   * The graph variable of each loss's denominator (its sum of weights or number of errors), in the
   * losses' order: null for a loss that does not split exactly, which a shard's graph refuses.
   */
  List<String> denominators() {
    return objective.denominators().stream().map(v -> v == null ? null : v.name()).toList();
  }

  /** The objective and monitors of a training graph. */
  Objective objective() {
    return objective;
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
    ModelGraph g = new ModelGraph(net, kind.recurrent, params, type, steps, Map.of());
    SDVariable code = g.data.of("code", type, g.variables.shape(net.layer(from).size()));
    new LayerStack(g.variables, net, g.perturbations).build(from, code);
    return g;
  }

  private void objective(Objective o) {
    this.objective = o;
    this.monitorNames = o.monitors().stream().map(Objective.Monitor::name).toList();
    this.monitorVariables = o.monitors().stream().map(m -> m.value().name()).toList();
  }

  /**
   * Checks, before training, that the objective of this training graph has a gradient with respect
   * to some parameter, and builds the gradient function.
   *
   * @throws IllegalArgumentException naming each loss and why it adds no gradient, and saying how
   *     to keep such a loss as a monitor
   */
  void checkOptimisable() {
    optimisability.check();
  }

  /**
   * {@inheritDoc} Each loss's value is checked first, so that a loss whose compute does not return
   * a scalar is named with its class, before the objective it is part of.
   */
  @Override
  public Map<String, Double> monitorValues(Map<String, INDArray> computed) {
    for (Objective.LossValue v : objective.losses()) {
      LossGraphs.scalar(v.loss(), computed.get(v.variable()));
    }
    return TrainingProblem.super.monitorValues(computed);
  }

  @Override
  public SameDiff graph() {
    return variables.sd();
  }

  @Override
  public Map<String, INDArray> parameters() {
    return variables.parametersByVariable();
  }

  @Override
  public List<String> monitorNames() {
    return monitorNames;
  }

  @Override
  public List<String> monitorVariables() {
    return monitorVariables;
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
        .computeIfAbsent(List.copyOf(variables), v -> GraphExecutor.forOutputs(graph(), v))
        .runDetached(feed)
        .getOutputs();
  }

  /** The graph variable of a named output. */
  SDVariable output(String name) {
    return variables.output(name);
  }

  /** Every named output, in network order. */
  Map<String, SDVariable> outputs() {
    return variables.outputs();
  }

  /**
   * The placeholder values for rows of a data set.
   *
   * @param batch the rows; not null
   * @param noise the source of training noise and dropout masks, or null to evaluate without them
   * @return placeholder name to array; never null
   */
  Map<String, INDArray> feed(Dataset batch, Random noise) {
    Map<String, INDArray> feed = data.feed(batch);
    INDArray x = batch.inputs();
    long[] lead =
        variables.recurrent() ? new long[] {x.size(0), x.size(1)} : new long[] {x.size(0)};
    perturbations.feed(feed, lead, noise);
    return feed;
  }
}
