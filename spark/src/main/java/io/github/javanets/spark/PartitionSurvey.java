package io.github.javanets.spark;

import java.io.Serializable;
import java.util.List;

/**
 * What the survey before training learns of one partition: its batches, or why it cannot train
 * (returned, not thrown, so that Spark does not retry a task that would fail again).
 *
 * @param partition the partition's index
 * @param executor the executor that read it
 * @param batches each batch's survey, in order; empty on failure
 * @param missingLoss the spec of a loss the executor lacks, or null
 * @param failedBatch the index of a batch that is not valid, or -1
 * @param failure what is wrong with that batch, or with the partition's rows when {@code
 *     failedBatch} is -1 (they could not be made into batches); null when nothing is
 */
record PartitionSurvey(
    int partition,
    String executor,
    List<BatchSurvey> batches,
    String missingLoss,
    int failedBatch,
    String failure)
    implements Serializable {}
