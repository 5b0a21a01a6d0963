package io.github.javanets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.cli.JavanetsProcess.Result;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party loss jar, compiled here against {@code javanets.jar}: found on the class path and
 * with {@code --plugins DIR}, and usable by {@code train}.
 */
class PluginIT {
  private static final String SOURCE =
      """
      package demo;

      import io.github.javanets.loss.Loss;
      import io.github.javanets.loss.LossContext;
      import io.github.javanets.loss.LossName;
      import io.github.javanets.loss.LossParam;
      import io.github.javanets.loss.LossSummary;
      import io.github.javanets.loss.LossTarget;
      import io.github.javanets.loss.TargetKind;
      import org.nd4j.autodiff.samediff.SDVariable;

      @LossName(value = "squash", aliases = {"output_penalty"})
      @LossTarget(TargetKind.NONE)
      @LossSummary("mean squared output: scale * o^2")
      @LossParam(name = "scale", defaultValue = "1", min = 0, description = "multiplies o^2")
      public class Squash extends Loss {
        @Override
        public SDVariable compute(LossContext ctx) {
          SDVariable o = ctx.output();
          return reduce(ctx, o.mul(o).mul(doubleParameter("scale")));
        }
      }
      """;

  /**
   * A second provider of {@code squash}, in a jar whose service file also names a missing class.
   */
  private static final String CLASH =
      """
      package demo;

      import io.github.javanets.loss.Loss;
      import io.github.javanets.loss.LossContext;
      import io.github.javanets.loss.LossName;
      import org.nd4j.autodiff.samediff.SDVariable;

      @LossName("squash")
      public class Clash extends Loss {
        @Override
        public SDVariable compute(LossContext ctx) {
          return reduce(ctx, ctx.output());
        }
      }
      """;

  @TempDir static Path build;

  private static Path pluginDir;
  private static Path pluginJar;
  private static Path problemDir;
  private static Path clashJar;

  @TempDir Path dir;

  @BeforeAll
  static void compilePluginJars() throws IOException {
    pluginDir = Files.createDirectories(build.resolve("plugins"));
    pluginJar = pluginDir.resolve("squash.jar");
    compileJar("Squash", SOURCE, "demo.Squash\n", pluginJar);
    problemDir = Files.createDirectories(build.resolve("problems"));
    clashJar = problemDir.resolve("clash.jar");
    compileJar("Clash", CLASH, "demo.Clash\ndemo.Missing\n", clashJar);
    Files.copy(pluginJar, problemDir.resolve("squash.jar"));
  }

  /** Compiles {@code demo.<name>} against javanets.jar into a jar with this service file. */
  private static void compileJar(String name, String source, String services, Path jarFile)
      throws IOException {
    Path src = build.resolve("src-" + name + "/demo/" + name + ".java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, source);
    Path classes = Files.createDirectories(build.resolve("classes-" + name));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status =
        javac.run(
            null,
            null,
            null,
            "-d",
            classes.toString(),
            "-cp",
            JavanetsProcess.JAR.toString(),
            src.toString());
    assertThat(status).as("javac " + name).isZero();
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(jarFile))) {
      String entry = "demo/" + name + ".class";
      add(jar, entry, Files.readAllBytes(classes.resolve(entry)));
      add(
          jar,
          "META-INF/services/io.github.javanets.loss.Loss",
          services.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void add(JarOutputStream jar, String name, byte[] bytes) throws IOException {
    jar.putNextEntry(new JarEntry(name));
    OutputStream out = jar;
    out.write(bytes);
    jar.closeEntry();
  }

  @Test
  void aLossJarOnTheClassPathIsListedWithItsJar() throws Exception {
    String classPath = JavanetsProcess.JAR + File.pathSeparator + pluginJar;
    Result r = JavanetsProcess.classPath(dir, classPath, "losses");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.lines()).first().isEqualTo("10 losses found.");
    assertThat(r.lines())
        .anySatisfy(
            line ->
                assertThat(line.split("\\s{2,}"))
                    .containsExactly("squash", "output_penalty", "none", pluginJar.toString()));
    assertThat(r.stdout())
        .contains("squash: mean squared output: scale * o^2")
        .contains("  scale  double  default 1.0  >= 0  multiplies o^2");
  }

  @Test
  void pluginsDirectoryAddsItsJarsToTheListing() throws Exception {
    Result r = JavanetsProcess.jar(dir, "--plugins", pluginDir.toString(), "losses", "--json");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stdout())
        .contains("\"name\" : \"squash\"")
        .contains("\"jar\" : \"" + pluginJar + "\"");
  }

  @Test
  void trainUsesThePluginLossAsAMonitoredTerm() throws Exception {
    Result r =
        JavanetsProcess.jar(
            dir,
            "train",
            "--plugins",
            pluginDir.toString(),
            "--loss",
            "xe",
            "--loss",
            "squash:weight=0.01,scale=2",
            "--epochs",
            "2");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.stdout()).contains("losses xe, squash(scale=2.0, weight=0.01)");
    assertThat(r.stdout()).containsPattern("(?m)^  squash +\\d+\\.\\d{4} +\\d+\\.\\d{4}$");
    assertThat(dir.resolve("javanets-model.zip")).isNotEmptyFile();
  }

  @Test
  void brokenAndConflictingProvidersAreListedAsProblems() throws Exception {
    Result r = JavanetsProcess.jar(dir, "--plugins", problemDir.toString(), "losses");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.lines()).first().isEqualTo("9 losses found, 2 problem(s).");
    assertThat(r.stdout())
        .contains(
            "  BROKEN missing: Loss 'missing' is broken: its class demo.Missing (in "
                + clashJar
                + ") cannot be used")
        .contains(
            "  CONFLICT squash: Loss name 'squash' is provided by 2 classes: demo.Clash (in "
                + clashJar
                + ") and demo.Squash (in "
                + problemDir.resolve("squash.jar")
                + ").");

    Result json = JavanetsProcess.jar(dir, "--plugins", problemDir.toString(), "losses", "--json");
    assertThat(json.stdout()).contains("\"kind\" : \"broken\"").contains("\"kind\" : \"conflict\"");

    Result train =
        JavanetsProcess.jar(dir, "train", "--plugins", problemDir.toString(), "--loss", "squash");
    assertThat(train.exitCode()).as(train.toString()).isEqualTo(Javanets.USER_ERROR);
    assertThat(train.stderr())
        .startsWith("javanets: Loss name 'squash' is provided by 2 classes: demo.Clash")
        .contains("pin one with -Djavanets.loss.squash=")
        .doesNotContain("\tat ");
  }
}
