package io.github.javanets.loss.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A loss's cache of graphs keeps the last two, builds each once and keeps nothing that failed. */
class EvaluationCacheTest {
  @Test
  void anEntryIsBuiltOnceAndTheLastTwoUsedAreKept() {
    EvaluationCache cache = new EvaluationCache();
    AtomicInteger builds = new AtomicInteger();

    for (String key : new String[] {"a", "b", "a", "c", "a", "b"}) {
      String entry = cache.get(key, String.class, () -> key + builds.incrementAndGet());
      assertThat(entry).startsWith(key);
    }

    // a1, b2, (a), c3 evicts b, (a), b4 evicts c
    assertThat(builds.get()).isEqualTo(4);
    assertThat(cache.size()).isEqualTo(EvaluationCache.KEPT);
    assertThat(cache.get("a", String.class, () -> "new")).isEqualTo("a1");
    assertThat(cache.get("b", String.class, () -> "new")).isEqualTo("b4");
  }

  @Test
  void anEntryWhoseBuildFailsIsNotKept() {
    EvaluationCache cache = new EvaluationCache();

    assertThatThrownBy(
            () ->
                cache.get(
                    "a",
                    String.class,
                    () -> {
                      throw new IllegalArgumentException("bad arrays");
                    }))
        .hasMessage("bad arrays");

    assertThat(cache.size()).isZero();
    assertThat(cache.get("a", String.class, () -> "built")).isEqualTo("built");
  }

  @Test
  void clearForgetsEveryEntry() {
    EvaluationCache cache = new EvaluationCache();
    cache.get("a", String.class, () -> "a");
    cache.get("b", String.class, () -> "b");

    cache.clear();

    assertThat(cache.size()).isZero();
    assertThat(cache.get("a", String.class, () -> "again")).isEqualTo("again");
  }
}
