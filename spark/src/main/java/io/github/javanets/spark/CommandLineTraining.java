package io.github.javanets.spark;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.google.auto.service.AutoService;
import io.github.javanets.cli.ClusterTraining;
import io.github.javanets.loss.Loss;
import io.github.javanets.models.BatchIterator;
import io.github.javanets.models.BatchSource;
import io.github.javanets.models.Dataset;
import io.github.javanets.models.Model;
import io.github.javanets.models.Scaler;
import io.github.javanets.models.Scaling;
import io.github.javanets.models.TrainOptions;
import io.github.javanets.models.TrainingResult;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apiguardian.api.API;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code javanets train --spark MASTER}: trains the command's model exactly on a Spark context at
 * that master. The command's sources are read once, on the driver, into memory (one pass each, in
 * the order the source gives), scaled as the model's {@link Model#inputScaling()} and {@link
 * Model#targetScaling()} say (fitted to the training rows), and their rows spread over {@code
 * defaultParallelism} partitions ({@link SparkTrainer#distribute}), and ships the jars of plugin
 * losses (those the command line loaded with {@code --plugins}) to the executors. Found by the
 * command line with {@code ServiceLoader}; internal to javanets.
 */
@AutoService(ClusterTraining.class)
@API(status = INTERNAL, since = "0.3", consumers = "io.github.javanets.cli")
public final class CommandLineTraining implements ClusterTraining {
  /** Made by {@code ServiceLoader}. */
  public CommandLineTraining() {}

  @Override
  public TrainingResult train(
      String master, Model model, BatchSource train, BatchSource valid, TrainOptions options) {
    Dataset rows = collect(train);
    Dataset validRows = valid == null ? null : collect(valid);
    if (model.inputScaling() != Scaling.NONE || model.targetScaling() != Scaling.NONE) {
      model.fitScaling(rows);
      rows = scaled(model, rows);
      validRows = validRows == null ? null : scaled(model, validRows);
    }
    SparkConf conf = new SparkConf().setAppName("javanets train").setMaster(master);
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(SparkContext.getOrCreate(conf));
    try {
      pluginJars(model).forEach(jar -> sc.addJar(jar.toString()));
      int partitions = Math.max(1, sc.defaultParallelism());
      JavaRDD<Batch> t = SparkTrainer.distribute(sc, rows, partitions, options.batchSize());
      JavaRDD<Batch> v =
          validRows == null
              ? null
              : SparkTrainer.distribute(sc, validRows, partitions, options.batchSize());
      return SparkTrainer.exact(sc).trainScaled(model, t, v, options);
    } finally {
      sc.stop();
    }
  }

  /**
   * One pass of {@code source} as one data set: each named array of its batches stacked along the
   * rows, in the order the batches came.
   */
  static Dataset collect(BatchSource source) {
    Map<String, List<INDArray>> parts = new LinkedHashMap<>();
    try (BatchIterator batches = source.open()) {
      while (batches.hasNext()) {
        Dataset batch = batches.next();
        for (String name : batch.names()) {
          parts.computeIfAbsent(name, n -> new ArrayList<>()).add(batch.array(name));
        }
      }
    }
    Dataset.Builder all = Dataset.builder();
    parts.forEach(
        (name, arrays) ->
            all.array(
                name,
                arrays.size() == 1
                    ? arrays.get(0)
                    : Nd4j.concat(0, arrays.toArray(INDArray[]::new))));
    return all.build();
  }

  /**
   * {@code data} as the model's fitted scalers scale it: the inputs by {@link Model#inputScaler()},
   * the target by {@link Model#targetScaler()}; every other array as it is.
   */
  static Dataset scaled(Model model, Dataset data) {
    Dataset.Builder b = Dataset.builder();
    for (String name : data.names()) {
      INDArray a = data.array(name);
      Optional<Scaler> scaler =
          switch (name) {
            case Dataset.INPUTS -> model.inputScaler();
            case Dataset.TARGET -> model.targetScaler();
            default -> Optional.empty();
          };
      b.array(name, scaler.map(s -> s.transform(a, a.dataType())).orElse(a));
    }
    return b.build();
  }

  /** The jars of the model's losses that the application class loader did not load. */
  static Set<Path> pluginJars(Model model) {
    Set<Path> jars = new LinkedHashSet<>();
    ClassLoader app = ClassLoader.getSystemClassLoader();
    for (Loss loss : model.losses()) {
      Class<?> type = loss.getClass();
      CodeSource source = type.getProtectionDomain().getCodeSource();
      if (type.getClassLoader() == app || source == null || source.getLocation() == null) {
        continue;
      }
      try {
        Path path = Path.of(source.getLocation().toURI());
        if (path.toString().endsWith(".jar")) {
          jars.add(path);
        }
      } catch (URISyntaxException | IllegalArgumentException e) {
        // Not a file: nothing to ship.
      }
    }
    return jars;
  }
}
