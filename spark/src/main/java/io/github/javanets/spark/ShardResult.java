package io.github.javanets.spark;

import java.io.Serializable;

/**
 * What a shard's task returns: its partition, its scaled monitors in the problem's monitor order,
 * and, for a training step, its gradients.
 *
 * @param partition the partition
 * @param monitors the monitors, scaled so that the shards' sum is the minibatch's
 * @param gradients the gradients, or null for an evaluation
 */
record ShardResult(int partition, double[] monitors, ParameterBlock gradients)
    implements Serializable {}
