package io.github.javanets.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The loader thread: named daemon, bounded read-ahead, failures named, ended on every path. */
class PrefetcherTest {
  @Test
  void itemsComeInOrderThenTheEndAndThePassIsReleasedOnce() {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger released = new AtomicInteger();
    Prefetcher<Integer> p =
        Prefetcher.start(
            "numbers",
            () -> next.get() < 5 ? next.getAndIncrement() : null,
            released::incrementAndGet);

    assertThat(p.thread().isDaemon()).isTrue();
    assertThat(p.thread().getName()).startsWith("javanets-loader-");
    for (int i = 0; i < 5; i++) {
      assertThat(p.next()).isEqualTo(i);
    }
    assertThat(p.next()).isNull();
    assertThat(p.next()).isNull();
    p.close();
    assertThat(p.loading()).isFalse();
    assertThat(released).hasValue(1);
  }

  @Test
  void theLoaderReadsAtMostTheCapacityAhead() throws InterruptedException {
    AtomicInteger reads = new AtomicInteger();
    AtomicInteger released = new AtomicInteger();
    try (Prefetcher<Integer> p =
        Prefetcher.start("endless", reads::incrementAndGet, released::incrementAndGet)) {
      assertThat(p.next()).isEqualTo(1);
      Thread.sleep(300);
      // One taken, CAPACITY waiting, one read and blocked on the full queue.
      assertThat(reads.get()).isLessThanOrEqualTo(1 + Prefetcher.CAPACITY + 1);
      p.close();
      assertThat(p.loading()).isFalse();
    }
    assertThat(released).hasValue(1);
  }

  @Test
  void aFailureNamesTheSourceAndTheItemWithItsCause() {
    AtomicInteger next = new AtomicInteger();
    IllegalStateException cause = new IllegalStateException("disk gone");
    try (Prefetcher<Integer> p =
        Prefetcher.start(
            "data.csv",
            () -> {
              if (next.get() == 3) {
                throw cause;
              }
              return next.getAndIncrement();
            },
            () -> {})) {
      assertThat(p.next()).isZero();
      assertThat(p.next()).isOne();
      assertThat(p.next()).isEqualTo(2);
      assertThatThrownBy(p::next)
          .isInstanceOf(BatchFailedException.class)
          .hasMessage("Batch 3 of data.csv failed: disk gone")
          .hasCause(cause);
    }
  }

  @Test
  void closingEarlyInterruptsABlockedReadAndJoinsTheLoader() throws InterruptedException {
    AtomicInteger released = new AtomicInteger();
    Prefetcher<Integer> p =
        Prefetcher.start(
            "slow",
            () -> {
              Thread.sleep(60_000);
              return 1;
            },
            released::incrementAndGet);
    Thread.sleep(50);
    p.close();
    assertThat(p.loading()).isFalse();
    assertThat(released).hasValue(1);
  }
}
