/**
 * Graph execution, for javanets' own modules ({@code javanets-models}, {@code javanets-dl4j},
 * {@code javanets-testkit}, the benchmarks): not for loss authors, who compile against {@code
 * javanets-api} only, nor for applications. Every type here is {@code @API(status = INTERNAL)}:
 * outside use is unsupported, and they may change in any release.
 *
 * <ul>
 *   <li>{@link io.github.javanets.runtime.GraphExecutor}: the one type that runs a SameDiff graph,
 *       through a {@link io.github.javanets.runtime.GraphRunner} when the graph compiles to one and
 *       through SameDiff's session otherwise; the only reader of the switch {@code
 *       -Djavanets.graphRunner}.
 *   <li>{@link io.github.javanets.runtime.LossGraph}: the one builder of a loss in a graph of its
 *       own (placeholders for its outputs, target and weights).
 *   <li>{@link io.github.javanets.runtime.LossGraphs}: the gradient function, the run outside
 *       workspaces and the checks of what a loss computed; {@link
 *       io.github.javanets.runtime.GradientLogFilter}: silences SameDiff's per-op line.
 * </ul>
 *
 * <p>The module also provides {@code Loss.value}, {@code Loss.gradient} and {@code
 * ClassificationLoss.accuracy}: the api finds its evaluator with {@link java.util.ServiceLoader}.
 */
package io.github.javanets.runtime;
