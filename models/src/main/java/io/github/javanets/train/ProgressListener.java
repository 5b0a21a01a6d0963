package io.github.javanets.train;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * Reports progress through minibatches to a {@link ProgressSink} (by default none; the command line
 * binds a progress bar): after each minibatch, the work done out of the run's total and the
 * minibatch's monitors.
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
    sink.start((long) run.batches() * run.options().maxUpdates());
  }

  @Override
  public void onBatch(TrainingRun run, int batch, Map<String, Double> monitors) {
    sink.step((long) run.epoch() * run.batches() + batch + 1, monitors);
  }

  @Override
  public void onEnd(TrainingRun run) {
    sink.end();
  }
}
