package io.github.javanets.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.javanets.conventions.SameBits;
import io.github.javanets.models.Dataset;
import io.github.javanets.models.Model;
import io.github.javanets.models.Regressor;
import io.github.javanets.models.TrainOptions;
import io.github.javanets.train.TrainingListener;
import io.github.javanets.train.TrainingRun;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Executors in separate JVMs ({@code local-cluster[2,1,1024]}: a master and two workers in this
 * JVM, each worker starting an executor JVM) whose class path is the test's without the example
 * plugin's jar, so that losses are really discovered on the executors: a missing loss jar is one
 * error naming the loss and the executor; shipped with {@code addJar}, the plugin's {@code pinball}
 * trains by name; and an executor killed during training leaves the parameters of a run without the
 * fault.
 */
class ClusterTest {
  private static JavaSparkContext sc;
  private static Path pluginJar;

  @BeforeAll
  static void startACluster() throws Exception {
    String home = System.getenv("SPARK_HOME");
    Files.createDirectories(Paths.get(home, "jars"));
    List<String> executorPath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.contains("plugin-example")) {
        pluginJar = jar(Paths.get(entry));
      } else {
        executorPath.add(entry);
      }
    }
    assertThat(pluginJar).as("the example plugin on the test class path").isNotNull();
    SparkConf conf =
        new SparkConf()
            .setMaster("local-cluster[2,1,1024]")
            .setAppName("javanets-spark-cluster-test")
            .set("spark.ui.enabled", "false")
            .set("spark.driver.host", "127.0.0.1")
            .set("spark.driver.bindAddress", "127.0.0.1")
            .set("spark.executor.extraClassPath", String.join(File.pathSeparator, executorPath))
            .set("spark.executorEnv.OMP_NUM_THREADS", "1")
            .set("spark.task.maxFailures", "2");
    sc = new JavaSparkContext(conf);
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (executors().size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(executors()).hasSize(2);
  }

  @AfterAll
  static void stopTheCluster() {
    if (sc != null) {
      sc.stop();
    }
  }

  private static List<String> executors() {
    return new ArrayList<>(scala.jdk.javaapi.CollectionConverters.asJava(sc.sc().getExecutorIds()));
  }

  /** The plugin as a jar: itself, or its classes directory packed into one. */
  private static Path jar(Path entry) throws IOException {
    if (Files.isRegularFile(entry)) {
      return entry;
    }
    Path out = Paths.get(System.getenv("SPARK_HOME")).resolve("plugin-example.jar");
    try (OutputStream file = Files.newOutputStream(out);
        JarOutputStream jar = new JarOutputStream(file);
        Stream<Path> files = Files.walk(entry)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        jar.putNextEntry(new JarEntry(entry.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, jar);
        jar.closeEntry();
      }
    }
    return out;
  }

  private static List<List<Batch>> data() {
    return Fixtures.partitions(
        new int[] {3, 2, 3},
        new int[] {4, 6, 3},
        81,
        (n, r) ->
            Dataset.of(
                Fixtures.uniform(r, DataType.DOUBLE, n, 3),
                Fixtures.uniform(r, DataType.DOUBLE, n, 1)));
  }

  private static Model pinball() {
    return Regressor.builder()
        .layers(3, "5:tanh", 1)
        .loss("pinball(tau=0.8)")
        .dataType(DataType.DOUBLE)
        .seed(2)
        .build();
  }

  private static final TrainOptions OPTIONS =
      TrainOptions.builder().algorithm("adam").learningRate(0.02).maxUpdates(3).seed(4).build();

  @Test
  void aMissingLossJarIsOneErrorNamingTheLossAndTheExecutorThenShippedItTrainsAndSurvivesAKill()
      throws Exception {
    List<List<Batch>> parts = data();
    assertThatThrownBy(
            () -> SparkTrainer.exact(sc).train(pinball(), Fixtures.rdd(sc, parts), null, OPTIONS))
        .isInstanceOf(MissingLossException.class)
        .hasMessageMatching(
            "Loss 'pinball' is not on the class path of executor \\d+ on \\S+: ship the jar that"
                + " provides it to the cluster \\(spark-submit --jars, the spark.jars setting, or"
                + " SparkContext.addJar\\)\\.");

    sc.addJar(pluginJar.toString());
    Model inProcess = pinball();
    inProcess.train(
        Fixtures.shuffled(Fixtures.global(parts), OPTIONS.seed()),
        Fixtures.inOrder(Fixtures.global(parts)),
        OPTIONS);
    Model clean = pinball();
    SparkTrainer.exact(sc).train(clean, Fixtures.rdd(sc, parts), null, OPTIONS);
    assertClose(clean.parameters(), inProcess.parameters(), 1e-10);

    AtomicBoolean killed = new AtomicBoolean();
    TrainingListener killer =
        new TrainingListener() {
          @Override
          public void onBatch(TrainingRun run, int batch, Map<String, Double> monitors) {
            if (run.batchesSoFar() == 2 && killed.compareAndSet(false, true)) {
              sc.sc().killExecutor(executors().get(0));
            }
          }
        };
    Model survivor =
        Regressor.builder()
            .layers(3, "5:tanh", 1)
            .loss("pinball(tau=0.8)")
            .dataType(DataType.DOUBLE)
            .seed(2)
            .injector(Fixtures.injector(killer))
            .build();
    SparkTrainer.exact(sc).train(survivor, Fixtures.rdd(sc, parts), null, OPTIONS);
    assertThat(killed).isTrue();
    SameBits.assertSameBits(survivor.parameters(), clean.parameters());
  }

  private static void assertClose(
      Map<String, INDArray> a, Map<String, INDArray> b, double tolerance) {
    assertThat(a.keySet()).isEqualTo(b.keySet());
    a.forEach(
        (name, value) ->
            assertThat(value.sub(b.get(name)).amaxNumber().doubleValue())
                .as(name)
                .isLessThanOrEqualTo(tolerance));
  }
}
