package io.github.javanets.models;

import io.github.javanets.loss.ClassificationLoss;
import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossContext;
import io.github.javanets.runtime.LossGraphs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The objective of a training graph, {@code sum(weight * loss) + sum(penalty)}, wired into the
 * graph as its loss variable, and the monitors a trainer reports, in this order: {@code loss} (the
 * objective), {@code err} (the first loss), each loss by name ({@code name#2}, {@code name#3}, ...
 * for a repeated name or one of {@code loss}, {@code err}, {@code acc}), {@code acc} (the accuracy
 * of the first classification loss, if any) and each penalty by its regularizer's name.
 */
final class Objective {
  /** A loss and the graph variable holding its value. */
  record LossValue(Loss loss, String variable) {}

  /** A monitor: its name in the results and the graph variable holding its value. */
  record Monitor(String name, SDVariable value) {}

  private final List<LossValue> losses = new ArrayList<>();
  private final List<Monitor> monitors = new ArrayList<>();
  private final boolean penalised;
  // Null but for a shard's graph (see ShardScales).
  private final ShardScales shards;

  /** No objective: a graph to predict with. */
  private Objective() {
    this.penalised = false;
    this.shards = null;
  }

  private Objective(
      SameDiff sd,
      LossContexts contexts,
      Penalties penalties,
      List<Loss> lossList,
      Map<Regularizer, Double> regularizers,
      ShardScales shards) {
    this.shards = shards;
    List<SDVariable> terms = new ArrayList<>();
    List<Monitor> lossMonitors = new ArrayList<>();
    SDVariable accuracy = addLosses(contexts, lossList, terms, lossMonitors);
    List<Monitor> penaltyMonitors = addPenalties(penalties, regularizers, terms);
    SDVariable total = terms.get(0);
    for (SDVariable t : terms.subList(1, terms.size())) {
      total = total.add(t);
    }
    monitors.add(new Monitor("loss", total));
    monitors.add(new Monitor("err", lossMonitors.get(0).value()));
    monitors.addAll(lossMonitors);
    if (accuracy != null) {
      monitors.add(new Monitor("acc", accuracy));
    }
    monitors.addAll(penaltyMonitors);
    sd.setLossVariables(total.name());
    this.penalised =
        regularizers.entrySet().stream().anyMatch(e -> e.getKey().isPenalty() && e.getValue() != 0);
  }

  /** The objective of a graph that has none (to predict with): no loss and no monitor. */
  static Objective none() {
    return new Objective();
  }

  /**
   * Wires the objective of {@code losses} (at least one) and the penalties of {@code regularizers}
   * into the graph {@code sd}, and sets it as the graph's loss variable.
   *
   * @param contexts what each loss reads in the graph
   * @param penalties the penalty terms of the graph's regularizers
   * @param regularizers the regularizers with their weights; those that are penalties are read
   * @throws IllegalArgumentException for a loss that reads an output the graph lacks, or a penalty
   *     the layers do not support
   */
  static Objective wire(
      SameDiff sd,
      LossContexts contexts,
      Penalties penalties,
      List<Loss> losses,
      Map<Regularizer, Double> regularizers) {
    return new Objective(sd, contexts, penalties, losses, regularizers, null);
  }

  /**
   * Wires the objective of one shard of a minibatch: as {@link #wire}, but each loss's value, the
   * accuracy and each penalty are multiplied by their scale placeholders (see {@link ShardScales}),
   * and so are their monitors, so that the shards' monitors and gradients add up to the whole
   * minibatch's.
   *
   * @throws IllegalArgumentException for a loss that does not split exactly, or as {@link #wire}
   */
  static Objective wireShard(
      SameDiff sd,
      LossContexts contexts,
      Penalties penalties,
      List<Loss> losses,
      Map<Regularizer, Double> regularizers,
      ShardScales shards) {
    return new Objective(sd, contexts, penalties, losses, regularizers, shards);
  }

  /**
   * Adds each loss's weighted value to {@code terms} and its monitor to {@code lossMonitors}.
   *
   * @return the accuracy of the first classification loss, or null for none
   */
  private SDVariable addLosses(
      LossContexts contexts,
      List<Loss> lossList,
      List<SDVariable> terms,
      List<Monitor> lossMonitors) {
    List<String> names = new ArrayList<>();
    SDVariable accuracy = null;
    for (Loss loss : lossList) {
      ShardScales.Reductions reductions = shards == null ? null : new ShardScales.Reductions();
      LossContext ctx = contexts.of(loss, reductions);
      SDVariable value = LossGraphs.computed(loss, loss.compute(ctx));
      losses.add(new LossValue(loss, value.name()));
      SDVariable scale = null;
      if (shards != null) {
        shards.denominator(loss, reductions);
        scale = shards.loss(losses.size() - 1);
      }
      SDVariable monitor = scale == null ? value : value.mul(scale);
      names.add(monitorName(names, loss.name()));
      lossMonitors.add(new Monitor(names.get(names.size() - 1), monitor));
      // x * 1.0 == x exactly: a loss of weight 1 needs no op (and no op in the gradient).
      terms.add(loss.weight() == 1.0 ? monitor : monitor.mul(loss.weight()));
      if (accuracy == null && loss instanceof ClassificationLoss classification) {
        accuracy = classification.accuracy(ctx);
        accuracy = scale == null ? accuracy : accuracy.mul(scale);
      }
    }
    return accuracy;
  }

  /** Adds each penalty times its weight to {@code terms}; returns their monitors. */
  private List<Monitor> addPenalties(
      Penalties penalties, Map<Regularizer, Double> regularizers, List<SDVariable> terms) {
    List<Monitor> penaltyMonitors = new ArrayList<>();
    regularizers.forEach(
        (r, weight) -> {
          if (shards != null && !r.isPenalty() && weight != 0) {
            throw Errors.regularizerNotExact(r);
          }
          if (r.isPenalty()) {
            SDVariable term = penalties.of(r).mul(weight);
            term = shards == null ? term : term.mul(shards.penalty(r));
            penaltyMonitors.add(new Monitor(r.specName(), term));
            terms.add(term);
          }
        });
    return penaltyMonitors;
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

  /** Each loss and the variable of its value, in the model's order; unmodifiable. */
  List<LossValue> losses() {
    return Collections.unmodifiableList(losses);
  }

  /** The monitors, {@code loss} first; unmodifiable. */
  List<Monitor> monitors() {
    return Collections.unmodifiableList(monitors);
  }

  /** Each loss's denominator on a shard, in the losses' order; empty but for a shard's graph. */
  List<SDVariable> denominators() {
    return shards == null ? List.of() : shards.denominators();
  }

  /** Whether a penalty of weight other than 0 is part of the objective. */
  boolean penalised() {
    return penalised;
  }
}
