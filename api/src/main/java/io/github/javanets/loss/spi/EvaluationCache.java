package io.github.javanets.loss.spi;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * The graphs one loss has built to be evaluated on plain arrays, for its last {@value #KEPT} sets
 * of shapes, most recent last. Every {@link io.github.javanets.loss.Loss} holds one and hands it to
 * the {@link LossEvaluator} on each call; the loss forgets what it holds when it is configured. A
 * graph keeps the arrays its last run computed, so the cache is small.
 *
 * <p><b>For javanets-runtime only</b>: what it holds is the runtime's and opaque to the api. It is
 * thread-safe: {@link #get} builds at most one entry at a time.
 */
@API(status = INTERNAL, since = "0.1", consumers = "io.github.javanets.runtime")
public final class EvaluationCache {
  /** How many graphs are kept. */
  public static final int KEPT = 2;

  private final LinkedHashMap<String, Object> graphs =
      new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
          return size() > KEPT;
        }
      };

  /** An empty cache. */
  public EvaluationCache() {}

  /**
   * The entry of {@code key}, built by {@code build} and kept when there is none. When {@code
   * build} throws, nothing is kept.
   *
   * @param key what the entry depends on; not null
   * @param type the entry's class; not null
   * @param build makes the entry; not null, must not return null
   * @return the entry; never null
   * @throws ClassCastException if the entry of {@code key} is not a {@code type}
   */
  public synchronized <T> T get(String key, Class<T> type, Supplier<? extends T> build) {
    Object e = graphs.get(Objects.requireNonNull(key, "key"));
    if (e == null) {
      e = Objects.requireNonNull(build.get(), "built entry");
      graphs.put(key, e);
    }
    return type.cast(e);
  }

  /** Forgets every entry (the loss's parameters changed). */
  public synchronized void clear() {
    graphs.clear();
  }

  /** How many entries are kept, at most {@value #KEPT}. */
  public synchronized int size() {
    return graphs.size();
  }
}
