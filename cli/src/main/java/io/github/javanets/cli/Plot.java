package io.github.javanets.cli;

import io.github.javanets.models.AtomicFile;
import io.github.javanets.models.TrainingResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The training plot: one chart per distinct curve, all charts in one PNG image. A chart holds a
 * monitor's training curve (the mean over each epoch's minibatches, at the number of epochs trained
 * at its end) and its validation curve (at the number of epochs trained when it was measured, the
 * count {@code TrainingResult.bestEpoch()} uses; the validation after the last epoch is there when
 * it was the best). Monitors whose curves are the same, as {@code loss}, {@code err} and the loss
 * itself are with one loss, share one chart titled with all their names. A curve whose values are
 * all positive and span more than {@link #LOG_SPAN} (two decades) gets a logarithmic y axis.
 */
final class Plot {
  /** The ratio of largest to smallest value above which a positive curve is drawn on a log axis. */
  static final double LOG_SPAN = 100;

  private static final int WIDTH = 480;
  private static final int HEIGHT = 320;
  private static final int MAX_COLUMNS = 3;
  private static final String ACC = "acc";
  private static final String TRAIN = "train";
  private static final String VALID = "valid";

  private Plot() {}

  /**
   * Writes the plot of {@code result} to {@code file}, atomically ({@link AtomicFile}: a link,
   * directory or special file at {@code file} is refused, never replaced).
   *
   * @throws IOException if the file cannot be written
   */
  static void write(TrainingResult result, Path file) throws IOException {
    List<XYChart> charts = charts(result);
    if (charts.isEmpty()) {
      throw new IllegalArgumentException(
          "Training recorded no finite monitor value: nothing to plot.");
    }
    int columns = columns(charts.size());
    int rows = charts.size() / columns;
    AtomicFile.write(
        file, out -> BitmapEncoder.saveBitmap(charts, rows, columns, out, BitmapFormat.PNG));
  }

  /** The charts of {@code result}: one per distinct curve, in the monitors' order. */
  static List<XYChart> charts(TrainingResult result) {
    Map<Curves, List<String>> distinct = new LinkedHashMap<>();
    for (String monitor : monitors(result)) {
      Curves curves = curves(result, monitor);
      if (!curves.isEmpty()) {
        distinct.computeIfAbsent(curves, c -> new ArrayList<>()).add(monitor);
      }
    }
    List<XYChart> charts = new ArrayList<>();
    distinct.forEach((curves, names) -> charts.add(chart(names, curves)));
    return charts;
  }

  /**
   * Whether a curve of these values reads better on a logarithmic axis: every value is positive (a
   * log axis cannot show the others) and the largest is more than {@link #LOG_SPAN} times the
   * smallest, as a regressor's loss falling from 30,000 to 30 is.
   */
  static boolean logScale(List<Double> values) {
    if (values.isEmpty()) {
      return false;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (double v : values) {
      if (!(v > 0)) {
        return false;
      }
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return max > LOG_SPAN * min;
  }

  /** XChart fills every cell of its grid: the widest grid of at most 3 columns that fits. */
  private static int columns(int charts) {
    for (int c = Math.min(MAX_COLUMNS, charts); c > 1; c--) {
      if (charts % c == 0) {
        return c;
      }
    }
    return 1;
  }

  private static Set<String> monitors(TrainingResult result) {
    Set<String> names = new LinkedHashSet<>();
    for (TrainingResult.Epoch epoch : result.history()) {
      names.addAll(epoch.train().keySet());
      names.addAll(epoch.valid().keySet());
    }
    return names;
  }

  /** A monitor's finite points: x the epochs trained, training and validation apart. */
  private record Curves(
      List<Double> trainX, List<Double> trainY, List<Double> validX, List<Double> validY) {
    boolean isEmpty() {
      return trainX.isEmpty() && validX.isEmpty();
    }

    List<Double> values() {
      List<Double> all = new ArrayList<>(trainY);
      all.addAll(validY);
      return all;
    }
  }

  private static Curves curves(TrainingResult result, String monitor) {
    List<Double> trainX = new ArrayList<>();
    List<Double> trainY = new ArrayList<>();
    List<Double> validX = new ArrayList<>();
    List<Double> validY = new ArrayList<>();
    for (TrainingResult.Epoch epoch : result.history()) {
      add(epoch.valid(), monitor, epoch.index(), validX, validY);
      add(epoch.train(), monitor, epoch.index() + 1, trainX, trainY);
    }
    int epochs = result.history().size();
    if (epochs > 0 && result.bestEpoch() == epochs) {
      // The validation after the last epoch is in no epoch's record; kept as the best, it is here.
      add(result.bestValid(), monitor, epochs, validX, validY);
    }
    return new Curves(trainX, trainY, validX, validY);
  }

  private static XYChart chart(List<String> monitors, Curves curves) {
    String title = String.join(" = ", monitors);
    boolean log = logScale(curves.values());
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title + (log ? " (log scale)" : ""))
            .xAxisTitle("epochs trained")
            .yAxisTitle(monitors.get(0))
            .build();
    chart
        .getStyler()
        .setLegendPosition(
            monitors.contains(ACC) ? LegendPosition.InsideSE : LegendPosition.InsideNE);
    chart.getStyler().setMarkerSize(4);
    chart.getStyler().setYAxisLogarithmic(log);
    if (!curves.trainX().isEmpty()) {
      XYSeries s = chart.addSeries(TRAIN, curves.trainX(), curves.trainY());
      s.setMarker(SeriesMarkers.NONE);
    }
    if (!curves.validX().isEmpty()) {
      chart.addSeries(VALID, curves.validX(), curves.validY());
    }
    return chart;
  }

  private static void add(
      Map<String, Double> monitors, String monitor, int x, List<Double> xs, List<Double> ys) {
    Double v = monitors.get(monitor);
    if (v != null && Double.isFinite(v)) {
      xs.add((double) x);
      ys.add(v);
    }
  }
}
