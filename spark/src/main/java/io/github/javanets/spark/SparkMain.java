package io.github.javanets.spark;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.github.javanets.cli.Javanets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apiguardian.api.API;

/**
 * The main class for {@code spark-submit}: runs the javanets command line, adding {@code --spark}
 * with the master spark-submit was given to a {@code train} command that names none. Plugin jars go
 * to {@code --jars} (Spark ships them to the executors) or to {@code --plugins DIR}.
 *
 * <pre>
 * spark-submit --master spark://host:7077 --class io.github.javanets.spark.SparkMain \
 *   --jars cli/target/javanets.jar spark/target/javanets-spark-VERSION.jar \
 *   train --data house.csv --target-column price
 * </pre>
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class SparkMain {
  private SparkMain() {}

  /**
   * Runs the command line and exits with its exit code.
   *
   * @param args the command line's arguments
   */
  public static void main(String... args) {
    Javanets.main(withMaster(new SparkConf().get("spark.master", "local[*]"), args));
  }

  /** {@code args} with {@code --spark master} after {@code train}, unless it names a master. */
  static String[] withMaster(String master, String... args) {
    List<String> out = new ArrayList<>(Arrays.asList(args));
    int train = out.indexOf("train");
    boolean named = out.stream().anyMatch(a -> a.equals("--spark") || a.startsWith("--spark="));
    if (train >= 0 && !named) {
      out.add(train + 1, "--spark");
      out.add(train + 2, master);
    }
    return out.toArray(new String[0]);
  }
}
