package io.github.javanets.models;

import io.github.javanets.train.Feed;
import io.github.javanets.train.FeedPass;
import io.github.javanets.train.FeedSource;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A model's {@link BatchSource} as the trainer reads it ({@link FeedSource}): each batch checked
 * against the model's input and losses ({@link ModelChecks#batch}, and the sequence length of an
 * unrolled graph), then converted to the graph's placeholders ({@link ModelGraph#feed}, which reads
 * no SameDiff object). Both run on the trainer's loader thread.
 */
final class SourceFeeds implements FeedSource {
  private final BatchSource source;
  private final Consumer<Dataset> check;
  private final ModelGraph graph;

  /**
   * @param source the batches; not null
   * @param check checks a batch, throwing IllegalArgumentException for a bad one; not null
   * @param graph the graph whose placeholders the batches feed; not null
   */
  SourceFeeds(BatchSource source, Consumer<Dataset> check, ModelGraph graph) {
    this.source = source;
    this.check = check;
    this.graph = graph;
  }

  @Override
  public long batches() {
    return source.batchesPerEpoch().orElse(UNKNOWN);
  }

  @Override
  public String description() {
    return source.description();
  }

  @Override
  public FeedPass open(Random noise) {
    BatchIterator pass = source.open();
    return new FeedPass() {
      @Override
      public Feed next() {
        if (!pass.hasNext()) {
          return null;
        }
        Dataset batch = pass.next();
        if (batch == null) {
          throw Errors.batchIsNull();
        }
        check.accept(batch);
        return new Feed(graph.feed(batch, noise), batch.rows());
      }

      @Override
      public void close() {
        pass.close();
      }
    };
  }
}
