/**
 * Training javanets models on an Apache Spark cluster: {@link
 * io.github.javanets.spark.SparkTrainer} trains a model from a {@code JavaRDD} of {@link
 * io.github.javanets.spark.Batch}es or a Spark {@code Dataset<Row>}, either exactly (each minibatch
 * split over the partitions, gradients summed, one update on the driver) or by parameter averaging.
 * For users; types marked {@code INTERNAL} are javanets' own.
 */
package io.github.javanets.spark;
