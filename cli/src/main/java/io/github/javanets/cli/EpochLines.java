package io.github.javanets.cli;

import io.github.javanets.train.EpochMonitors;
import io.github.javanets.train.TrainingListener;
import io.github.javanets.train.TrainingRun;
import java.io.PrintStream;
import java.util.Map;

/**
 * Training progress as plain lines, one per epoch, for a stderr that is not a terminal (a CI log, a
 * file): {@code epoch K/N: train MONITORS; valid MONITORS}, where K counts the epochs trained, as
 * {@code TrainingResult.bestEpoch()} does, the training monitors are epoch K's means and the
 * validation ones were measured after it. The initial validation is {@code epoch 0/N: valid ...}.
 * For one command's run: it keeps the pending line itself.
 */
final class EpochLines implements TrainingListener {
  private final PrintStream out;
  private final int epochs;
  private String pending;

  /** Lines on {@code out} for a run of at most {@code epochs} epochs. */
  EpochLines(PrintStream out, int epochs) {
    this.out = out;
    this.epochs = epochs;
  }

  @Override
  public synchronized void onValidation(TrainingRun run, Map<String, Double> monitors) {
    String line = pending != null ? pending + "; " : head(run.epoch());
    pending = null;
    print(line + "valid " + ProgressBarSink.format(monitors));
  }

  @Override
  public synchronized void onEpoch(TrainingRun run, EpochMonitors epoch) {
    flush();
    pending = head(epoch.index() + 1) + "train " + ProgressBarSink.format(epoch.train());
  }

  @Override
  public synchronized void onEnd(TrainingRun run) {
    flush();
  }

  private String head(int trained) {
    return "epoch " + trained + "/" + epochs + ": ";
  }

  private void flush() {
    if (pending != null) {
      print(pending);
      pending = null;
    }
  }

  private void print(String line) {
    out.println(line);
    out.flush();
  }
}
