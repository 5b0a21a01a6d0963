package io.github.javanets.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which failures are the user's to fix (exit 2) and which are internal errors (exit 1). */
class JavanetsTest {
  @TempDir Path dir;

  @Test
  void anIllegalArgumentFromNd4jIsNotAUserError() {
    Throwable nd4j =
        catchThrowable(() -> org.nd4j.common.base.Preconditions.checkArgument(false, "rank %s", 3));

    assertThat(nd4j).isInstanceOf(IllegalArgumentException.class);
    assertThat(Javanets.isUserError(nd4j)).isFalse();
  }

  @Test
  void anIllegalArgumentFromJavanetsIsAUserError() throws Exception {
    Path path = Files.writeString(dir.resolve("x.csv"), "x\n1\n");
    Throwable ours = catchThrowable(() -> CsvTable.read(path, "--data").column("y", "--target"));

    assertThat(ours).isInstanceOf(IllegalArgumentException.class);
    assertThat(Javanets.isUserError(ours)).isTrue();
  }

  @Test
  void anIllegalArgumentThatTheJdkThrowsForJavanetsIsAUserError() {
    NumberFormatException e = new NumberFormatException("For input string: \"x\"");
    e.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement("java.lang.Integer", "parseInt", "Integer.java", 1),
          new StackTraceElement("io.github.javanets.cli.LayerSpecs", "parse", "LayerSpecs.java", 1),
          new StackTraceElement("org.nd4j.linalg.factory.Nd4j", "create", "Nd4j.java", 1)
        });

    assertThat(Javanets.isUserError(e)).isTrue();
  }

  @Test
  void anIllegalArgumentWithoutAStackTraceIsNotAUserError() {
    IllegalArgumentException bare = new IllegalArgumentException("who knows");
    bare.setStackTrace(new StackTraceElement[0]);

    assertThat(Javanets.isUserError(bare)).isFalse();
  }

  @Test
  void javanetsOwnErrorTypesAreUserErrors() {
    assertThat(Javanets.isUserError(new UserException("bad", null))).isTrue();
    assertThat(Javanets.isUserError(new java.nio.file.NoSuchFileException("f"))).isTrue();
    assertThat(Javanets.isUserError(new IllegalStateException("bug"))).isFalse();
  }

  @Test
  void outOfMemoryIsFoundInsideNd4jWrappersAndSuppressedExceptions() {
    OutOfMemoryError oom = new OutOfMemoryError("Cannot allocate new FloatPointer(10): totalBytes");
    RuntimeException nd4j =
        new RuntimeException(
            "ND4J is probably missing dependencies.", new IllegalStateException("init", oom));
    RuntimeException suppressing = new RuntimeException("failed");
    suppressing.addSuppressed(oom);

    assertThat(OutOfMemory.find(new RuntimeException(nd4j))).isSameAs(oom);
    assertThat(OutOfMemory.find(suppressing)).isSameAs(oom);
    assertThat(OutOfMemory.find(new IllegalStateException("no"))).isNull();
  }

  @Test
  void outOfMemoryAdviceNamesTheSettingsToChange() {
    assertThat(OutOfMemory.message(new OutOfMemoryError("Java heap space")))
        .isEqualTo(
            "out of memory (Java heap space): give Java more heap with java -Xmx8g -jar"
                + " javanets.jar ..., or make the job smaller: a smaller --batch-size, fewer units"
                + " in --layers, fewer columns or rows in the data.");
    assertThat(OutOfMemory.message(new OutOfMemoryError("Cannot allocate new FloatPointer(9)")))
        .contains("(Cannot allocate new FloatPointer(9)): give Java more memory with java -Xmx8g")
        .contains("-Dorg.bytedeco.javacpp.maxbytes=8G");
  }

  @Test
  void theCallerOfSystemExitIsFoundInAStack() {
    StackTraceElement plugin = new StackTraceElement("demo.Quit", "<init>", "Quit.java", 7);
    StackTraceElement[] stack = {
      new StackTraceElement("java.lang.Shutdown", "exit", "Shutdown.java", 1),
      new StackTraceElement("java.lang.Runtime", "exit", "Runtime.java", 1),
      new StackTraceElement("java.lang.System", "exit", "System.java", 1),
      plugin,
      new StackTraceElement("io.github.javanets.loss.LossRegistry", "create", "X.java", 1)
    };

    assertThat(ExitGuard.exitCaller(stack)).isEqualTo(plugin);
    assertThat(ExitGuard.exitCaller(new StackTraceElement[] {plugin})).isNull();
  }
}
