package io.github.javanets.runtime;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs a SameDiff graph: through a {@link GraphRunner} when the graph compiles to one, through
 * SameDiff's own session otherwise. Every graph javanets runs (a model's training step, validation
 * and predictions, {@code Loss.value} and {@code Loss.gradient}, the DL4J adapter, the test kit)
 * runs through one of these; the factories never return null.
 *
 * <p>{@link #forOutputs} computes variables of a graph; {@link #forGradients} computes variables of
 * a graph and the gradients of its loss with respect to some of its variables, in one pass of the
 * graph's gradient function. Both give an {@link OutAndGrad}: the outputs by variable name and the
 * gradients by the name of the variable they are taken with respect to (none for {@code
 * forOutputs}). The runner gives SameDiff's results bit for bit, so which of the two ran shows only
 * in the time taken and in whether the arrays are reused (see {@link #run}).
 *
 * <p><b>The switch.</b> The system property {@value #PROPERTY} is read in one place, here, at each
 * {@link #run}, {@link #runDetached} and {@link #usesRunner} call (a {@code System.getProperty}
 * look-up): when it is {@code false} (any case) that run goes through SameDiff's session, for
 * executors made before it was set as well as after; otherwise the run goes through the runner. The
 * runner is compiled by the first run that wants it, once: a graph it does not take (control flow,
 * in-place, random or value-shaped ops) then runs through the session for good. Setting the
 * property at start-up ({@code -Djavanets.graphRunner=false}) turns the runner off everywhere;
 * flipping it at run time takes effect at the next run of every executor.
 *
 * <p>An executor is not thread-safe: its runner reuses its arrays from run to run. Callers
 * serialise the runs of one executor.
 *
 * <p>For javanets' own modules; not for loss authors.
 */
@API(status = INTERNAL, since = "0.1")
public final class GraphExecutor {
  /**
   * The system property that turns the runner off: {@code -Djavanets.graphRunner=false} makes every
   * graph run through SameDiff's session. Read at each run (see the class documentation).
   */
  public static final String PROPERTY = "javanets.graphRunner";

  private final SameDiff sd;
  private final List<String> outputs;
  private final List<String> wrt;
  // For each of wrt, its gradient variable in the gradient function, or null where it has none;
  // null for an executor of outputs only.
  private final List<String> gradients;
  // Compiled on the first run that wants it: null where the graph needs SameDiff's session.
  private GraphRunner runner;
  private boolean compiled;

  private GraphExecutor(
      SameDiff sd, List<String> outputs, List<String> wrt, List<String> gradients) {
    this.sd = sd;
    this.outputs = List.copyOf(outputs);
    this.wrt = List.copyOf(wrt);
    this.gradients = gradients;
  }

  /**
   * An executor of {@code outputs} of {@code sd}.
   *
   * @param sd the graph; not null
   * @param outputs the variables to compute; not null, not empty
   * @return the executor; never null
   */
  public static GraphExecutor forOutputs(SameDiff sd, List<String> outputs) {
    Objects.requireNonNull(sd, "sd");
    return new GraphExecutor(sd, outputs, List.of(), null);
  }

  /**
   * An executor of {@code outputs} of {@code sd} and of the gradients of its loss with respect to
   * {@code wrt}, in one pass of its gradient function.
   *
   * @param sd the graph, its gradient function built (see {@link LossGraphs#createGradFunction});
   *     not null
   * @param outputs the variables to compute; not null, may be empty
   * @param wrt the variables whose gradients to compute; not null
   * @return the executor; never null
   * @throws IllegalStateException if the gradient function of {@code sd} is not built
   */
  public static GraphExecutor forGradients(SameDiff sd, List<String> outputs, List<String> wrt) {
    if (sd.getFunction("grad") == null) {
      throw new IllegalStateException(
          "The graph has no gradient function: build it (LossGraphs.createGradFunction) before"
              + " asking for gradients.");
    }
    List<String> gradients = new ArrayList<>();
    for (String w : wrt) {
      SDVariable g = sd.getVariable(w).getGradient();
      gradients.add(g == null ? null : g.name());
    }
    return new GraphExecutor(sd, outputs, wrt, gradients);
  }

  /**
   * Whether the next run goes through a {@link GraphRunner}: the switch {@value #PROPERTY} is not
   * {@code false} and the graph compiles (compiling it now if no run has yet).
   */
  public boolean usesRunner() {
    return runnerEnabled() && runner() != null;
  }

  /**
   * Computes the outputs (and gradients).
   *
   * @param feed an array for every placeholder the graph needs, by name; not null
   * @return the outputs by variable name and the gradients by the name of the variable they are
   *     taken with respect to (none where that variable has no gradient); never null. Through the
   *     runner, the arrays are the runner's, overwritten by the next run (and may be arrays of the
   *     feed); through the session they are fresh.
   * @throws IllegalArgumentException for a missing placeholder (through the runner)
   */
  public OutAndGrad run(Map<String, INDArray> feed) {
    GraphRunner r = runnerEnabled() ? runner() : null;
    return r == null ? session(feed) : byRunner(r.run(feed), false);
  }

  /**
   * Computes the outputs (and gradients) as {@link #run} does, in arrays that belong to the caller:
   * the runner's are copied, the session's are already fresh.
   *
   * @param feed an array for every placeholder the graph needs, by name; not null
   * @return as {@link #run}, every array the caller's own; never null
   */
  public OutAndGrad runDetached(Map<String, INDArray> feed) {
    GraphRunner r = runnerEnabled() ? runner() : null;
    return r == null ? session(feed) : byRunner(r.run(feed), true);
  }

  /** The one place the switch is read: the runner is on unless the property is {@code false}. */
  private static boolean runnerEnabled() {
    return !"false".equalsIgnoreCase(System.getProperty(PROPERTY));
  }

  private GraphRunner runner() {
    if (!compiled) {
      compiled = true;
      List<String> names = new ArrayList<>(outputs);
      if (gradients != null) {
        gradients.stream().filter(Objects::nonNull).forEach(names::add);
      }
      // Nothing to compute (no variable has a gradient, say): SameDiff's session says what it says.
      runner =
          names.isEmpty()
              ? null
              : GraphRunner.compile(gradients == null ? sd : sd.getFunction("grad"), names);
    }
    return runner;
  }

  private OutAndGrad byRunner(Map<String, INDArray> all, boolean copy) {
    Map<String, INDArray> out = new LinkedHashMap<>();
    for (String o : outputs) {
      out.put(o, copy ? all.get(o).dup() : all.get(o));
    }
    Map<String, INDArray> grads = new LinkedHashMap<>();
    for (int i = 0; i < wrt.size(); i++) {
      String g = gradients.get(i);
      if (g != null) {
        grads.put(wrt.get(i), copy ? all.get(g).dup() : all.get(g));
      }
    }
    return new OutAndGrad(out, grads);
  }

  /** SameDiff's session, which hands back arrays of its own on every call. */
  private OutAndGrad session(Map<String, INDArray> feed) {
    if (wrt.isEmpty()) {
      return new OutAndGrad(sd.output(feed, outputs), Map.of());
    }
    if (outputs.isEmpty()) {
      return new OutAndGrad(Map.of(), sd.calculateGradients(feed, wrt));
    }
    return sd.calculateGradientsAndOutputs(feed, outputs, wrt);
  }

  @Override
  public String toString() {
    return "GraphExecutor["
        + outputs
        + (wrt.isEmpty() ? "" : ", gradients wrt " + wrt)
        + (compiled ? (runner == null ? ", session" : ", " + runner) : "")
        + "]";
  }
}
