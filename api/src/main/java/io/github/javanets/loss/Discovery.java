package io.github.javanets.loss;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.Spliterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link ServiceLoader} over one class loader, reading each provider's declaration without
 * constructing it, and isolating each provider's failure (missing class, not a loss, no public
 * no-argument constructor, linkage error, invalid declaration) in a broken {@link Candidate}.
 */
final class Discovery {
  private static final Logger LOG = LoggerFactory.getLogger(LossRegistry.class);
  private static final int MAX_ERRORS = 10_000;

  private Discovery() {}

  static List<Candidate> run(ClassLoader classLoader) {
    List<Candidate> found = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Spliterator<ServiceLoader.Provider<Loss>> providers =
        ServiceLoader.load(Loss.class, classLoader).stream().spliterator();
    int errors = 0;
    boolean more = true;
    while (more) {
      try {
        more =
            providers.tryAdvance(
                p -> {
                  seen.add(p.type().getName());
                  found.add(read(p));
                });
      } catch (ServiceConfigurationError | LinkageError e) {
        Candidate c = ServiceFiles.brokenFrom(e, classLoader, seen);
        seen.add(c.className);
        LOG.warn(c.failure.getMessage(), e);
        found.add(c);
        if (++errors >= MAX_ERRORS) {
          break;
        }
      }
    }
    return found;
  }

  private static Candidate read(ServiceLoader.Provider<Loss> provider) {
    Class<? extends Loss> type = provider.type();
    try {
      return Candidate.usable(provider, LossInfo.of(type));
    } catch (RuntimeException | LinkageError e) {
      Candidate c =
          Candidate.broken(type.getName(), LossInfo.namesOf(type), LossInfo.sourceOf(type), e);
      LOG.warn(c.failure.getMessage(), e);
      return c;
    }
  }
}
