package io.github.javanets.train;

import static org.apiguardian.api.API.Status.STABLE;

import com.google.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * The trainers by algorithm name, built from the bound algorithms and listeners: {@code
 * injector.getInstance(Trainers.class)} with {@link JavanetsModule}. Give them to a model with its
 * builder's {@code trainers(...)} (or {@code injector(...)}); a model given none uses those of
 * {@code new JavanetsModule()}. Immutable.
 */
@API(status = STABLE, since = "0.1")
public final class Trainers {
  private final Map<String, Algorithm> algorithms;
  private final List<TrainingListener> listeners;

  /**
   * Made by Guice from the bound algorithms and listeners, or by hand without Guice.
   *
   * @param algorithms the algorithms by lower-case name; not null
   * @param listeners the listeners every trainer tells, in iteration order; not null
   */
  @Inject
  public Trainers(Map<String, Algorithm> algorithms, Set<TrainingListener> listeners) {
    this.algorithms = Map.copyOf(algorithms);
    this.listeners = List.copyOf(new ArrayList<>(listeners));
  }

  /** The algorithm names, sorted. */
  public Set<String> names() {
    return Collections.unmodifiableSet(new TreeSet<>(algorithms.keySet()));
  }

  /**
   * A trainer for the algorithm called {@code name}.
   *
   * @param name an algorithm name, any case; not null
   * @return the trainer; never null
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public Trainer get(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    Algorithm a = algorithms.get(key);
    if (a == null) {
      throw Errors.unknownAlgorithm(name, names());
    }
    return new Trainer(key, a, listeners);
  }
}
