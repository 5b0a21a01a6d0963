package io.github.javanets.models;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.reflect.Method;
import org.apiguardian.api.API;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How many threads ND4J's CPU backend uses for an op, set while the program runs.
 *
 * <p><b>The library's default is ND4J's own</b>: javanets changes no thread count unless asked,
 * since the count is a setting of the whole process (every model, every ND4J array, other libraries
 * using ND4J) and a program embedding javanets is the one that knows what else runs beside it. ND4J
 * starts with {@code OMP_NUM_THREADS} threads when that variable is set, else one per core (per
 * chip), which is right for large arrays on an idle machine. For small models (tens of units,
 * batches of tens of rows, as on Iris) one thread is much faster: an op is too small to share, and
 * the OpenMP threads that wait for the next op spin on cores that another process may need. On a
 * busy 2-core machine, 100 epochs of the command line's Iris classifier took 0.6-0.8 s with one
 * thread and 1.0-21.6 s with ND4J's two (median 27x slower), and an epoch of a 784-256-10 MLP at
 * batch 128 0.2 s against 0.6-2.0 s (benchmarks/README.md, {@code ThreadsCheck}). A program that
 * trains small models should call {@code Threads.set(1)} once, before training; the {@code
 * javanets} command does that by default ({@code --threads auto}).
 *
 * <p>{@link #set} changes, for ops that start after it returns: the OpenMP threads of libnd4j's ops
 * ({@code omp_set_num_threads}, what {@code OMP_NUM_THREADS} sets at start-up), the threads of the
 * BLAS library behind matrix products, and libnd4j's own master-thread limit (which cannot grow
 * past the count libnd4j chose at start-up, {@link #defaultCount()}). ND4J 1.0.0-M2.1's {@code
 * Environment.setMaxThreads} changes nothing, so this class does not rely on it. Only the CPU
 * backend ({@code nd4j-native}) has these settings; with another backend {@link #set} sets what
 * that backend's {@link Environment} takes.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class Threads {
  private static final String NATIVE_OPS = "org.nd4j.nativeblas.NativeOpsHolder";

  private Threads() {}

  /**
   * Makes ND4J's ops use {@code threads} threads from now on, in the whole process.
   *
   * @param threads the thread count, >= 1 (1 for small models; more only for large arrays on a
   *     machine with idle cores)
   * @throws IllegalArgumentException if {@code threads} is 0 or negative
   */
  public static synchronized void set(int threads) {
    if (threads < 1) {
      throw Errors.threadCountNotPositive(threads);
    }
    Environment environment = Nd4j.getEnvironment();
    environment.setMaxMasterThreads(threads);
    Nd4j.factory().blas().setMaxThreads(threads);
    Object ops = nativeOps();
    if (ops != null) {
      invoke(ops, "setOmpNumThreads", threads);
    }
  }

  /**
   * The number of threads an op may use now: OpenMP's, as {@link #set} or {@code OMP_NUM_THREADS}
   * left it, on the CPU backend; libnd4j's master-thread limit elsewhere.
   */
  public static int get() {
    Object ops = nativeOps();
    if (ops != null) {
      return (Integer) invoke(ops, "ompGetMaxThreads");
    }
    return Nd4j.getEnvironment().maxMasterThreads();
  }

  /**
   * The thread count libnd4j chose at start-up: {@code OMP_NUM_THREADS} when it was set, else one
   * per core. {@code set(defaultCount())} goes back to ND4J's default.
   */
  public static int defaultCount() {
    return Nd4j.getEnvironment().maxThreads();
  }

  /**
   * The CPU backend's native ops, or null under a backend without them. Found by name so that this
   * module keeps compiling against {@code nd4j-api} alone.
   */
  private static Object nativeOps() {
    Nd4j.getBackend(); // the holder finds its implementation through the backend ND4J has loaded
    try {
      Class<?> holder = Class.forName(NATIVE_OPS, true, Nd4j.class.getClassLoader());
      Object instance = holder.getMethod("getInstance").invoke(null);
      return holder.getMethod("getDeviceNativeOps").invoke(instance);
    } catch (ClassNotFoundException e) {
      return null;
    } catch (ReflectiveOperationException e) {
      throw Errors.nativeOpsUnusable(NATIVE_OPS + ".getInstance().getDeviceNativeOps()", e);
    }
  }

  private static Object invoke(Object ops, String name, Object... args) {
    try {
      Class<?>[] types = new Class<?>[args.length];
      java.util.Arrays.fill(types, int.class);
      Method method = ops.getClass().getMethod(name, types);
      return method.invoke(ops, args);
    } catch (ReflectiveOperationException e) {
      throw Errors.nativeOpsUnusable(name, e);
    }
  }
}
