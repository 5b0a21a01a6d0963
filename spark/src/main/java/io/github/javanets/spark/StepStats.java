package io.github.javanets.spark;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * What a Spark training run moved over the network: the model file broadcast once, and per step the
 * parameters broadcast and the gradients and monitors the driver received (from the tasks, or from
 * the groups of a tree combine, {@link SparkTrainer#treeCombine}). Counts values' bytes, not
 * Spark's framing or compression. Not thread-safe: read it after the run.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class StepStats {
  private long modelBytes;
  private long steps;
  private long evaluations;
  private long parameterBytes;
  private long resultBytes;
  private long tasks;
  private long rounds;

  StepStats() {}

  void model(long bytes) {
    modelBytes = bytes;
  }

  void step(long params, int shards, long received, boolean training) {
    if (training) {
      steps++;
    } else {
      evaluations++;
    }
    parameterBytes += params;
    tasks += shards;
    resultBytes += received;
  }

  void round(long params, long results, int taskCount) {
    rounds++;
    parameterBytes += params;
    resultBytes += results;
    tasks += taskCount;
  }

  /** The bytes of the model file, broadcast once per run. */
  public long modelBytes() {
    return modelBytes;
  }

  /** The training steps run on the cluster (exact mode). */
  public long steps() {
    return steps;
  }

  /** The validation minibatches evaluated on the cluster. */
  public long evaluations() {
    return evaluations;
  }

  /** The averaging rounds run (parameter averaging). */
  public long rounds() {
    return rounds;
  }

  /** The bytes of parameters (and updater state) broadcast, over the run. */
  public long parameterBytes() {
    return parameterBytes;
  }

  /** The bytes the tasks returned (gradients or parameters, and monitors), over the run. */
  public long resultBytes() {
    return resultBytes;
  }

  /** The tasks that returned a result. */
  public long tasks() {
    return tasks;
  }

  @Override
  public String toString() {
    return "model "
        + modelBytes
        + " B; "
        + steps
        + " steps, "
        + evaluations
        + " evaluations, "
        + rounds
        + " rounds; parameters sent "
        + parameterBytes
        + " B, results "
        + resultBytes
        + " B, "
        + tasks
        + " tasks";
  }
}
