package io.github.javanets.train;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * Reports progress through minibatches to a {@link ProgressSink} (by default none; the command line
 * binds a progress bar): after each minibatch, the work done out of the run's total and the
 * minibatch's monitors. A streamed source that does not know its length gives no total ({@link
 * ProgressSink#UNKNOWN}), only the work done.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ProgressListener implements TrainingListener {
  private final ProgressSink sink;

  /** Reports to {@code sink}. */
  @com.google.inject.Inject
  public ProgressListener(ProgressSink sink) {
    this.sink = sink;
  }

  @Override
  public void onStart(TrainingRun run) {
    sink.start(
        run.batches() == TrainingRun.UNKNOWN
            ? ProgressSink.UNKNOWN
            : (long) run.batches() * run.options().maxUpdates());
  }

  @Override
  public void onBatch(TrainingRun run, int batch, Map<String, Double> monitors) {
    sink.step(run.batchesSoFar(), monitors);
  }

  @Override
  public void onEnd(TrainingRun run) {
    sink.end();
  }
}
