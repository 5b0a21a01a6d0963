package io.github.javanets.cli;

import io.github.javanets.train.ProgressSink;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows training progress as a text progress bar on stderr: minibatches done out of the most the
 * run can take (or without a total, for a stream of unknown length), the epoch (or the minibatch
 * count), and the last minibatch's monitors ({@code loss}, {@code err}, each loss, {@code acc}).
 * Bound to {@link ProgressSink} in the injector the command line gives its models.
 */
final class ProgressBarSink implements ProgressSink {
  private static final int UPDATE_MILLIS = 200;
  private static final String ERR = "err";

  private final int epochs;
  private ProgressBar bar;
  // 0 while the number of minibatches per epoch is unknown (a stream of unknown length).
  private long batchesPerEpoch;

  /** A sink for a run of at most {@code epochs} epochs. */
  ProgressBarSink(int epochs) {
    this.epochs = epochs;
  }

  @Override
  public void start(long total) {
    batchesPerEpoch =
        total == ProgressSink.UNKNOWN ? 0 : Math.max(1, epochs > 0 ? total / epochs : total);
    bar =
        new ProgressBarBuilder()
            .setTaskName("train")
            .setInitialMax(total == ProgressSink.UNKNOWN ? -1 : total)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(UPDATE_MILLIS)
            .hideEta()
            .build();
  }

  @Override
  public void step(long done, Map<String, Double> monitors) {
    if (bar == null) {
      return;
    }
    bar.stepTo(done);
    bar.setExtraMessage(where(done) + format(monitors));
  }

  /**
   * Where minibatch {@code done} of the run lies: {@code "epoch e/E: "} while the minibatches per
   * epoch are known, else {@code "batch done: "} (a bar without a total).
   */
  String where(long done) {
    if (batchesPerEpoch == 0) {
      return "batch " + done + ": ";
    }
    long epoch = Math.min(epochs, (done - 1) / batchesPerEpoch + 1);
    return "epoch " + epoch + "/" + epochs + ": ";
  }

  @Override
  public void end() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }

  /** The objective, each loss and the accuracy; not {@code err}, the first loss again. */
  static String format(Map<String, Double> monitors) {
    return monitors.entrySet().stream()
        .filter(e -> !e.getKey().equals(ERR))
        .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.3f", e.getValue()))
        .collect(Collectors.joining(" "));
  }
}
