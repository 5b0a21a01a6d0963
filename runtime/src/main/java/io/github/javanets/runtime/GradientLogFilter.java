package io.github.javanets.runtime;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.PrintStream;
import org.apiguardian.api.API;

/**
 * Drops the line {@code "Added differentiated op ..."} that SameDiff 1.0.0-M2.1 prints to {@code
 * System.out} for every op whenever it builds a gradient function (no logging setting silences it).
 * {@link #install()} wraps {@code System.out} once in a stream that forwards everything else
 * unchanged; {@link LossGraphs#createGradFunction} (so {@code Loss.gradient}, the models and the
 * DL4J adapter) and the trainers call it before differentiating a graph. For javanets' own modules.
 */
@API(status = INTERNAL, since = "0.1")
public final class GradientLogFilter extends PrintStream {
  private static final String NOISE = "Added differentiated op ";

  private GradientLogFilter(PrintStream out) {
    super(out, true);
  }

  /** Wraps {@code System.out} in the filter, unless it is already wrapped. Thread-safe. */
  public static synchronized void install() {
    if (!(System.out instanceof GradientLogFilter)) {
      System.setOut(new GradientLogFilter(System.out));
    }
  }

  @Override
  public void println(String line) {
    if (line == null || !line.startsWith(NOISE)) {
      super.println(line);
    }
  }
}
