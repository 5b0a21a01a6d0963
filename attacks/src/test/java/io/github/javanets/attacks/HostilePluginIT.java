package io.github.javanets.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.attacks.CliProcess.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin jars that attack the command line: a loss that calls {@code System.exit(0)} in its
 * constructor or in {@code compute}, one whose constructor throws, one whose {@code compute} makes
 * ND4J throw, and files in {@code --plugins} that are not jars. Each run ends with a documented
 * exit code and one line on stderr; none passes for success.
 */
class HostilePluginIT {
  private static final String HEADER =
      """
      package demo;

      import io.github.javanets.loss.Loss;
      import io.github.javanets.loss.LossContext;
      import io.github.javanets.loss.LossName;
      import io.github.javanets.loss.LossTarget;
      import io.github.javanets.loss.TargetKind;
      import org.nd4j.autodiff.samediff.SDVariable;
      import org.nd4j.linalg.factory.Nd4j;

      """;

  /** Class name to its body, after {@link #HEADER}. */
  private static final Map<String, String> LOSSES =
      Map.of(
          "QuitNew",
          """
          @LossName("quit_new")
          @LossTarget(TargetKind.NONE)
          public class QuitNew extends Loss {
            public QuitNew() {
              System.exit(0);
            }

            @Override
            public SDVariable compute(LossContext ctx) {
              return reduce(ctx, ctx.output().mul(ctx.output()));
            }
          }
          """,
          "QuitCompute",
          """
          @LossName("quit_compute")
          @LossTarget(TargetKind.NONE)
          public class QuitCompute extends Loss {
            @Override
            public SDVariable compute(LossContext ctx) {
              System.exit(0);
              return null;
            }
          }
          """,
          "Boom",
          """
          @LossName("boom")
          @LossTarget(TargetKind.NONE)
          public class Boom extends Loss {
            public Boom() {
              throw new IllegalStateException("boom in the constructor");
            }

            @Override
            public SDVariable compute(LossContext ctx) {
              return reduce(ctx, ctx.output());
            }
          }
          """,
          "Nd4jBug",
          """
          @LossName("nd4j_bug")
          @LossTarget(TargetKind.NONE)
          public class Nd4jBug extends Loss {
            @Override
            public SDVariable compute(LossContext ctx) {
              Nd4j.zeros(2, 3).getDouble(17);
              return reduce(ctx, ctx.output());
            }
          }
          """,
          "Calm",
          """
          @LossName("calm")
          @LossTarget(TargetKind.NONE)
          public class Calm extends Loss {
            @Override
            public SDVariable compute(LossContext ctx) {
              return reduce(ctx, ctx.output().mul(ctx.output()));
            }
          }
          """);

  @TempDir static Path build;

  private static Path plugins;
  private static Path mixed;

  @TempDir Path dir;

  @BeforeAll
  static void compileTheHostileJar() throws IOException {
    Path src = Files.createDirectories(build.resolve("src/demo"));
    List<String> args =
        new ArrayList<>(List.of("-d", build.resolve("classes").toString(), "-cp", jar()));
    for (Map.Entry<String, String> e : LOSSES.entrySet()) {
      Path file = src.resolve(e.getKey() + ".java");
      Files.writeString(file, HEADER + e.getValue());
      args.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac.run(null, null, null, args.toArray(new String[0]))).as("javac").isZero();

    plugins = Files.createDirectories(build.resolve("plugins"));
    Path hostile = plugins.resolve("hostile.jar");
    writeJar(hostile, build.resolve("classes"));
    mixed = Files.createDirectories(build.resolve("mixed"));
    Files.copy(hostile, mixed.resolve("hostile.jar"));
    Files.writeString(mixed.resolve("notes.jar"), "this is not a jar");
    Files.createFile(mixed.resolve("empty.jar"));
    byte[] bytes = Files.readAllBytes(hostile);
    Files.write(mixed.resolve("truncated.jar"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
  }

  private static String jar() {
    return CliProcess.JAR.toString();
  }

  private static void writeJar(Path jarFile, Path classes) throws IOException {
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(jarFile));
        Stream<Path> files = Files.list(classes.resolve("demo"))) {
      StringBuilder services = new StringBuilder();
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        String name = file.getFileName().toString();
        jar.putNextEntry(new JarEntry("demo/" + name));
        jar.write(Files.readAllBytes(file));
        jar.closeEntry();
        if (!name.contains("$")) {
          services.append("demo.").append(name.replace(".class", "")).append('\n');
        }
      }
      jar.putNextEntry(new JarEntry("META-INF/services/io.github.javanets.loss.Loss"));
      jar.write(services.toString().getBytes(StandardCharsets.UTF_8));
      jar.closeEntry();
    }
  }

  private Result train(Path pluginDir, String loss) throws Exception {
    return CliProcess.jar(
        dir,
        "train",
        "--plugins",
        pluginDir.toString(),
        "--loss",
        "xe",
        "--loss",
        loss + ":weight=0.01",
        "--epochs",
        "1");
  }

  @Test
  void systemExitInALossConstructorIsReportedAndNeverExitZero() throws Exception {
    Result r = train(plugins, "quit_new");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.stderr().lines().filter(l -> l.startsWith("javanets:")))
        .as(r.toString())
        .singleElement()
        .asString()
        .startsWith("javanets: train did not finish: demo.QuitNew.<init>(QuitNew.java:")
        .endsWith(
            ") called System.exit while making the losses; code in a plugin jar must not end"
                + " the process (exit code 4).");
    assertThat(dir.resolve("javanets-model.zip")).doesNotExist();
  }

  @Test
  void systemExitInComputeIsReportedAndNeverExitZero() throws Exception {
    Result r = train(plugins, "quit_compute");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.stderr())
        .as(r.toString())
        .containsPattern(
            "(?m)^javanets: train did not finish: demo\\.QuitCompute\\.compute\\(QuitCompute"
                + "\\.java:\\d+\\) called System\\.exit while [a-z ]+; code in a plugin jar must"
                + " not end the process \\(exit code 4\\)\\.$");
  }

  @Test
  void aLossWhoseConstructorThrowsIsABrokenLossNamingItsJar() throws Exception {
    Result r = train(plugins, "boom");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.stderr())
        .as(r.toString())
        .startsWith("javanets: ")
        .contains("demo.Boom")
        .contains(plugins.resolve("hostile.jar").toString())
        .contains("boom in the constructor");
  }

  @Test
  void anIllegalArgumentFromInsideNd4jIsAnInternalErrorNotAUserError() throws Exception {
    Result r = train(plugins, "nd4j_bug");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.stderr())
        .as(r.toString())
        .contains(
            "javanets: internal error: java.lang.IllegalArgumentException: Unable to get linear"
                + " index 17: values is greater than length (6) (run with --debug for the stack"
                + " trace)");
  }

  @Test
  void filesThatAreNotJarsAreLeftOutWithAWarningAndTheOthersLoad() throws Exception {
    Result r = train(mixed, "calm");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stderr().lines().filter(l -> l.startsWith("javanets: warning:")))
        .containsExactly(
            "javanets: warning: --plugins jar '"
                + mixed.resolve("empty.jar")
                + "' is not a readable jar (zip file is empty); it was left out, the other jars"
                + " load.",
            "javanets: warning: --plugins jar '"
                + mixed.resolve("notes.jar")
                + "' is not a readable jar (zip END header not found); it was left out, the other"
                + " jars load.",
            "javanets: warning: --plugins jar '"
                + mixed.resolve("truncated.jar")
                + "' is not a readable jar (zip END header not found); it was left out, the other"
                + " jars load.");
    assertThat(r.stdout()).contains("losses xe, calm(weight=0.01)");
  }
}
