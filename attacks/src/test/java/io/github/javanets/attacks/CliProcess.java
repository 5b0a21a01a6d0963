package io.github.javanets.attacks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command line's shaded jar ({@code cli/target/javanets.jar}, from the {@code
 * javanets.jar} system property that failsafe sets) as a separate process in a working directory,
 * with {@code OMP_NUM_THREADS=1}, capturing stdout, stderr and the exit code. A run that does not
 * end within its time limit is killed and fails the test: the suite checks that nothing hangs.
 */
final class CliProcess {
  /** The shaded jar. */
  static final Path JAR =
      Path.of(System.getProperty("javanets.jar", "../cli/target/javanets.jar")).toAbsolutePath();

  /** How long one run may take. */
  static final long TIMEOUT_SECONDS = 180;

  private CliProcess() {}

  /** What a run printed and returned. */
  record Result(int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
  }

  /** {@code java [jvmArgs] -jar javanets.jar args...} in {@code dir}. */
  static Result jar(Path dir, List<String> jvmArgs, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java()));
    command.addAll(jvmArgs);
    command.addAll(List.of("-jar", JAR.toString()));
    command.addAll(Arrays.asList(args));
    return run(dir, command);
  }

  /** {@code java -jar javanets.jar args...} in {@code dir}. */
  static Result jar(Path dir, String... args) throws IOException, InterruptedException {
    return jar(dir, List.of(), args);
  }

  /** Any command line, starting with {@link #java()}, in {@code dir}. */
  static Result run(Path dir, List<String> command) throws IOException, InterruptedException {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR + " is missing: package the cli module first.");
    }
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("OMP_NUM_THREADS", "1");
    Process process = builder.start();
    process.getOutputStream().close();
    CompletableFuture<String> out = drain(process.getInputStream());
    CompletableFuture<String> err = drain(process.getErrorStream());
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          String.join(" ", command) + " ran over " + TIMEOUT_SECONDS + " s (a hang)");
    }
    return new Result(process.exitValue(), out.join(), err.join());
  }

  /** The {@code java} launcher of the running JVM. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
