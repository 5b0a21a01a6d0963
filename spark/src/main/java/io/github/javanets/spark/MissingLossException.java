package io.github.javanets.spark;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A loss of the model is not on an executor's class path: its jar was not shipped to the cluster.
 * Thrown on the driver before the first step, once, naming the loss and the executor.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class MissingLossException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final String loss;
  private final String executor;

  MissingLossException(String message, String loss, String executor) {
    super(message);
    this.loss = loss;
    this.executor = executor;
  }

  /** The loss's spec. */
  public String loss() {
    return loss;
  }

  /** The executor that lacks it. */
  public String executor() {
    return executor;
  }
}
