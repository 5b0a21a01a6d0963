package io.github.javanets.cli;

import io.github.javanets.models.Threads;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --threads N|auto} of {@code train}, {@code predict} and {@code evaluate} (a picocli
 * mixin): how many threads ND4J's ops use, set through {@link Threads} before the command does any
 * ND4J work. {@code auto} (the default) keeps {@code OMP_NUM_THREADS} when the user set it, else
 * uses one thread: on a busy 2-core machine one thread trained an Iris-sized model in 0.6-0.8 s
 * where ND4J's one thread per core took 1.0-21.6 s (benchmarks/README.md, {@code ThreadsCheck}),
 * and more threads only pay for large arrays on idle cores, where {@code --threads N} asks for
 * them.
 */
final class ThreadsOption {
  /** The environment variable that sets OpenMP's thread count when the JVM starts. */
  static final String OMP_NUM_THREADS = "OMP_NUM_THREADS";

  /** {@code auto}'s count when {@code OMP_NUM_THREADS} is not set. */
  static final int AUTO_THREADS = 1;

  @Option(
      names = "--threads",
      paramLabel = "N|auto",
      defaultValue = "auto",
      converter = Converter.class,
      description =
          "Threads per ND4J op: a whole number >= 1, or auto: the OMP_NUM_THREADS environment"
              + " variable when it is set, else 1, the fastest for small models, and on a machine"
              + " that other processes share (default: ${DEFAULT-VALUE}).")
  Count threads = Count.AUTO;

  /** A parsed {@code --threads}: {@link #AUTO} or a count >= 1. */
  record Count(int value) {
    /** {@code auto}. */
    static final Count AUTO = new Count(0);

    /**
     * The count to set, for the environment {@code env}, or 0 to leave ND4J's (an explicit {@code
     * OMP_NUM_THREADS} under {@code auto}).
     */
    int resolve(Map<String, String> env) {
      if (value > 0) {
        return value;
      }
      String omp = env.get(OMP_NUM_THREADS);
      return omp != null && !omp.isBlank() ? 0 : AUTO_THREADS;
    }

    @Override
    public String toString() {
      return value == 0 ? "auto" : String.valueOf(value);
    }
  }

  /**
   * Sets ND4J's thread count as {@code --threads} says ({@link Count#resolve} with this process's
   * environment).
   */
  void apply() {
    int count = threads.resolve(System.getenv());
    if (count > 0) {
      Threads.set(count);
    }
  }

  /** Reads {@code --threads}: {@code auto} or a whole number >= 1. */
  static final class Converter implements ITypeConverter<Count> {
    @Override
    public Count convert(String value) {
      if ("auto".equalsIgnoreCase(value.strip())) {
        return Count.AUTO;
      }
      int count;
      try {
        count = Integer.parseInt(value.strip());
      } catch (NumberFormatException e) {
        count = 0;
      }
      if (count < 1) {
        throw new TypeConversionException(
            "expected auto or a whole number >= 1 but was '" + value + "'");
      }
      return new Count(count);
    }
  }
}
