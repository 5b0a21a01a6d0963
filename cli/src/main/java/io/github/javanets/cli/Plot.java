package io.github.javanets.cli;

import io.github.javanets.models.AtomicFile;
import io.github.javanets.models.TrainingResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * The training plot: one chart per monitor with its training curve (the mean over each epoch's
 * minibatches, at the end of the epoch) and its validation curve (measured before each validated
 * epoch), all charts in one PNG image.
 */
final class Plot {
  private static final int WIDTH = 480;
  private static final int HEIGHT = 320;
  private static final int MAX_COLUMNS = 3;
  private static final String ACC = "acc";

  private Plot() {}

  /**
   * Writes the plot of {@code result} to {@code file}, atomically ({@link AtomicFile}: a link,
   * directory or special file at {@code file} is refused, never replaced).
   *
   * @throws IOException if the file cannot be written
   */
  static void write(TrainingResult result, Path file) throws IOException {
    List<XYChart> charts = new ArrayList<>();
    for (String monitor : monitors(result)) {
      XYChart chart = chart(result, monitor);
      if (!chart.getSeriesMap().isEmpty()) {
        charts.add(chart);
      }
    }
    if (charts.isEmpty()) {
      throw new IllegalArgumentException(
          "Training recorded no finite monitor value: nothing to plot.");
    }
    int columns = columns(charts.size());
    int rows = charts.size() / columns;
    AtomicFile.write(
        file, out -> BitmapEncoder.saveBitmap(charts, rows, columns, out, BitmapFormat.PNG));
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

  private static XYChart chart(TrainingResult result, String monitor) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(monitor)
            .xAxisTitle("epoch")
            .yAxisTitle(monitor)
            .build();
    chart
        .getStyler()
        .setLegendPosition(monitor.equals(ACC) ? LegendPosition.InsideSE : LegendPosition.InsideNE);
    chart.getStyler().setMarkerSize(4);
    List<Double> trainX = new ArrayList<>();
    List<Double> trainY = new ArrayList<>();
    List<Double> validX = new ArrayList<>();
    List<Double> validY = new ArrayList<>();
    for (TrainingResult.Epoch epoch : result.history()) {
      add(epoch.train(), monitor, epoch.index() + 1, trainX, trainY);
      add(epoch.valid(), monitor, epoch.index(), validX, validY);
    }
    if (!trainX.isEmpty()) {
      XYSeries s = chart.addSeries("train", trainX, trainY);
      s.setMarker(SeriesMarkers.NONE);
    }
    if (!validX.isEmpty()) {
      chart.addSeries("valid", validX, validY);
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
