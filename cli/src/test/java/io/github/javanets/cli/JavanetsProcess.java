package io.github.javanets.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built {@code javanets.jar} as a separate process, as a user would: {@code java -jar
 * javanets.jar ...} (or {@code java -cp ... io.github.javanets.cli.Javanets ...}) in a working
 * directory, with {@code OMP_NUM_THREADS=1}, capturing stdout, stderr and the exit code.
 */
final class JavanetsProcess {
  /** The shaded jar, from the {@code javanets.jar} system property that failsafe sets. */
  static final Path JAR =
      Path.of(System.getProperty("javanets.jar", "target/javanets.jar")).toAbsolutePath();

  private static final long TIMEOUT_SECONDS = 180;

  private JavanetsProcess() {}

  /** What a run printed and returned. */
  record Result(int exitCode, String stdout, String stderr) {
    /** The lines of stdout. */
    List<String> lines() {
      return stdout.lines().toList();
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
  }

  /** {@code java -jar javanets.jar args...} in {@code dir}. */
  static Result jar(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
    command.addAll(Arrays.asList(args));
    return run(dir, command);
  }

  /** {@code java -cp classPath io.github.javanets.cli.Javanets args...} in {@code dir}. */
  static Result classPath(Path dir, String classPath, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of(java(), "-cp", classPath, Javanets.class.getName()));
    command.addAll(Arrays.asList(args));
    return run(dir, command);
  }

  /** Any command line, starting with {@link #java()}, in {@code dir}. */
  static Result run(Path dir, List<String> command) throws IOException, InterruptedException {
    return run(dir, command, Map.of());
  }

  /** Any command line in {@code dir}, with these environment variables added. */
  static Result run(Path dir, List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR + " is missing: run the package phase first.");
    }
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("OMP_NUM_THREADS", "1");
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    CompletableFuture<String> out = drain(process.getInputStream());
    CompletableFuture<String> err = drain(process.getErrorStream());
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          String.join(" ", command)
              + " ran over "
              + TIMEOUT_SECONDS
              + " s; stderr: "
              + err.getNow(""));
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
            throw new java.io.UncheckedIOException(e);
          }
        });
  }
}
