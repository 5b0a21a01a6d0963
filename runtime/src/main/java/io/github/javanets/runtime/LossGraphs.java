package io.github.javanets.runtime;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.javanets.loss.Loss;
import java.util.Arrays;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What running a loss's graph needs, on plain arrays ({@link Loss#value}, {@link Loss#gradient},
 * the DL4J adapter, the test kit: see {@link LossGraph}) or in a model: the gradient function, the
 * out-of-workspace run, and the checks of what a loss's {@link Loss#compute} returned. For
 * javanets' own modules.
 */
@API(status = INTERNAL, since = "0.1")
public final class LossGraphs {
  private static final String MUST_BE_SCALAR =
      "compute must return a scalar, such as reduce(ctx, err) of the per-element error err.";

  private LossGraphs() {}

  /**
   * Builds the gradient function of {@code sd} (its loss variables set) with respect to {@code
   * wrt}, with SameDiff's per-op log line filtered ({@link GradientLogFilter}).
   *
   * @param wrt the variables to differentiate with respect to; none: every trainable variable
   * @return false when the loss depends differentiably on none of {@code wrt} (a step function,
   *     say): SameDiff then refuses to build the function, and every gradient is 0
   */
  public static boolean createGradFunction(SameDiff sd, String... wrt) {
    GradientLogFilter.install();
    try {
      if (wrt.length == 0) {
        sd.createGradFunction();
      } else {
        sd.createGradFunction(wrt);
      }
      return true;
    } catch (IllegalStateException e) {
      if (String.valueOf(e.getMessage()).contains("does not contain any trainable")) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Runs {@code body} outside any workspace: the arrays it makes outlive the caller's workspace.
   */
  public static <T> T outsideWorkspaces(Supplier<T> body) {
    try (MemoryWorkspace scope = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
      return body.get();
    }
  }

  /**
   * Checks what {@code loss}'s {@link Loss#compute} returned while a graph is built.
   *
   * @param loss the loss; not null
   * @param value what its compute returned
   * @return {@code value}
   * @throws IllegalArgumentException if {@code value} is null, naming the loss and its class
   */
  public static SDVariable computed(Loss loss, SDVariable value) {
    if (value == null) {
      throw new IllegalArgumentException(
          describe(loss.name(), loss.getClass())
              + " returned null from compute; "
              + MUST_BE_SCALAR);
    }
    return value;
  }

  /**
   * The value of {@code loss}'s one-element result.
   *
   * @param loss the loss; not null
   * @param value what its graph computed; not null
   * @throws IllegalArgumentException if {@code value} is not one element, naming the loss, its
   *     class and the shape
   */
  public static double scalar(Loss loss, INDArray value) {
    return scalar(loss.name(), loss.getClass(), value);
  }

  /**
   * The value of a loss's one-element result.
   *
   * @param lossName the loss, for the message
   * @param lossClass the loss's class, for the message
   * @param value what its graph computed; not null
   * @throws IllegalArgumentException if {@code value} is not one element, naming the loss, its
   *     class and the shape
   */
  public static double scalar(String lossName, Class<?> lossClass, INDArray value) {
    if (value.length() != 1) {
      throw new IllegalArgumentException(
          describe(lossName, lossClass)
              + " computed a value of shape "
              + Arrays.toString(value.shape())
              + "; "
              + MUST_BE_SCALAR);
    }
    return value.getDouble(0);
  }

  private static String describe(String lossName, Class<?> lossClass) {
    return "Loss '" + lossName + "' (" + lossClass.getName() + ")";
  }
}
