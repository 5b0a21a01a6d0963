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
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The objective of a training graph, {@code sum(weight * loss) + sum(penalty)}, wired into the
 * graph as its loss variable, and the monitors a trainer reports, in this order: {@code loss} (the
 * objective), {@code err} (the first loss), each loss by name ({@code name#2}, {@code name#3}, ...
 * for a repeated name or one of {@code loss}, {@code err}, {@code acc}), {@code acc} (the accuracy
 * of the first classification loss, if any) and each penalty by its regularizer's name.
 *
 * <p>Each monitor but the objective is a mean over a batch; its {@link Monitor#denominator()} (a
 * loss's sum of weights or number of errors, see {@link ShardScales}) lets a pass over several
 * batches sum it exactly ({@link PassMonitors}), and its {@link Monitor#inObjective()} says how the
 * objective adds it up.
 */
final class Objective {
  /** A loss and the graph variable holding its value. */
  record LossValue(Loss loss, String variable) {}

  /**
   * A monitor: its name in the results and the graph variable holding its value.
   *
   * @param denominator the graph variable of the sum of weights (or count of errors) the value is a
   *     mean over; null for a monitor that is not such a mean (a loss that does not split exactly,
   *     a penalty, the objective), which a pass weighs by rows
   * @param inObjective the monitor's factor in the objective: a loss's weight, 1 for a penalty, 0
   *     for the others (the objective, {@code err}, {@code acc})
   */
  record Monitor(String name, SDVariable value, SDVariable denominator, double inObjective) {}

  private final List<LossValue> losses = new ArrayList<>();
  private final List<Monitor> monitors = new ArrayList<>();
  private final boolean penalised;
  // The denominators, and on a shard's graph the scales (see ShardScales); null without objective.
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
    Monitor accuracy = addLosses(contexts, lossList, terms, lossMonitors);
    List<Monitor> penaltyMonitors = addPenalties(penalties, regularizers, terms);
    SDVariable total = terms.get(0);
    for (SDVariable t : terms.subList(1, terms.size())) {
      total = total.add(t);
    }
    monitors.add(new Monitor("loss", total, null, 0));
    Monitor first = lossMonitors.get(0);
    monitors.add(new Monitor("err", first.value(), first.denominator(), 0));
    monitors.addAll(lossMonitors);
    if (accuracy != null) {
      monitors.add(accuracy);
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
   * into the graph {@code sd}, and sets it as the graph's loss variable; each loss that splits
   * exactly has its denominator as well ({@link ShardScales#denominatorsOnly}).
   *
   * @param type the graph's data type
   * @param contexts what each loss reads in the graph
   * @param penalties the penalty terms of the graph's regularizers
   * @param regularizers the regularizers with their weights; those that are penalties are read
   * @throws IllegalArgumentException for a loss that reads an output the graph lacks, or a penalty
   *     the layers do not support
   */
  static Objective wire(
      SameDiff sd,
      DataType type,
      LossContexts contexts,
      Penalties penalties,
      List<Loss> losses,
      Map<Regularizer, Double> regularizers) {
    return new Objective(
        sd, contexts, penalties, losses, regularizers, ShardScales.denominatorsOnly(sd, type));
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
   * @return the accuracy monitor of the first classification loss, or null for none
   */
  private Monitor addLosses(
      LossContexts contexts,
      List<Loss> lossList,
      List<SDVariable> terms,
      List<Monitor> lossMonitors) {
    List<String> names = new ArrayList<>();
    Monitor accuracy = null;
    for (Loss loss : lossList) {
      ShardScales.Reductions reductions = new ShardScales.Reductions();
      LossContext ctx = contexts.of(loss, reductions);
      SDVariable value = LossGraphs.computed(loss, loss.compute(ctx));
      losses.add(new LossValue(loss, value.name()));
      shards.denominator(loss, reductions);
      SDVariable denominator = shards.denominators().get(losses.size() - 1);
      SDVariable scale = shards.loss(losses.size() - 1);
      SDVariable monitor = scale == null ? value : value.mul(scale);
      names.add(monitorName(names, loss.name()));
      double weight = loss.weight();
      lossMonitors.add(new Monitor(names.get(names.size() - 1), monitor, denominator, weight));
      // x * 1.0 == x exactly: a loss of weight 1 needs no op (and no op in the gradient).
      terms.add(weight == 1.0 ? monitor : monitor.mul(weight));
      if (accuracy == null && loss instanceof ClassificationLoss classification) {
        SDVariable a = classification.accuracy(ctx);
        accuracy = new Monitor("acc", scale == null ? a : a.mul(scale), denominator, 0);
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
          if (shards.scaled() && !r.isPenalty() && weight != 0) {
            throw Errors.regularizerNotExact(r);
          }
          if (r.isPenalty()) {
            SDVariable term = penalties.of(r).mul(weight);
            SDVariable scale = shards.penalty(r);
            term = scale == null ? term : term.mul(scale);
            penaltyMonitors.add(new Monitor(r.specName(), term, null, 1.0));
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

  /**
   * Each loss's denominator, in the losses' order: null for a loss that does not split exactly
   * (never on a shard's graph); empty for a graph without objective.
   */
  List<SDVariable> denominators() {
    return shards == null ? List.of() : shards.denominators();
  }

  /** Whether a penalty of weight other than 0 is part of the objective. */
  boolean penalised() {
    return penalised;
  }
}
