package io.github.javanets.loss;

import io.github.javanets.loss.spi.LossEvaluator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the {@link LossEvaluator} that {@link Loss#value}, {@link Loss#gradient} and {@link
 * ClassificationLoss#accuracy} delegate to: the one {@link ServiceLoader} provider that the
 * artifact {@code javanets-runtime} registers, looked up in the class loader of the api (as SLF4J
 * looks up its provider) on the first evaluation and kept for the life of that class loader. A
 * failed look-up is not kept: the next evaluation looks again.
 */
final class Evaluators {
  /** The artifact that provides the evaluator. */
  static final String ARTIFACT = "io.github.javanets:javanets-runtime";

  private static volatile LossEvaluator found;

  private Evaluators() {}

  /**
   * The evaluator.
   *
   * @param loss the loss to evaluate, for the messages; not null
   * @throws IllegalStateException when there is no provider, several, or a broken one, saying which
   *     artifact to add or remove
   */
  static LossEvaluator of(Loss loss) {
    LossEvaluator e = found;
    if (e == null) {
      e = find(Loss.class.getClassLoader(), loss.name());
      found = e;
    }
    return e;
  }

  /**
   * Looks the evaluator up in {@code loader}: exactly one provider class must be registered there.
   *
   * @param loader where to look; null for the system class loader
   * @param lossName the loss to evaluate, for the messages
   * @return a new instance of the one provider; never null
   * @throws IllegalStateException when there is no provider, several, or a broken one
   */
  static LossEvaluator find(ClassLoader loader, String lossName) {
    List<ServiceLoader.Provider<LossEvaluator>> providers;
    try {
      providers = ServiceLoader.load(LossEvaluator.class, loader).stream().toList();
    } catch (ServiceConfigurationError e) {
      throw Errors.brokenEvaluator(lossName, ARTIFACT, e);
    }
    if (providers.isEmpty()) {
      throw Errors.noEvaluator(lossName, ARTIFACT);
    }
    if (providers.size() > 1) {
      throw Errors.severalEvaluators(
          lossName, providers.stream().map(ServiceLoader.Provider::type).toList(), ARTIFACT);
    }
    try {
      return providers.get(0).get();
    } catch (ServiceConfigurationError e) {
      throw Errors.brokenEvaluator(lossName, ARTIFACT, e);
    }
  }
}
