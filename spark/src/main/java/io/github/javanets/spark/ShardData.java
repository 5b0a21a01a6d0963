package io.github.javanets.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;

/**
 * A set of batches on the cluster (each partition's batches as one list, kept in memory while the
 * run lasts) and its survey: per global minibatch {@code b}, the partitions that hold a {@code
 * b}-th batch, with each one's rows and loss denominators, from which every shard's scales follow.
 */
final class ShardData {
  private final String description;
  private final JavaRDD<List<Batch>> partitions;
  private final int partitionCount;
  private final List<PartitionSurvey> surveys;
  private final int batches;
  private final int steps;

  private ShardData(
      String description,
      JavaRDD<List<Batch>> partitions,
      List<PartitionSurvey> surveys,
      int steps) {
    this.description = description;
    this.partitions = partitions;
    this.partitionCount = surveys.size();
    this.surveys = surveys;
    this.batches = surveys.stream().mapToInt(s -> s.batches().size()).max().orElse(0);
    this.steps = steps;
  }

  /**
   * Keeps {@code rdd}'s batches in memory and surveys them on the executors, which build the model
   * there: every loss must be found and every batch valid.
   *
   * @throws MissingLossException if an executor lacks a loss
   * @throws IllegalArgumentException if a batch is not valid, naming its partition and index, if a
   *     partition's rows could not be made into batches ({@link Batch#failed}), naming the
   *     partition, or if the data hold no batch
   */
  static ShardData survey(String description, JavaRDD<Batch> rdd, Broadcast<Shipment> ship) {
    JavaRDD<List<Batch>> kept = rdd.glom().persist(StorageLevel.MEMORY_ONLY());
    List<PartitionSurvey> surveys =
        new ArrayList<>(
            kept.mapPartitionsWithIndex((p, it) -> survey(p, it, ship), true).collect());
    surveys.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
    int steps = -1;
    boolean any = false;
    for (PartitionSurvey s : surveys) {
      if (s.missingLoss() != null) {
        kept.unpersist(false);
        throw Errors.missingLoss(s.missingLoss(), s.executor());
      }
      if (s.failure() != null && s.failedBatch() < 0) {
        kept.unpersist(false);
        throw Errors.badRows(description, s.partition(), s.executor(), s.failure());
      }
      if (s.failure() != null) {
        kept.unpersist(false);
        throw Errors.badBatch(
            description, s.partition(), s.failedBatch(), s.executor(), s.failure());
      }
      for (BatchSurvey b : s.batches()) {
        if (any && b.steps() != steps) {
          kept.unpersist(false);
          throw Errors.lengthsDiffer(description, steps, b.steps());
        }
        steps = b.steps();
        any = true;
      }
    }
    if (!any) {
      kept.unpersist(false);
      throw Errors.noBatches(description);
    }
    return new ShardData(description, kept, surveys, steps);
  }

  private static Iterator<PartitionSurvey> survey(
      int partition, Iterator<List<Batch>> it, Broadcast<Shipment> ship) {
    List<Batch> list = it.hasNext() ? it.next() : List.of();
    String executor = Worker.executor();
    for (Batch b : list) {
      if (b.failure() != null) {
        return one(new PartitionSurvey(partition, executor, List.of(), null, -1, b.failure()));
      }
    }
    Worker w;
    try {
      w = Worker.borrow(ship.value());
    } catch (MissingLossException e) {
      return one(new PartitionSurvey(partition, executor, List.of(), e.loss(), -1, null));
    }
    try {
      List<BatchSurvey> out = new ArrayList<>();
      for (int b = 0; b < list.size(); b++) {
        try {
          var data = list.get(b).toDataset();
          double[] d = w.survey(data);
          int steps = w.sharded().steps(data);
          out.add(
              new BatchSurvey(
                  data.rows(), io.github.javanets.models.ShardedModel.lead(data), steps, d));
        } catch (IllegalArgumentException e) {
          return one(new PartitionSurvey(partition, executor, List.of(), null, b, e.getMessage()));
        }
      }
      return one(new PartitionSurvey(partition, executor, out, null, -1, null));
    } finally {
      Worker.release(ship.value(), w);
    }
  }

  private static <T> Iterator<T> one(T value) {
    return Collections.singletonList(value).iterator();
  }

  /** Names the data in messages. */
  String description() {
    return description;
  }

  /** Global minibatches per pass: the most batches any partition holds. */
  int batches() {
    return batches;
  }

  /** The steps every batch has, for an unrolled graph; -1 for any. */
  int steps() {
    return steps;
  }

  /** The partitions. */
  JavaRDD<List<Batch>> partitions() {
    return partitions;
  }

  /** The rows of global minibatch {@code b}. */
  long rows(int b) {
    long rows = 0;
    for (PartitionSurvey s : surveys) {
      if (b < s.batches().size()) {
        rows += s.batches().get(b).rows();
      }
    }
    return rows;
  }

  /** Each partition's share of the rows of minibatch {@code b}; 0 where it has no such batch. */
  double[] shareOfRows(int b) {
    double[] shares = new double[partitionCount];
    double total = rows(b);
    for (PartitionSurvey s : surveys) {
      if (b < s.batches().size()) {
        shares[s.partition()] = s.batches().get(b).rows() / total;
      }
    }
    return shares;
  }

  /**
   * The scales of each partition's shard of minibatch {@code b}: per partition, each loss's {@code
   * D_s / D}, then the penalty-on-parameters scale (1 on the first shard), then its share of the
   * rows. Partitions without a {@code b}-th batch get zeros.
   */
  double[][] scales(int b, int losses) {
    double[] totals = new double[losses];
    double lead = 0;
    for (PartitionSurvey s : surveys) {
      if (b < s.batches().size()) {
        BatchSurvey bs = s.batches().get(b);
        for (int k = 0; k < bs.denominators().length; k++) {
          totals[k] += bs.denominators()[k];
        }
        lead += bs.lead();
      }
    }
    double[][] scales = new double[partitionCount][losses + 2];
    boolean first = true;
    for (PartitionSurvey s : surveys) {
      if (b >= s.batches().size()) {
        continue;
      }
      BatchSurvey bs = s.batches().get(b);
      double[] row = scales[s.partition()];
      for (int k = 0; k < bs.denominators().length; k++) {
        row[k] = totals[k] == 0 ? 0 : bs.denominators()[k] / totals[k];
      }
      row[losses] = first ? 1 : 0;
      row[losses + 1] = lead == 0 ? 0 : bs.lead() / lead;
      first = false;
    }
    return scales;
  }

  /** The batches each partition holds (for tests and benchmarks). */
  int[] batchesPerPartition() {
    return surveys.stream().mapToInt(s -> s.batches().size()).toArray();
  }

  /** Lets the cluster drop the kept batches. */
  void release() {
    partitions.unpersist(false);
  }

  /** Runs a shard's task, failing it first when a test asks ({@link Faults}). */
  static int attempt() {
    TaskContext t = TaskContext.get();
    return t == null ? 0 : t.attemptNumber();
  }

  @Override
  public String toString() {
    return description + " " + Arrays.toString(batchesPerPartition());
  }
}
