package io.github.javanets.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.javanets.loss.TestLosses.SquaredError;
import io.github.javanets.loss.TestLosses.TopScore;
import io.github.javanets.loss.spi.EvaluationCache;
import io.github.javanets.loss.spi.LossEvaluator;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link Loss#value}, {@link Loss#gradient} and {@link ClassificationLoss#accuracy} delegate to the
 * one {@link LossEvaluator} found with {@link ServiceLoader}. The api's own test class path has
 * none (javanets-runtime depends on the api, never the reverse), so these tests see what a user
 * without javanets-runtime sees; providers are offered through class loaders over a services file.
 */
class EvaluatorsTest {
  private static final String MISSING =
      "' cannot be evaluated on arrays: Loss.value, Loss.gradient and"
          + " ClassificationLoss.accuracy run in the artifact io.github.javanets:javanets-runtime,"
          + " which is not on the class path. Add it as a dependency (javanets-models,"
          + " javanets-dl4j and javanets-testkit bring it).";

  @TempDir Path dir;

  private final INDArray output = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}});

  /** An evaluator that answers 1 to everything. */
  public static class FirstEvaluator implements LossEvaluator {
    @Override
    public double value(
        Loss loss,
        EvaluationCache cache,
        Map<String, INDArray> outputs,
        INDArray target,
        INDArray weights) {
      return 1;
    }

    @Override
    public Map<String, INDArray> gradient(
        Loss loss,
        EvaluationCache cache,
        Map<String, INDArray> outputs,
        INDArray target,
        INDArray weights) {
      return Map.of();
    }

    @Override
    public double accuracy(
        ClassificationLoss loss,
        EvaluationCache cache,
        Map<String, INDArray> outputs,
        INDArray labels,
        INDArray weights) {
      return 1;
    }
  }

  /** Another evaluator. */
  public static class SecondEvaluator extends FirstEvaluator {}

  private URLClassLoader providers(String... classNames) throws IOException {
    Path services = Files.createDirectories(dir.resolve("META-INF/services"));
    Files.writeString(
        services.resolve(LossEvaluator.class.getName()), String.join("\n", classNames) + "\n");
    return new URLClassLoader(
        new URL[] {dir.toUri().toURL()}, EvaluatorsTest.class.getClassLoader());
  }

  @Test
  void withoutTheRuntimeEvaluatingALossSaysWhichArtifactToAdd() {
    assertThat(ServiceLoader.load(LossEvaluator.class, Loss.class.getClassLoader()).findFirst())
        .as("no evaluator on the api's test class path")
        .isEmpty();
    Loss mse = new SquaredError();
    TopScore top = new TopScore();
    INDArray labels = Nd4j.createFromArray(1L, 0L);

    assertThatThrownBy(() -> mse.value(output, output, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Loss 'squarederror" + MISSING);
    assertThatThrownBy(() -> mse.gradient(Map.of("out", output), output, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Loss 'squarederror" + MISSING);
    assertThatThrownBy(() -> top.accuracy(output, labels, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Loss 'topscore" + MISSING);
  }

  @Test
  void theOneProviderInTheClassLoaderIsFound() throws IOException {
    try (URLClassLoader loader = providers(FirstEvaluator.class.getName())) {
      LossEvaluator found = Evaluators.find(loader, "mse");

      assertThat(found).isInstanceOf(FirstEvaluator.class);
      assertThat(found.value(new SquaredError(), new EvaluationCache(), Map.of(), null, null))
          .isEqualTo(1.0);
    }
  }

  @Test
  void twoProvidersAreAnErrorNamingBothAndWhereTheyAre() throws IOException {
    try (URLClassLoader loader =
        providers(FirstEvaluator.class.getName(), SecondEvaluator.class.getName())) {
      String where =
          FirstEvaluator.class.getProtectionDomain().getCodeSource().getLocation().toString();

      assertThatThrownBy(() -> Evaluators.find(loader, "mse"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "Loss 'mse' cannot be evaluated on arrays: 2 providers of "
                  + LossEvaluator.class.getName()
                  + " are on the class path ("
                  + FirstEvaluator.class.getName()
                  + " in "
                  + where
                  + ", "
                  + SecondEvaluator.class.getName()
                  + " in "
                  + where
                  + "); keep one copy of io.github.javanets:javanets-runtime only.");
    }
  }

  @Test
  void aProviderThatCannotBeLoadedIsAnErrorSayingSo() throws IOException {
    try (URLClassLoader loader = providers("com.example.MissingEvaluator")) {
      assertThatThrownBy(() -> Evaluators.find(loader, "mse"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(
              "Loss 'mse' cannot be evaluated on arrays: the evaluator of"
                  + " io.github.javanets:javanets-runtime failed to load (")
          .hasMessageContaining("com.example.MissingEvaluator")
          .hasMessageEndingWith("). Check that its version matches javanets-api's.");
    }
  }

  @Test
  void aLossKeepsItsCacheUntilItIsConfigured() {
    Loss loss = new SquaredError();
    loss.evaluations.get("a", String.class, () -> "graph a");
    assertThat(loss.evaluations.size()).isEqualTo(1);

    loss.configure(Map.of("weighted", true));

    assertThat(loss.evaluations.size()).isZero();
  }
}
