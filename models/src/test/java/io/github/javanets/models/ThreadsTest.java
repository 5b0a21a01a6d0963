package io.github.javanets.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/** {@link Threads} sets the counts that ND4J's CPU backend reads, and reads them back. */
class ThreadsTest {
  private int before;

  @BeforeEach
  void remember() {
    before = Threads.get();
  }

  @AfterEach
  void restore() {
    Threads.set(before);
  }

  @Test
  void setReachesOpenMpBlasAndLibnd4j() {
    Threads.set(3);

    assertThat(NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads()).isEqualTo(3);
    assertThat(Nd4j.factory().blas().getMaxThreads()).isEqualTo(3);
    assertThat(Nd4j.getEnvironment().maxMasterThreads())
        .isEqualTo(Math.min(3, Nd4j.getEnvironment().maxThreads()));
    assertThat(Threads.get()).isEqualTo(3);

    Threads.set(1);

    assertThat(NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads()).isEqualTo(1);
    assertThat(Nd4j.factory().blas().getMaxThreads()).isEqualTo(1);
    assertThat(Nd4j.getEnvironment().maxMasterThreads()).isEqualTo(1);
    assertThat(Threads.get()).isEqualTo(1);
  }

  @Test
  void theDefaultCountIsLibnd4jsStartUpCount() {
    Threads.set(2);

    assertThat(Threads.defaultCount()).isEqualTo(Nd4j.getEnvironment().maxThreads());
    assertThat(Threads.defaultCount()).isPositive();
  }

  @Test
  void aCountBelowOneIsRefusedAndChangesNothing() {
    Threads.set(2);

    assertThatThrownBy(() -> Threads.set(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The thread count must be a whole number >= 1, got 0.");
    assertThatThrownBy(() -> Threads.set(-4))
        .hasMessage("The thread count must be a whole number >= 1, got -4.");
    assertThat(Threads.get()).isEqualTo(2);
  }

  @Test
  void anUnusableNativeOpSaysWhichCallFailed() {
    NoSuchMethodException cause = new NoSuchMethodException("setOmpNumThreads");

    assertThat(Errors.nativeOpsUnusable("setOmpNumThreads", cause))
        .isInstanceOf(IllegalStateException.class)
        .hasCause(cause)
        .hasMessage(
            "ND4J's native ops cannot set the thread count: setOmpNumThreads failed"
                + " (java.lang.NoSuchMethodException: setOmpNumThreads).");
  }
}
