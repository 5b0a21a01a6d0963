package io.github.javanets.loss;

import java.util.Arrays;
import java.util.function.Supplier;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What running a loss's graph on plain arrays, outside a model, needs: {@link Loss#value} and
 * {@link Loss#gradient} use it, and so does the DL4J adapter.
 */
public final class LossGraphs {
  private LossGraphs() {}

  /**
   * Builds the gradient function of {@code sd} (its loss variables set) with respect to {@code
   * wrt}, with SameDiff's per-op log line filtered ({@link GradientLogFilter}).
   *
   * @return false when the loss depends differentiably on none of {@code wrt} (a step function,
   *     say): SameDiff then refuses to build the function, and every gradient is 0
   */
  public static boolean createGradFunction(SameDiff sd, String... wrt) {
    GradientLogFilter.install();
    try {
      sd.createGradFunction(wrt);
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
   * The value of a loss's one-element result.
   *
   * @param lossName the loss, for the message
   * @param value what its graph computed
   * @throws IllegalStateException if {@code value} is not one element, naming the loss and shape
   */
  public static double scalar(String lossName, INDArray value) {
    if (value.length() != 1) {
      throw new IllegalStateException(
          "Loss '"
              + lossName
              + "' computed a value of shape "
              + Arrays.toString(value.shape())
              + "; compute must return a scalar.");
    }
    return value.getDouble(0);
  }
}
