package io.github.javanets.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.javanets.loss.LossRegistry;
import io.github.javanets.models.Classifier;
import io.github.javanets.models.Dataset;
import io.github.javanets.models.Regressor;
import io.github.javanets.models.TrainOptions;
import io.github.javanets.models.TrainingResult;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Models find the plugin's losses by name, like the built-ins, and train on them. */
class PluginLossesOnModelsTest {
  @Test
  void theRegistrySeesThePluginBesideTheBuiltins() {
    assertThat(LossRegistry.discover().names()).contains("step", "pinball", "focal", "mse", "xe");
    assertThat(LossRegistry.discover().describe("quantile").source()).contains("plugin-example");
  }

  @Test
  void thePluginHoldsNoApiClass() throws Exception {
    java.nio.file.Path classes =
        java.nio.file.Path.of(
            Pinball.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(classes)
        .isNotEqualTo(
            java.nio.file.Path.of(
                io.github.javanets.loss.Loss.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI()));
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(classes)) {
      assertThat(files.map(f -> classes.relativize(f).toString().replace('\\', '/')))
          .filteredOn(f -> f.endsWith(".class"))
          .isNotEmpty()
          .allMatch(f -> f.startsWith("io/github/javanets/example/"));
    }
  }

  @Test
  void aRegressorTrainedOnPinballPredictsTheQuantile() {
    // y = x + u with u uniform in [0, 1): the 0.9-quantile of y given x is x + 0.9.
    Random random = new Random(7);
    int n = 512;
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = random.nextDouble() * 2 - 1;
      ys[i] = xs[i] + random.nextDouble();
    }
    INDArray x = Nd4j.create(xs, new long[] {n, 1}, DataType.FLOAT);
    INDArray y = Nd4j.create(ys, new long[] {n, 1}, DataType.FLOAT);
    Regressor net = Regressor.builder().layers(1, 1).loss("pinball(tau=0.9)").seed(3).build();
    net.addLoss("step(weight=0)");
    TrainingResult result =
        net.train(
            Dataset.of(x, y),
            TrainOptions.builder().learningRate(0.02).batchSize(64).maxUpdates(150).build());

    INDArray predicted = net.predict(x);
    double below = y.lt(predicted).castTo(DataType.DOUBLE).meanNumber().doubleValue();
    assertThat(below).as("fraction of targets below the prediction").isCloseTo(0.9, within(0.04));
    Map<String, Double> last = result.history().get(result.history().size() - 1).train();
    assertThat(last).containsKeys("loss", "err", "pinball", "step");
    assertThat(last.get("loss")).isCloseTo(last.get("pinball"), within(1e-6));
  }

  @Test
  void aClassifierTrainsOnFocalByName() {
    Random random = new Random(11);
    int n = 300;
    double[] xs = new double[n * 2];
    long[] labels = new long[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
      xs[2 * i] = labels[i] + random.nextGaussian() * 0.3;
      xs[2 * i + 1] = -labels[i] + random.nextGaussian() * 0.3;
    }
    INDArray x = Nd4j.create(xs, new long[] {n, 2}, DataType.FLOAT);
    INDArray y = Nd4j.createFromArray(labels);
    Classifier clf = Classifier.builder().layers(2, "8:tanh", 3).loss("focal(gamma=2)").build();
    clf.train(Dataset.of(x, y), TrainOptions.builder().learningRate(0.05).maxUpdates(30).build());
    assertThat(clf.score(x, y)).isGreaterThan(0.95);
  }
}
