package io.github.javanets.spark;

import io.github.javanets.train.Feed;
import io.github.javanets.train.FeedPass;
import io.github.javanets.train.FeedSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The driver's view of data on the cluster as the trainer reads it: each feed holds no rows, only
 * the index of a global minibatch (under {@link #KEY} for training data, {@link #VALID_KEY} for
 * validation data) and its rows; {@link SparkSteps} computes its step on the executors. Training
 * passes go through the minibatches in an order shuffled at each pass (one {@link
 * Collections#shuffle} of the indices with a {@link Random} seeded with {@code seed ^
 * 0x5DEECE66DL}, as a model shuffles a data set in memory), validation passes in order.
 */
final class ShardFeeds implements FeedSource {
  /** The placeholder key of a training minibatch's index. */
  static final String KEY = "spark.train";

  /** The placeholder key of a validation minibatch's index. */
  static final String VALID_KEY = "spark.valid";

  private final ShardData data;
  private final String key;
  private final Random order;

  ShardFeeds(ShardData data, String key, Long seed) {
    this.data = data;
    this.key = key;
    this.order = seed == null ? null : new Random(seed ^ 0x5DEECE66DL);
  }

  @Override
  public long batches() {
    return data.batches();
  }

  @Override
  public String description() {
    return data.description();
  }

  @Override
  public boolean readAhead() {
    return false;
  }

  @Override
  public FeedPass open(Random noise) {
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < data.batches(); i++) {
      indices.add(i);
    }
    if (order != null) {
      Collections.shuffle(indices, order);
    }
    return new FeedPass() {
      private int next;

      @Override
      public Feed next() {
        if (next >= indices.size()) {
          return null;
        }
        int b = indices.get(next++);
        return new Feed(Map.of(key, Nd4j.scalar(b)), data.rows(b));
      }
    };
  }
}
