package io.github.javanets.models;

import io.github.javanets.loss.Loss;
import io.github.javanets.train.Feed;
import io.github.javanets.train.FeedPass;
import io.github.javanets.train.FeedSource;
import io.github.javanets.train.Prefetcher;
import io.github.javanets.train.Trainer;
import io.github.javanets.train.TrainingRun;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A model's calls on a {@link BatchSource}: training, evaluation and prediction, batch by batch,
 * each batch read and checked on a loader thread ({@link Prefetcher}) while the previous one runs
 * through the graph. Called by {@link Model} under its lock.
 */
final class ModelStreams {
  private final Model model;
  private final List<Loss> losses;

  /** The streamed calls of {@code model}, with its losses as they are now. */
  ModelStreams(Model model) {
    this.model = model;
    this.losses = List.copyOf(model.losses());
  }

  /** Trains as {@link Model#train(BatchSource, BatchSource, TrainOptions)} says. */
  TrainingResult train(
      Trainer trainer, BatchSource train, BatchSource valid, TrainOptions options) {
    FirstBatch first = unrolled() ? FirstBatch.read(train) : null;
    try {
      int steps = first == null ? -1 : (int) first.steps();
      ModelGraph graph = model.graphs().training(losses, options.regularizers(), steps);
      graph.checkOptimisable();
      TrainingRun run =
          trainer.train(
              graph,
              feeds(graph, first != null ? first : train, "training", steps),
              valid == null ? null : feeds(graph, valid, "validation", steps),
              TrainingAdapter.settings(options));
      return TrainingAdapter.result(run);
    } finally {
      if (first != null) {
        first.release();
      }
    }
  }

  /**
   * Evaluates as {@link Model#evaluate(BatchSource)} says: the monitors of each batch, computed on
   * this thread while the next batch is read and checked on a loader thread, summed exactly by
   * {@link PassMonitors}.
   */
  Map<String, Double> evaluate(BatchSource data) {
    FirstBatch first = unrolled() ? FirstBatch.read(data) : null;
    try {
      int steps = first == null ? -1 : (int) first.steps();
      ModelGraph graph = model.graphs().training(losses, Map.of(), steps);
      FeedSource feeds = feeds(graph, first != null ? first : data, "evaluation", steps);
      PassMonitors sums = new PassMonitors(graph);
      FeedPass pass = feeds.open(null);
      try (Prefetcher<Feed> batches =
          Prefetcher.start(feeds.description(), pass::next, pass::close)) {
        for (Feed f; (f = batches.next()) != null; ) {
          sums.add(graph.compute(f.placeholders(), sums.variables()), f.rows());
        }
      }
      return sums.values(feeds.description());
    } finally {
      if (first != null) {
        first.release();
      }
    }
  }

  /**
   * The monitors of {@code graph} on rows in memory, as {@link Model#evaluate(Dataset)} gives them:
   * computed on ranges of {@code batchSize} rows on this thread, summed exactly by {@link
   * PassMonitors}.
   *
   * @param data the rows, checked and scaled; not null
   */
  static Map<String, Double> evaluate(ModelGraph graph, Dataset data, long batchSize) {
    PassMonitors sums = new PassMonitors(graph);
    for (long from = 0; from < data.rows(); from += batchSize) {
      Dataset rows = data.rows(from, Math.min(data.rows(), from + batchSize));
      sums.add(graph.compute(graph.feed(rows, null), sums.variables()), rows.rows());
    }
    return sums.values("the rows in memory (" + data.rows() + " rows)");
  }

  /**
   * Calls {@code consumer} with each batch of a pass of {@code data} and {@code predict} of its
   * inputs, in order; the inputs are checked and converted on the loader thread.
   */
  void predict(
      BatchSource data,
      UnaryOperator<INDArray> predict,
      BiConsumer<? super Dataset, ? super INDArray> consumer) {
    BatchIterator pass = data.open();
    try (Prefetcher<Inputs> batches =
        Prefetcher.start(
            data.description(),
            () -> {
              if (!pass.hasNext()) {
                return null;
              }
              Dataset batch = pass.next();
              if (batch == null) {
                throw Errors.batchIsNull();
              }
              return new Inputs(batch, model.inputs(batch.inputs()));
            },
            pass::close)) {
      for (Inputs b; (b = batches.next()) != null; ) {
        consumer.accept(b.batch(), predict.apply(b.x()));
      }
    }
  }

  /** A batch and its inputs as the model takes them. */
  private record Inputs(Dataset batch, INDArray x) {}

  private boolean unrolled() {
    return model.kind().recurrent && model.network().unrolled();
  }

  private FeedSource feeds(ModelGraph graph, BatchSource source, String role, int steps) {
    ModelKind kind = model.kind();
    Network network = model.network();
    return new SourceFeeds(
        source,
        batch -> {
          ModelChecks.batch(kind, network, losses, batch, role);
          long length = batch.inputs().size(1);
          if (steps >= 0 && length != steps) {
            throw Errors.batchLengthDiffers(length, steps);
          }
        },
        graph);
  }
}
