package io.github.javanets.models;

import io.github.javanets.train.EpochMonitors;
import io.github.javanets.train.MinibatchSource;
import io.github.javanets.train.TrainingRun;
import io.github.javanets.train.TrainingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How a model meets the {@code train} package, which knows nothing of models: its options become
 * the trainer's {@link TrainingSettings}, its data sets {@link MinibatchSource}s over its graph's
 * placeholders, and the finished {@link TrainingRun} a {@link TrainingResult}.
 */
final class TrainingAdapter {
  private TrainingAdapter() {}

  /**
   * What the trainer, its algorithm and listeners read of {@code options}: all but regularizers.
   */
  static TrainingSettings settings(TrainOptions options) {
    return new TrainingSettings(
        options.algorithm(),
        options.learningRate(),
        options.momentum(),
        options.batchSize(),
        options.maxUpdates(),
        options.validateEvery(),
        options.patience(),
        options.minImprovement(),
        options.maxGradientNorm(),
        options.seed());
  }

  /**
   * The rows of {@code data} as {@code graph}'s placeholders take them, a range at a time ({@link
   * Dataset#rows(long, long)} views); null for null.
   */
  static MinibatchSource rows(ModelGraph graph, Dataset data) {
    if (data == null) {
      return null;
    }
    return new MinibatchSource() {
      @Override
      public long rows() {
        return data.rows();
      }

      @Override
      public Map<String, INDArray> feed(long from, long to, Random noise) {
        return graph.feed(data.rows(from, to), noise);
      }
    };
  }

  /** The result of a finished run. */
  static TrainingResult result(TrainingRun run) {
    List<TrainingResult.Epoch> history = new ArrayList<>();
    for (EpochMonitors e : run.history()) {
      history.add(new TrainingResult.Epoch(e.index(), e.train(), e.valid()));
    }
    return new TrainingResult(history, run.bestValid(), run.bestEpoch(), run.stopReason());
  }
}
