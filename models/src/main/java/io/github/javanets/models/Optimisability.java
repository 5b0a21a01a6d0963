package io.github.javanets.models;

import io.github.javanets.loss.Loss;
import io.github.javanets.runtime.LossGraphs;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;

/**
 * Whether training can optimise a graph's {@link Objective}: some term must have a gradient with
 * respect to a parameter, either a penalty of weight other than 0 or a loss of weight other than 0
 * whose value depends on a parameter through floating-point variables only (as SameDiff
 * differentiates: a comparison or an argmax on the way cuts the path). The paths are followed
 * through SameDiff's public graph API; SameDiff's own gradient function is the last word.
 */
final class Optimisability {
  private final SameDiff sd;
  private final List<Objective.LossValue> losses;
  private final String defaultLoss;
  // Why the objective cannot be optimised, or null when it can.
  private Supplier<IllegalArgumentException> whyNot;

  /**
   * Looks at the objective once, without building the gradient function.
   *
   * @param sd the graph
   * @param objective the objective wired into it
   * @param defaultLoss the model kind's default loss, which a message may suggest
   */
  Optimisability(SameDiff sd, Objective objective, String defaultLoss) {
    this.sd = sd;
    this.losses = objective.losses();
    this.defaultLoss = defaultLoss;
    this.whyNot = objective.penalised() || someLossHasAGradient() ? null : lossesWithoutGradient();
  }

  /**
   * Checks, before training, that the objective has a gradient with respect to some parameter, and
   * builds the gradient function.
   *
   * @throws IllegalArgumentException naming each loss and why it adds no gradient, and saying how
   *     to keep such a loss as a monitor
   */
  void check() {
    if (whyNot == null && sd.getFunction("grad") == null && !LossGraphs.createGradFunction(sd)) {
      whyNot = lossesWithoutGradient();
    }
    if (whyNot != null) {
      throw whyNot.get();
    }
  }

  private boolean someLossHasAGradient() {
    for (Objective.LossValue v : losses) {
      if (v.loss().weight() != 0 && dependsOnParameters(v.variable())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code variable} depends on a trainable variable through floating-point variables:
   * walks back from it through the op that outputs each variable to that op's inputs.
   */
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
      DifferentialFunction op = sd.getVariableOutputOp(name);
      String[] inputs = op == null ? null : sd.getInputsForOp(op);
      if (inputs != null) {
        todo.addAll(List.of(inputs));
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
    for (Objective.LossValue v : losses) {
      (v.loss().weight() == 0 ? zero : flat).add(v.loss());
    }
    return flat.isEmpty()
        ? () -> Errors.everyWeightZero(zero)
        : () -> Errors.noGradient(flat, zero, defaultLoss);
  }
}
