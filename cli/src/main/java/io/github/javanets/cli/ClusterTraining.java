package io.github.javanets.cli;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.javanets.models.BatchSource;
import io.github.javanets.models.Model;
import io.github.javanets.models.TrainOptions;
import io.github.javanets.models.TrainingResult;
import java.util.ServiceLoader;
import org.apiguardian.api.API;

/**
 * How {@code train --spark MASTER} trains on a cluster: implemented by {@code javanets-spark} and
 * found with {@link ServiceLoader}, so that the command line's jar carries no Spark. Internal to
 * javanets: outside use is unsupported.
 */
@API(status = INTERNAL, since = "0.2", consumers = "io.github.javanets.spark")
public interface ClusterTraining {
  /**
   * Trains {@code model} on the cluster at {@code master}, as {@link Model#train(BatchSource,
   * BatchSource, TrainOptions)} trains it in this process. The implementation may read each source
   * once, on the driver, into memory before spreading its rows over the cluster.
   *
   * @param master the Spark master URL; not null
   * @param model the model, trained in place; not null
   * @param train the training batches; not null
   * @param valid the validation batches, or null
   * @param options the options; not null
   * @return the result; never null
   */
  TrainingResult train(
      String master, Model model, BatchSource train, BatchSource valid, TrainOptions options);

  /**
   * The implementation on the class path.
   *
   * @throws UserException if there is none, saying how to run the command with one
   */
  static ClusterTraining find() {
    return ServiceLoader.load(ClusterTraining.class)
        .findFirst()
        .orElseThrow(ClusterTraining::missing);
  }

  /** The error when {@code --spark} is asked for without {@code javanets-spark}. */
  private static UserException missing() {
    return new UserException(
        "--spark needs javanets-spark and Spark on the class path, which javanets.jar does not"
            + " carry: run sh spark/target/javanets-spark/javanets-spark.sh train --spark MASTER"
            + " ... (built by mvn package), or spark-submit --class"
            + " io.github.javanets.spark.SparkMain --jars cli/target/javanets.jar"
            + " spark/target/javanets-spark-<version>.jar train ...",
        null);
  }
}
