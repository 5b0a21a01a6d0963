package io.github.javanets.loss;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The losses installed on a class path, by name and alias, case-insensitively.
 *
 * <p>{@link #discover()} finds every {@code Loss} registered in {@code
 * META-INF/services/io.github.javanets.loss.Loss} (as {@code @AutoService(Loss.class)} writes it)
 * with {@link ServiceLoader#stream()}, reading each class's declaration without constructing it and
 * without starting the ND4J backend. Every {@link #create(String)} constructs a fresh loss.
 *
 * <p>Problems are isolated: a provider whose class is missing, is not a {@code Loss}, has no public
 * no-argument constructor, fails to link or declares itself invalidly is logged, reported by {@link
 * #problems()} and left out, and asking for it (by its name or aliases) throws {@link
 * BrokenLossProviderException} with the original failure; so does creating a loss whose constructor
 * throws. Two providers claiming one name or alias make that name unusable ({@link
 * LossConflictException}, naming both classes and jars) unless one is pinned with the system
 * property {@code javanets.loss.<name>=<fully.qualified.Class>} (or the pins given to {@link
 * #discover(ClassLoader, Map)}). A pin naming a class that does not provide the name makes the name
 * unusable too. Class-path order never picks a winner.
 *
 * <p>A registry is immutable and thread-safe.
 */
@API(status = STABLE, since = "0.1")
public final class LossRegistry {
  /** The prefix of the system properties that pin a provider: {@code javanets.loss.<name>}. */
  public static final String PIN_PREFIX = "javanets.loss.";

  private static final Logger LOG = LoggerFactory.getLogger(LossRegistry.class);

  private final SortedMap<String, Candidate> byKey;
  private final SortedMap<String, LossProviderException> problemByKey;
  private final List<LossProviderException> problems;
  private final SortedSet<String> names;

  private LossRegistry(
      List<Candidate> candidates, Map<String, String> pins, Map<String, String> pinOrigins) {
    Map<String, List<Candidate>> claims = new TreeMap<>();
    for (Candidate c : candidates) {
      for (String key : c.keys()) {
        claims.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
      }
    }
    SortedMap<String, Candidate> resolved = new TreeMap<>();
    SortedMap<String, LossProviderException> failed = new TreeMap<>();
    for (Map.Entry<String, List<Candidate>> e : claims.entrySet()) {
      String key = e.getKey();
      String pin = pins.get(key);
      String pinOrigin = pinOrigins.get(key);
      Candidate chosen = choose(key, e.getValue(), pin, pinOrigin, failed);
      if (chosen == null) {
        continue;
      }
      if (chosen.failure != null) {
        failed.put(key, chosen.failure);
      } else {
        resolved.put(key, chosen);
      }
    }
    Set<LossProviderException> all = new LinkedHashSet<>();
    candidates.stream().filter(c -> c.failure != null).forEach(c -> all.add(c.failure));
    failed.values().stream().filter(p -> p instanceof LossConflictException).forEach(all::add);
    this.byKey = Collections.unmodifiableSortedMap(resolved);
    this.problemByKey = Collections.unmodifiableSortedMap(failed);
    this.problems = List.copyOf(all);
    SortedSet<String> canonical = new TreeSet<>();
    resolved.forEach(
        (key, c) -> {
          if (key.equals(c.info.name())) {
            canonical.add(key);
          }
        });
    this.names = Collections.unmodifiableSortedSet(canonical);
  }

  /**
   * Discovers the losses visible to the thread's context class loader (or this class's loader when
   * the thread has none), with pins from the system properties {@code javanets.loss.<name>}.
   *
   * @return the registry; never null
   */
  public static LossRegistry discover() {
    return builder().build();
  }

  /**
   * Discovers the losses visible to {@code classLoader}, with pins from the system properties.
   *
   * @param classLoader the loader to search; not null
   * @return the registry; never null
   */
  public static LossRegistry discover(ClassLoader classLoader) {
    return builder().classLoader(classLoader).build();
  }

  /**
   * Discovers the losses visible to {@code classLoader}, with explicit pins; the system properties
   * {@code javanets.loss.<name>} are not read.
   *
   * @param classLoader the loader to search; not null
   * @param pins for a name or alias (any case), the fully qualified class that provides it where
   *     several claim it; not null, no null keys or values
   * @return the registry; never null
   */
  public static LossRegistry discover(ClassLoader classLoader, Map<String, String> pins) {
    Builder b = builder().classLoader(classLoader).systemProperties(false);
    pins.forEach((name, type) -> b.pin(name, type, "in the pins given to LossRegistry.discover"));
    return b.build();
  }

  /**
   * Starts a registry with more than {@link #discover()} offers: providers given by class (as an
   * application's Guice bindings give them), merged with ServiceLoader's under the same conflict
   * rules, and pins with their origin.
   *
   * @return a builder; never null
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link LossRegistry}. Not thread-safe; the registries it builds are. */
  @API(status = STABLE, since = "0.1")
  public static final class Builder {
    private ClassLoader classLoader;
    private boolean systemProperties = true;
    private final Map<String, String> pins = new TreeMap<>();
    private final Map<String, String> pinOrigins = new TreeMap<>();
    private final Map<String, Class<? extends Loss>> given = new LinkedHashMap<>();
    private final Map<String, String> givenOrigins = new LinkedHashMap<>();

    private Builder() {}

    /**
     * The loader whose services files to read; by default the thread's context class loader (or
     * {@code LossRegistry}'s loader when the thread has none).
     *
     * @return this builder
     */
    public Builder classLoader(ClassLoader classLoader) {
      this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
      return this;
    }

    /**
     * Whether to read pins from the system properties {@code javanets.loss.<name>} (default true);
     * pins given to {@link #pin} win over them.
     *
     * @return this builder
     */
    public Builder systemProperties(boolean read) {
      this.systemProperties = read;
      return this;
    }

    /**
     * Pins the provider of a name claimed by several.
     *
     * @param name a name or alias, any case; not null
     * @param className the fully qualified class that provides it; not null
     * @param origin where the pin comes from, for messages ("a Guice binding"); not null
     * @return this builder
     */
    public Builder pin(String name, String className, String origin) {
      String key = name.trim().toLowerCase(Locale.ROOT);
      pins.put(key, className.trim());
      pinOrigins.put(key, Objects.requireNonNull(origin, "origin"));
      return this;
    }

    /**
     * Adds a provider by class, beside those ServiceLoader finds; the same class found both ways
     * counts once.
     *
     * @param type a concrete loss class with a public no-argument constructor; not null
     * @param origin where it comes from, for messages ("a Guice binding"); not null
     * @return this builder
     */
    public Builder provider(Class<? extends Loss> type, String origin) {
      given.put(type.getName(), type);
      givenOrigins.put(type.getName(), Objects.requireNonNull(origin, "origin"));
      return this;
    }

    /**
     * Discovers and merges the providers.
     *
     * @return the registry; never null
     */
    public LossRegistry build() {
      ClassLoader cl = classLoader;
      if (cl == null) {
        cl = Thread.currentThread().getContextClassLoader();
        cl = cl != null ? cl : LossRegistry.class.getClassLoader();
      }
      Map<String, String> allPins = new TreeMap<>();
      Map<String, String> origins = new TreeMap<>();
      if (systemProperties) {
        systemPins()
            .forEach(
                (name, type) -> {
                  String key = name.trim().toLowerCase(Locale.ROOT);
                  allPins.put(key, type.trim());
                  origins.put(key, "system property " + PIN_PREFIX + name);
                });
      }
      allPins.putAll(pins);
      origins.putAll(pinOrigins);
      List<Candidate> candidates = new ArrayList<>(Discovery.run(cl));
      Set<String> found = new HashSet<>();
      candidates.forEach(c -> found.add(c.className));
      given.forEach(
          (name, type) -> {
            if (found.add(name)) {
              candidates.add(Candidate.given(type, givenOrigins.get(name)));
            }
          });
      return new LossRegistry(candidates, allPins, origins);
    }
  }

  private static Map<String, String> systemPins() {
    Map<String, String> pins = new TreeMap<>();
    for (String key : System.getProperties().stringPropertyNames()) {
      if (key.startsWith(PIN_PREFIX) && key.length() > PIN_PREFIX.length()) {
        pins.put(key.substring(PIN_PREFIX.length()), System.getProperty(key));
      }
    }
    return pins;
  }

  private static Candidate choose(
      String key,
      List<Candidate> claimants,
      String pin,
      String pinOrigin,
      Map<String, LossProviderException> failed) {
    if (claimants.size() == 1 && pin == null) {
      return claimants.get(0);
    }
    for (Candidate c : claimants) {
      if (c.className.equals(pin)) {
        return c;
      }
    }
    failed.put(
        key,
        pin != null
            ? Errors.pinnedToNonProvider(key, pin, pinOrigin, claimants)
            : Errors.nameClaimedTwice(key, claimants));
    return null;
  }

  /** The canonical names of the usable losses, sorted; unmodifiable, never null. */
  public SortedSet<String> names() {
    return names;
  }

  /**
   * Every problem found by discovery: broken providers (and unreadable services files), names
   * claimed by several providers, and pins naming a class that does not provide their name, each
   * with a message naming classes and jars. A constructor that throws shows only at {@link
   * #create(String)}. Unmodifiable, never null; empty on a healthy class path.
   */
  public List<LossProviderException> problems() {
    return problems;
  }

  /**
   * The declaration of a loss, without constructing it.
   *
   * @param name a name or alias, any case; not null
   * @return its class, aliases, parameters and jar; never null
   * @throws UnknownLossException if no provider has the name
   * @throws LossProviderException if the name is claimed twice or its provider is broken
   */
  public LossInfo describe(String name) {
    return lookup(name).info;
  }

  /**
   * Creates a loss from a spec: a name or alias ({@code "MSE"}) or a name with parameters ({@code
   * "mmd(bandwidth=0.5, estimator=unbiased, weight=2)"}, as {@link Loss#toString()} writes).
   *
   * @param spec the spec; not null
   * @return a new, configured loss; never null
   * @throws IllegalArgumentException for an unreadable spec, an unknown parameter or a value out of
   *     range; {@link UnknownLossException} for an unknown name
   * @throws LossProviderException if the name is claimed twice or its provider is broken
   */
  public Loss create(String spec) {
    LossSpec parsed = LossSpec.parse(spec);
    return create(parsed.name(), parsed.parameters());
  }

  /**
   * Creates a loss by name with parameters.
   *
   * @param name a name or alias, any case; not null
   * @param params parameter values, of each parameter's type or as text; not null
   * @return a new, configured loss; never null
   * @throws IllegalArgumentException for an unknown parameter or a value out of range; {@link
   *     UnknownLossException} for an unknown name
   * @throws LossProviderException if the name is claimed twice or its provider is broken
   */
  public Loss create(String name, Map<String, ?> params) {
    Objects.requireNonNull(params, "params");
    Candidate c = lookup(name);
    Loss loss;
    try {
      loss = c.provider.get();
    } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
      Throwable cause =
          e instanceof ServiceConfigurationError && e.getCause() != null ? e.getCause() : e;
      if (cause instanceof java.lang.reflect.InvocationTargetException
          && cause.getCause() != null) {
        cause = cause.getCause();
      }
      BrokenLossProviderException broken =
          Errors.notConstructed(c.info.name(), c.className, c.source, cause);
      LOG.warn(broken.getMessage(), cause);
      throw broken;
    }
    return loss.configure(params);
  }

  private Candidate lookup(String name) {
    Objects.requireNonNull(name, "name");
    String key = name.trim().toLowerCase(Locale.ROOT);
    Candidate c = byKey.get(key);
    if (c != null) {
      return c;
    }
    LossProviderException problem = problemByKey.get(key);
    if (problem != null) {
      throw Errors.knownProblem(key, problem);
    }
    List<String> keys = new ArrayList<>(byKey.keySet());
    throw Errors.unknownLoss(name, Names.closest(key, keys), names);
  }
}
