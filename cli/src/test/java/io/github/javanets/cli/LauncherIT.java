package io.github.javanets.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.javanets.cli.JavanetsProcess.Result;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code target/javanets} (class-data-sharing archive, C1 alone but for large data,
 * two malloc arenas) against {@code java -jar target/javanets.jar}: the same output, files and exit
 * codes, and the archive really mapped.
 */
class LauncherIT {
  private static final Path LAUNCHER = JavanetsProcess.JAR.resolveSibling("javanets");
  private static final Path ARCHIVE = JavanetsProcess.JAR.resolveSibling("javanets.jsa");

  @TempDir Path dir;

  @BeforeEach
  void theBuildMadeTheLauncher() {
    assumeFalse(
        Boolean.getBoolean("javanets.startup.skip"),
        "built with -Djavanets.startup.skip: no launcher");
    assertThat(LAUNCHER).isExecutable();
    assertThat(ARCHIVE).isNotEmptyFile();
  }

  @Test
  void trainPrintsAndSavesWhatTheJarDoes() throws Exception {
    Path viaJar = Files.createDirectory(dir.resolve("jar"));
    Path viaLauncher = Files.createDirectory(dir.resolve("launcher"));
    String[] train = {"train", "--epochs", "3", "--seed", "7", "--progress", "lines"};

    Result jar = JavanetsProcess.jar(viaJar, train);
    Result launcher = launcher(viaLauncher, Map.of(), train);

    assertThat(jar.exitCode()).as(jar.toString()).isZero();
    assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
    assertThat(launcher.stdout()).isEqualTo(jar.stdout());
    assertThat(launcher.stderr()).isEqualTo(jar.stderr());
    assertThat(entries(viaLauncher.resolve("javanets-model.zip")))
        .isEqualTo(entries(viaJar.resolve("javanets-model.zip")));
    assertThat(viaLauncher.resolve("javanets-training.png")).isNotEmptyFile();
  }

  @Test
  void evaluateAndPredictPrintWhatTheJarPrints() throws Exception {
    Result trained = JavanetsProcess.jar(dir, "train", "--epochs", "2", "--progress", "none");
    assertThat(trained.exitCode()).as(trained.toString()).isZero();
    Files.writeString(
        dir.resolve("flowers.csv"),
        "sepal_length,sepal_width,petal_length,petal_width,species\n"
            + "5.1,3.5,1.4,0.2,setosa\n"
            + "6.9,3.1,5.4,2.3,virginica\n");
    for (String[] args :
        List.of(
            new String[] {"evaluate", "--model", "javanets-model.zip", "--data", "flowers.csv"},
            new String[] {
              "predict", "--proba", "--model", "javanets-model.zip", "--data", "flowers.csv"
            },
            new String[] {"losses"},
            new String[] {"--help"})) {
      Result jar = JavanetsProcess.jar(dir, args);
      Result launcher = launcher(dir, Map.of(), args);

      assertThat(jar.exitCode()).as(jar.toString()).isZero();
      assertThat(launcher.exitCode()).as(launcher.toString()).isZero();
      assertThat(launcher.stdout()).as(String.join(" ", args)).isEqualTo(jar.stdout());
      assertThat(launcher.stderr()).as(String.join(" ", args)).isEqualTo(jar.stderr());
    }
  }

  @Test
  void aUserErrorEndsAsWithTheJar() throws Exception {
    Result jar = JavanetsProcess.jar(dir, "train", "--epochs", "0");
    Result launcher = launcher(dir, Map.of(), "train", "--epochs", "0");

    assertThat(jar.exitCode()).isEqualTo(Javanets.USER_ERROR);
    assertThat(launcher.exitCode()).isEqualTo(Javanets.USER_ERROR);
    assertThat(launcher.stderr()).isEqualTo(jar.stderr());
    assertThat(launcher.stdout()).isEqualTo(jar.stdout());
  }

  @Test
  void theLauncherMapsTheArchiveAndPassesJavanetsOpts() throws Exception {
    Path log = dir.resolve("classes.log");
    // -Xshare:on (after the launcher's -Xshare:auto) makes the JVM fail if the archive cannot be
    // mapped; the class log says where each class came from.
    Result r =
        launcher(
            dir,
            Map.of("JAVANETS_OPTS", "-Xshare:on -Xlog:class+load=info:file=" + log),
            "--version");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stdout()).startsWith("javanets ");
    List<String> loaded = Files.readAllLines(log);
    assertThat(loaded)
        .anyMatch(l -> l.contains(" io.github.javanets.cli.Javanets source: shared objects file"));
  }

  @Test
  void theLauncherKeepsC2ForLargeDataAndLimitsMallocArenas() throws Exception {
    assumeTrue(System.getenv("MALLOC_ARENA_MAX") == null, "MALLOC_ARENA_MAX is set here");
    // A "JDK" whose java prints what the launcher gave it.
    Path bin = Files.createDirectories(dir.resolve("jdk/bin"));
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho \"arenas=$MALLOC_ARENA_MAX $*\"\n");
    assertThat(java.toFile().setExecutable(true)).isTrue();
    Path small = Files.writeString(dir.resolve("small.csv"), "x,y\n1,2\n");
    Path large = dir.resolve("large.csv");
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(large.toFile(), "rw")) {
      f.setLength(65L << 20); // sparse: 65 MB on paper, no disk
    }
    Map<String, String> env = Map.of("JAVA_HOME", dir.resolve("jdk").toString());

    Result onSmall = launcher(dir, env, "train", "--data", small.toString());
    Result onLarge = launcher(dir, env, "train", "--data=" + large);
    Result arenasSet =
        launcher(
            dir,
            Map.of("JAVA_HOME", dir.resolve("jdk").toString(), "MALLOC_ARENA_MAX", "4"),
            "losses");

    assertThat(onSmall.stdout()).startsWith("arenas=2 -XX:TieredStopAtLevel=1 ");
    assertThat(onLarge.stdout())
        .startsWith("arenas=2 ")
        .doesNotContain("TieredStopAtLevel")
        .contains("-jar " + JavanetsProcess.JAR.toRealPath() + " train --data=" + large);
    assertThat(arenasSet.stdout()).startsWith("arenas=4 -XX:TieredStopAtLevel=1 ");
  }

  private static Result launcher(Path dir, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(Arrays.asList(args));
    return JavanetsProcess.run(dir, command, env);
  }

  /** Every entry of a zip file, by name: the model's files, without the zip's timestamps. */
  private static Map<String, ByteBuffer> entries(Path zip) throws IOException {
    Map<String, ByteBuffer> entries = new TreeMap<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      for (ZipEntry e : Collections.list(z.entries())) {
        entries.put(e.getName(), ByteBuffer.wrap(z.getInputStream(e).readAllBytes()));
      }
    }
    return entries;
  }
}
