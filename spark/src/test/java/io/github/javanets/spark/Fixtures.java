package io.github.javanets.spark;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import io.github.javanets.models.BatchIterator;
import io.github.javanets.models.BatchSource;
import io.github.javanets.models.Dataset;
import io.github.javanets.models.Model;
import io.github.javanets.train.JavanetsModule;
import io.github.javanets.train.TrainingListener;
import io.github.javanets.train.TrainingRun;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.BiFunction;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Spark contexts, partitioned batches and the single-process reference the tests compare with. */
final class Fixtures {
  private Fixtures() {}

  /** A quiet Spark context in this JVM; tasks may fail twice (so an injected fault is retried). */
  static JavaSparkContext local(int threads) {
    SparkConf conf =
        new SparkConf()
            .setMaster("local[" + threads + ",2]")
            .setAppName("javanets-spark-test")
            .set("spark.ui.enabled", "false")
            .set("spark.driver.host", "127.0.0.1")
            .set("spark.driver.bindAddress", "127.0.0.1")
            .set("spark.sql.shuffle.partitions", "2");
    return new JavaSparkContext(conf);
  }

  /**
   * Batches in partitions: partition {@code p} holds {@code counts[p]} batches of {@code rows[p]}
   * rows, each made by {@code make(rows, seed)}.
   */
  static List<List<Batch>> partitions(
      int[] counts, int[] rows, long seed, BiFunction<Integer, Random, Dataset> make) {
    Random random = new Random(seed);
    List<List<Batch>> parts = new ArrayList<>();
    for (int p = 0; p < counts.length; p++) {
      List<Batch> list = new ArrayList<>();
      for (int b = 0; b < counts[p]; b++) {
        list.add(Batch.of(make.apply(rows[p], random)));
      }
      parts.add(list);
    }
    return parts;
  }

  /** The partitions as an RDD with exactly these partitions. */
  static JavaRDD<Batch> rdd(JavaSparkContext sc, List<List<Batch>> parts) {
    List<Integer> indices = new ArrayList<>();
    for (int p = 0; p < parts.size(); p++) {
      indices.add(p);
    }
    return sc.parallelize(indices, parts.size())
        .mapPartitionsWithIndex((p, it) -> parts.get(p).iterator(), true);
  }

  /** The global minibatches: the b-th batch of every partition that has one, stacked in order. */
  static List<Dataset> global(List<List<Batch>> parts) {
    int most = parts.stream().mapToInt(List::size).max().orElse(0);
    List<Dataset> out = new ArrayList<>();
    for (int b = 0; b < most; b++) {
      List<Dataset> shards = new ArrayList<>();
      for (List<Batch> p : parts) {
        if (b < p.size()) {
          shards.add(p.get(b).toDataset());
        }
      }
      Dataset first = shards.get(0);
      Dataset.Builder builder = Dataset.builder();
      for (String name : first.names()) {
        INDArray[] arrays = shards.stream().map(d -> d.array(name)).toArray(INDArray[]::new);
        INDArray stacked = Nd4j.concat(0, arrays);
        if (name.equals(Dataset.INPUTS)) {
          builder.inputs(stacked);
        } else {
          builder.array(name, stacked);
        }
      }
      out.add(builder.build());
    }
    return out;
  }

  /** The minibatches as a source, shuffled at each pass as the Spark trainer orders them. */
  static BatchSource shuffled(List<Dataset> batches, long seed) {
    return order(batches, new Random(seed ^ 0x5DEECE66DL));
  }

  /** The minibatches in order. */
  static BatchSource inOrder(List<Dataset> batches) {
    return order(batches, null);
  }

  private static BatchSource order(List<Dataset> batches, Random random) {
    return new BatchSource() {
      @Override
      public BatchIterator open() {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
          indices.add(i);
        }
        if (random != null) {
          Collections.shuffle(indices, random);
        }
        return new BatchIterator() {
          private int i;

          @Override
          public boolean hasNext() {
            return i < indices.size();
          }

          @Override
          public Dataset next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return batches.get(indices.get(i++));
          }
        };
      }

      @Override
      public OptionalLong batchesPerEpoch() {
        return OptionalLong.of(batches.size());
      }
    };
  }

  /** Records a model's parameters before each update, and each minibatch's monitors. */
  static final class Recorder implements TrainingListener {
    Model model;
    final List<Map<String, INDArray>> parameters = new ArrayList<>();
    final List<Map<String, Double>> monitors = new ArrayList<>();

    @Override
    public void onBatch(TrainingRun run, int batch, Map<String, Double> m) {
      parameters.add(model.parameters());
      monitors.add(Map.copyOf(m));
    }
  }

  /** An injector whose trainers also tell {@code recorder}. */
  static Injector injector(TrainingListener recorder) {
    return Guice.createInjector(
        new JavanetsModule(),
        new AbstractModule() {
          @Override
          protected void configure() {
            Multibinder.newSetBinder(binder(), TrainingListener.class)
                .addBinding()
                .toInstance(recorder);
          }
        });
  }

  /** Uniform values in [-1, 1). */
  static INDArray uniform(Random random, DataType type, long... shape) {
    int n = 1;
    for (long s : shape) {
      n *= (int) s;
    }
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = 2 * random.nextDouble() - 1;
    }
    return Nd4j.create(v, shape, 'c').castTo(type);
  }

  /** Weights in {0, 0.5, 1, 2}, a quarter of them 0. */
  static INDArray weights(Random random, DataType type, long... shape) {
    int n = 1;
    for (long s : shape) {
      n *= (int) s;
    }
    double[] choices = {0, 0.5, 1, 2};
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = choices[random.nextInt(4)];
    }
    return Nd4j.create(v, shape, 'c').castTo(type);
  }

  /** Class labels in [0, k) as INT64. */
  static INDArray labels(Random random, int k, long... shape) {
    int n = 1;
    for (long s : shape) {
      n *= (int) s;
    }
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = random.nextInt(k);
    }
    return Nd4j.createFromArray(v).reshape(shape);
  }
}
