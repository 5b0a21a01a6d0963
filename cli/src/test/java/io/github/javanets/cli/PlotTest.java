package io.github.javanets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.models.TrainingResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * The training plot draws each distinct curve once, names every monitor it stands for, and uses a
 * log axis for a positive curve that spans more than two decades.
 */
class PlotTest {
  @TempDir Path dir;

  /** A run of {@code losses.length} epochs, validated before each, with these monitors. */
  private static TrainingResult run(double[] losses, boolean twoLosses, boolean classifier) {
    List<TrainingResult.Epoch> history = new ArrayList<>();
    for (int e = 0; e < losses.length; e++) {
      history.add(
          new TrainingResult.Epoch(
              e,
              monitors(losses[e], twoLosses, classifier),
              monitors(losses[e] * 1.1, twoLosses, classifier)));
    }
    return new TrainingResult(
        history, monitors(losses[losses.length - 1], twoLosses, classifier), 1, "max_updates");
  }

  private static Map<String, Double> monitors(double loss, boolean twoLosses, boolean classifier) {
    Map<String, Double> m = new LinkedHashMap<>();
    if (twoLosses) {
      m.put("loss", loss + 0.5 * loss / 2);
      m.put("err", loss);
      m.put("mse", loss);
      m.put("mae", loss / 2);
    } else {
      m.put("loss", loss);
      m.put("err", loss);
      m.put(classifier ? "xe" : "mse", loss);
    }
    if (classifier) {
      m.put("acc", 1 - loss / 10);
    }
    return m;
  }

  private static List<String> titles(List<XYChart> charts) {
    return charts.stream().map(XYChart::getTitle).toList();
  }

  @Test
  void oneLossIsOneChartNamingTheMonitorsItStandsFor() {
    List<XYChart> charts = Plot.charts(run(new double[] {1.0, 0.8, 0.5}, false, true));

    assertThat(titles(charts)).containsExactly("loss = err = xe", "acc");
    for (XYChart chart : charts) {
      assertThat(chart.getSeriesMap().keySet()).containsExactly("train", "valid");
      assertThat(chart.getStyler().isYAxisLogarithmic()).isFalse();
    }
  }

  @Test
  void twoLossesKeepTheObjectiveAndEachLoss() {
    List<XYChart> charts = Plot.charts(run(new double[] {1.0, 0.8, 0.5}, true, false));

    assertThat(titles(charts)).containsExactly("loss", "err = mse", "mae");
  }

  @Test
  void aCurveFallingOverDecadesIsDrawnOnALogAxis() {
    List<XYChart> charts =
        Plot.charts(run(new double[] {30_000, 9_000, 3_400, 800, 120}, false, false));

    assertThat(titles(charts)).containsExactly("loss = err = mse (log scale)");
    assertThat(charts.get(0).getStyler().isYAxisLogarithmic()).isTrue();
  }

  @Test
  void theCurvesArePlacedByEpochsTrained() {
    // bestEpoch 3 == history size: the validation after the last epoch is plotted at 3.
    TrainingResult result =
        new TrainingResult(
            List.of(
                new TrainingResult.Epoch(0, Map.of("loss", 3.0), Map.of("loss", 4.0)),
                new TrainingResult.Epoch(1, Map.of("loss", 2.0), Map.of()),
                new TrainingResult.Epoch(2, Map.of("loss", 1.0), Map.of("loss", 2.5))),
            Map.of("loss", 1.5),
            3,
            "max_updates");

    XYChart chart = Plot.charts(result).get(0);

    XYSeries train = chart.getSeriesMap().get("train");
    XYSeries valid = chart.getSeriesMap().get("valid");
    assertThat(train.getXData()).containsExactly(1.0, 2.0, 3.0);
    assertThat(train.getYData()).containsExactly(3.0, 2.0, 1.0);
    assertThat(valid.getXData()).containsExactly(0.0, 2.0, 3.0);
    assertThat(valid.getYData()).containsExactly(4.0, 2.5, 1.5);
  }

  @Test
  void theLogScaleDecisionNeedsPositiveValuesOverMoreThanTwoDecades() {
    assertThat(Plot.logScale(List.of(30_000.0, 3_400.0))).isFalse();
    assertThat(Plot.logScale(List.of(30_000.0, 3_400.0, 299.0))).isTrue();
    assertThat(Plot.logScale(List.of(1.0, 100.0))).isFalse();
    assertThat(Plot.logScale(List.of(1.0, 100.01))).isTrue();
    assertThat(Plot.logScale(List.of(2e-4, 0.5))).isTrue();
    assertThat(Plot.logScale(List.of(1_000.0, 0.0))).isFalse();
    assertThat(Plot.logScale(List.of(1_000.0, -1.0, 0.001))).isFalse();
    assertThat(Plot.logScale(List.of(0.9, 0.3))).isFalse();
    assertThat(Plot.logScale(List.of())).isFalse();
  }

  @Test
  void writesAPng() throws Exception {
    Path png = dir.resolve("plot.png");

    Plot.write(run(new double[] {30_000, 3_400, 120}, true, false), png);

    assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
  }
}
