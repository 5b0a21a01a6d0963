package io.github.javanets.testkit;

import static org.apiguardian.api.API.Status.STABLE;

import io.github.javanets.loss.Loss;
import io.github.javanets.loss.TargetKind;
import io.github.javanets.loss.internal.OutputNames;
import io.github.javanets.runtime.LossGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A central-difference check of a loss's autodiff gradient, meant for DOUBLE inputs.
 *
 * <p>Each element {@code x} of each output is moved by {@code +-h} ({@code h =} {@value #STEP}) and
 * the numeric derivative {@code n = (v(x + h) - v(x - h)) / 2h} is compared with the autodiff
 * gradient {@code a}: they agree when {@code |a - n| <= }{@value #ABSOLUTE_TOLERANCE}{@code +
 * }{@value #RELATIVE_TOLERANCE}{@code * |n|}. In DOUBLE the central difference is off by about
 * {@code 1e-16 |v| / h + h^2 |v'''|}, some {@code 1e-10} for values of order 1, far inside that
 * band; a wrong gradient is usually off by far more. Inputs must keep clear of kinks ({@code abs}
 * at 0, {@code max} ties, clip bounds) by more than {@code h}.
 *
 * <p>Unlike DL4J's {@code GradCheckUtil} it works through the loss's public methods and never
 * counts a gradient as correct because one side is exactly 0.
 */
@API(status = STABLE, since = "0.1")
public final class GradientCheck {
  /** The step {@code h} of the central difference. */
  public static final double STEP = 1e-6;

  /** The absolute part of the tolerance. */
  public static final double ABSOLUTE_TOLERANCE = 1e-7;

  /** The relative part of the tolerance, times the numeric derivative's magnitude. */
  public static final double RELATIVE_TOLERANCE = 1e-5;

  private static final int MAX_REPORTED = 10;

  private GradientCheck() {}

  /**
   * Checks {@link Loss#gradient} against central differences of the loss's value for every element
   * of every output in {@code inputs}.
   *
   * <p>The value is computed by one graph of the loss's expression, built with the batch size
   * unknown (-1, as a model builds it) and evaluated at each perturbed point; that graph must first
   * give {@link Loss#value} to 1e-12, else that is the one mismatch reported.
   *
   * @param loss the loss; not null
   * @param inputs DOUBLE inputs; not null
   * @param weighted whether to pass the weights
   * @return one line per disagreeing element (at most {@value #MAX_REPORTED}, then a count); empty
   *     when every element agrees. Never null.
   */
  public static List<String> mismatches(Loss loss, LossInputs inputs, boolean weighted) {
    INDArray w = inputs.weightsIf(weighted);
    Map<String, INDArray> analytic = loss.gradient(inputs.outputs(), inputs.target(), w);
    ToDoubleFunction<Map<String, INDArray>> graph =
        unknownBatchSize(loss, inputs.outputs(), inputs.target(), w);
    double direct = loss.value(inputs.outputs(), inputs.target(), w);
    double built = graph.applyAsDouble(inputs.outputs());
    if (!(Math.abs(direct - built) <= 1e-12 * Math.max(1, Math.abs(direct)))) {
      return List.of(
          "built with an unknown batch size (as in a model) the loss gives "
              + built
              + ", but Loss.value gives "
              + direct);
    }
    return compare(graph, inputs.outputs(), analytic);
  }

  /**
   * The loss's value as a function of its outputs, from one graph of its expression built once with
   * DOUBLE output placeholders whose batch size (first axis) is unknown, as in a model's graph (the
   * context reports it as -1), and the target and weights fixed. {@link Loss#value} builds its
   * graph for the batch's known shapes: comparing the two checks that a loss does not depend on
   * knowing the batch size.
   */
  private static ToDoubleFunction<Map<String, INDArray>> unknownBatchSize(
      Loss loss, Map<String, INDArray> outputs, INDArray target, INDArray weights) {
    String main = loss.outputName();
    LossGraph.Builder b =
        LossGraph.builder(loss)
            .mainOutput(
                main != null ? main : OutputNames.normalize(outputs.keySet().iterator().next()));
    for (Map.Entry<String, INDArray> e : outputs.entrySet()) {
      long[] shape = e.getValue().shape().clone();
      shape[0] = -1;
      b.output(e.getKey(), DataType.DOUBLE, shape);
    }
    INDArray t = null;
    if (target != null && loss.targetKind() != TargetKind.NONE) {
      t = (loss.targetKind() == TargetKind.LABELS ? target : target.castTo(DataType.DOUBLE)).dup();
      b.target(t.dataType(), t.shape());
    }
    INDArray w = weights == null ? null : weights.castTo(DataType.DOUBLE).dup();
    if (w != null) {
      b.weights(DataType.DOUBLE, w.shape());
    }
    LossGraph graph = b.build();
    INDArray fixedTarget = t;
    return at -> {
      Map<String, INDArray> cast = new LinkedHashMap<>();
      at.forEach((k, v) -> cast.put(k, v.castTo(DataType.DOUBLE)));
      return graph.value(graph.feed(cast, fixedTarget, w));
    };
  }

  /**
   * Compares gradients with central differences of a scalar function of named arrays.
   *
   * @param value the function; not null
   * @param at the point, arrays by name; not null (never modified)
   * @param analytic the gradient to check, by the same names and shapes; not null
   * @return one line per disagreeing element or missing/misshaped gradient (at most {@value
   *     #MAX_REPORTED}, then a count); empty when every element agrees. Never null.
   */
  public static List<String> compare(
      ToDoubleFunction<Map<String, INDArray>> value,
      Map<String, INDArray> at,
      Map<String, INDArray> analytic) {
    List<String> problems = new ArrayList<>();
    int count = 0;
    for (Map.Entry<String, INDArray> e : at.entrySet()) {
      INDArray x = e.getValue();
      INDArray g = analytic.get(e.getKey());
      g = g == null ? null : g.dup('c');
      if (g == null || !Arrays.equals(g.shape(), x.shape())) {
        problems.add(
            "gradient of '"
                + e.getKey()
                + "' has shape "
                + (g == null ? "none" : Arrays.toString(g.shape()))
                + ", expected "
                + Arrays.toString(x.shape()));
        continue;
      }
      for (long i = 0; i < x.length(); i++) {
        double n = centralDifference(value, at, e.getKey(), i, STEP);
        double a = g.getDouble(i);
        if (!agree(a, n) && ++count <= MAX_REPORTED) {
          problems.add(
              String.format(
                  "d/d %s%s: autodiff %.12g, central difference %.12g",
                  e.getKey(), Arrays.toString(index(x.shape(), i)), a, n));
        }
      }
    }
    if (count > MAX_REPORTED) {
      problems.add("... " + (count - MAX_REPORTED) + " more");
    }
    return problems;
  }

  /**
   * The central difference of {@code value} along one element.
   *
   * @param value the function; not null
   * @param at the point; not null (never modified)
   * @param name the array to perturb
   * @param flatIndex the row-major position of the element
   * @param h the step, &gt; 0
   * @return {@code (v(x + h) - v(x - h)) / 2h}
   */
  public static double centralDifference(
      ToDoubleFunction<Map<String, INDArray>> value,
      Map<String, INDArray> at,
      String name,
      long flatIndex,
      double h) {
    double x = at.get(name).dup('c').getDouble(flatIndex);
    double plus = value.applyAsDouble(with(at, name, flatIndex, x + h));
    double minus = value.applyAsDouble(with(at, name, flatIndex, x - h));
    return (plus - minus) / (2 * h);
  }

  /**
   * Whether an autodiff and a numeric derivative agree within the stated tolerance.
   *
   * @param analytic the autodiff value
   * @param numeric the central difference
   * @return {@code |a - n| <= ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * |n|}; false for NaN
   */
  public static boolean agree(double analytic, double numeric) {
    return Math.abs(analytic - numeric)
        <= ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * Math.abs(numeric);
  }

  private static Map<String, INDArray> with(
      Map<String, INDArray> at, String name, long flatIndex, double v) {
    Map<String, INDArray> copy = new LinkedHashMap<>(at);
    INDArray changed = at.get(name).dup('c');
    changed.putScalar(flatIndex, v);
    copy.put(name, changed);
    return copy;
  }

  /** The n-dimensional index of a row-major position. */
  static long[] index(long[] shape, long flat) {
    long[] idx = new long[shape.length];
    for (int d = shape.length - 1; d >= 0; d--) {
      idx[d] = flat % shape[d];
      flat /= shape[d];
    }
    return idx;
  }
}
