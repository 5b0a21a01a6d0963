package io.github.javanets.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

/**
 * The command line's start-up, as a user meets it: every command runs as a fresh process, as the
 * jar ({@code java -jar cli/target/javanets.jar}), the jar with only the class-data-sharing archive
 * or only C1 (to tell their parts apart), and the launcher {@code cli/target/javanets} (both). The
 * commands are {@code --help}, {@code losses}, {@code evaluate} of a saved Iris model on Iris,
 * {@code train --epochs 1} on the built-in Iris data and the README's first command, {@code train}
 * (100 epochs: what C1 alone costs a longer run). Rounds alternate the variants, command by
 * command; every run must exit 0 and print what the jar printed (the variants change speed, never
 * output).
 *
 * <p>Prints one Markdown line per command and variant: median wall time, its range, median CPU time
 * (user + system, read from this process's reaped-children times in {@code /proc/self/stat}: Linux
 * only) and the load average before and after. Usage: {@code StartupCheck CLI_TARGET_DIR [rounds]}.
 */
public final class StartupCheck {
  private static final long TIMEOUT_SECONDS = 300;
  private static final double CLOCK_TICKS = 100;

  private StartupCheck() {}

  private record Variant(String name, List<String> command) {}

  private record Command(String name, List<String> args) {}

  /** Runs the check. */
  public static void main(String[] args) throws IOException, InterruptedException {
    Path target = Path.of(args.length > 0 ? args[0] : "../cli/target").toAbsolutePath();
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    String jar = target.resolve("javanets.jar").toString();
    Path launcher = target.resolve("javanets");
    Path archive = target.resolve("javanets.jsa");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Variant> variants = new ArrayList<>();
    variants.add(new Variant("`java -jar`", List.of(java, "-jar", jar)));
    if (Files.isRegularFile(archive)) {
      variants.add(
          new Variant(
              "`java -jar`, CDS archive only",
              List.of(java, "-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-jar", jar)));
    }
    variants.add(
        new Variant("`java -jar`, C1 only", List.of(java, "-XX:TieredStopAtLevel=1", "-jar", jar)));
    if (Files.isExecutable(launcher) && Files.isRegularFile(archive)) {
      variants.add(new Variant("launcher `cli/target/javanets`", List.of(launcher.toString())));
    } else {
      System.err.println("No launcher or archive in " + target + ": the launcher is skipped.");
    }

    Path dir = Files.createTempDirectory("javanets-startup");
    Path iris = dir.resolve("iris.csv");
    try (ZipFile zip = new ZipFile(jar);
        InputStream in = zip.getInputStream(zip.getEntry("io/github/javanets/cli/iris.csv"))) {
      Files.copy(in, iris);
    }
    String model = dir.resolve("model.zip").toString();
    String plot = dir.resolve("plot.png").toString();
    run(dir, cat(variants.get(0).command(), "train", "--epochs", "1", "--save", model));
    List<Command> commands =
        List.of(
            new Command("`--help`", List.of("--help")),
            new Command("`losses`", List.of("losses")),
            new Command(
                "`evaluate` (Iris model, 150 rows)",
                List.of("evaluate", "--model", model, "--data", iris.toString())),
            new Command(
                "`train --epochs 1` (Iris)",
                List.of("train", "--epochs", "1", "--save", "m1.zip", "--plot", plot)),
            new Command(
                "`train` (Iris, 100 epochs)",
                List.of("train", "--save", "m100.zip", "--plot", plot)));

    String before = loadAverage();
    Map<String, List<double[]>> times = new LinkedHashMap<>();
    for (Command c : commands) {
      String expected = null;
      for (int round = 0; round < rounds; round++) {
        for (Variant v : variants) {
          List<String> command = new ArrayList<>(v.command());
          command.addAll(c.args());
          long cpu0 = childrenCpuTicks();
          long start = System.nanoTime();
          String out = run(dir, command);
          double wall = (System.nanoTime() - start) / 1e9;
          double cpu = cpu0 < 0 ? -1 : (childrenCpuTicks() - cpu0) / CLOCK_TICKS;
          if (expected == null) {
            expected = out;
          } else if (!expected.equals(out)) {
            throw new IllegalStateException(
                v.name() + " printed another output for " + c.name() + ":\n" + out);
          }
          times
              .computeIfAbsent(c.name() + "|" + v.name(), k -> new ArrayList<>())
              .add(new double[] {wall, cpu});
          System.err.printf("%s, %s: %.2f s wall, %.2f s CPU%n", c.name(), v.name(), wall, cpu);
        }
      }
    }
    String after = loadAverage();
    for (Map.Entry<String, List<double[]>> e : times.entrySet()) {
      String[] names = e.getKey().split("\\|");
      List<Double> wall = column(e.getValue(), 0);
      List<Double> cpu = column(e.getValue(), 1);
      System.out.printf(
          "| %s | %s | %.2f | %.2f-%.2f | %s | %s / %s |%n",
          names[0],
          names[1],
          median(wall),
          wall.get(0),
          wall.get(wall.size() - 1),
          cpu.get(0) < 0 ? "n/a" : String.format("%.2f", median(cpu)),
          before,
          after);
    }
  }

  private static List<String> cat(List<String> prefix, String... args) {
    List<String> all = new ArrayList<>(prefix);
    all.addAll(List.of(args));
    return all;
  }

  /** Runs {@code command} in {@code dir} and returns its stdout; it must exit 0. */
  private static String run(Path dir, List<String> command)
      throws IOException, InterruptedException {
    Path err = dir.resolve("stderr.txt");
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " ran over the time limit");
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", command)
              + " exited with "
              + p.exitValue()
              + ": "
              + Files.readString(err));
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  /**
   * User + system clock ticks of this process's finished children ({@code cutime + cstime} of
   * {@code /proc/self/stat}), or -1 where there is no {@code /proc}.
   */
  private static long childrenCpuTicks() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // After the command name, field 3 (state) is f[0]: cutime is field 16, cstime field 17.
      return Long.parseLong(f[13]) + Long.parseLong(f[14]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }

  private static List<Double> column(List<double[]> rows, int k) {
    List<Double> values = new ArrayList<>();
    rows.forEach(r -> values.add(r[k]));
    Collections.sort(values);
    return values;
  }

  private static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
