package io.github.javanets.train;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each epoch's and each validation's monitors at INFO through SLF4J. */
@API(status = EXPERIMENTAL, since = "0.1")
public final class LoggingListener implements TrainingListener {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingListener.class);

  @Override
  public void onValidation(TrainingRun run, Map<String, Double> monitors) {
    LOG.info("validation before epoch {}: {}", run.epoch(), monitors);
  }

  @Override
  public void onEpoch(TrainingRun run, EpochMonitors epoch) {
    LOG.info("epoch {}: {}", epoch.index(), epoch.train());
  }

  @Override
  public void onEnd(TrainingRun run) {
    LOG.info(
        "stopped ({}); best validation before epoch {}: {}",
        run.stopReason(),
        run.bestEpoch(),
        run.bestValid());
  }
}
