package io.github.javanets.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery of losses from real plugin jars on child class loaders. */
class LossRegistryDiscoveryTest {
  static final String STEP =
      "package plug.step;\n"
          + "import io.github.javanets.loss.*;\n"
          + "import org.nd4j.autodiff.samediff.SDVariable;\n"
          + "public class Step extends Loss {\n"
          + "  @Override public SDVariable compute(LossContext ctx) {\n"
          + "    SDVariable step = ctx.output().gt(0.0).castTo(ctx.output().dataType());\n"
          + "    return reduce(ctx, step);\n"
          + "  }\n"
          + "}\n";

  static final String SMOOTH =
      PluginJars.lossSource(
          "plug.smooth.SmoothLoss",
          "@LossName(value = \"Smooth\", aliases = {\"smooth_l1\", \"SL1\"})\n"
              + "@LossSummary(\"a smooth loss\")\n"
              + "@LossParam(name = \"beta\", defaultValue = \"1\", min = 0, minInclusive = false,"
              + " description = \"where it turns linear\")");

  @TempDir Path dir;

  private URLClassLoader loader;

  @AfterEach
  void closeLoader() throws Exception {
    if (loader != null) {
      loader.close();
    }
  }

  private LossRegistry discover(Path... jars) {
    loader = PluginJars.loader(jars);
    return LossRegistry.discover(loader);
  }

  private Path stepJar() {
    return PluginJars.jar(dir, "step.jar").loss("plug.step.Step", STEP).build();
  }

  @Test
  void aPluginOnTheClassPathIsDiscoveredAndNamedAfterItsClass() {
    Path jar = stepJar();

    LossRegistry registry = discover(jar);

    assertThat(registry.names()).containsExactly("step");
    assertThat(registry.problems()).isEmpty();
    Loss step = registry.create("step");
    assertThat(step.getClass().getName()).isEqualTo("plug.step.Step");
    assertThat(step.getClass().getClassLoader()).isSameAs(loader);
    assertThat(step.name()).isEqualTo("step");
    assertThat(step.toString()).isEqualTo("step");
    assertThat(registry.describe("STEP").source()).isEqualTo(jar.toString());
  }

  @Test
  void aPluginThatIsNotOnTheClassPathIsUnknown() {
    stepJar();
    Path other = PluginJars.jar(dir, "smooth.jar").loss("plug.smooth.SmoothLoss", SMOOTH).build();

    LossRegistry registry = discover(other);

    assertThat(registry.names()).containsExactly("smooth");
    assertThatThrownBy(() -> registry.create("step"))
        .isInstanceOf(UnknownLossException.class)
        .hasMessage(
            "Unknown loss 'step'. Available: smooth. Add the jar that provides it to the class"
                + " path.");
  }

  @Test
  void everyCreateMakesAFreshInstance() {
    LossRegistry registry = discover(stepJar());

    Loss first = registry.create("step");
    Loss second = registry.create("step");

    assertThat(first).isNotSameAs(second);
    first.setWeight(3);
    assertThat(second.weight()).isEqualTo(1.0);
  }

  @Test
  void aDeclaredNameAndItsAliasesAreFoundInAnyCase() {
    Path jar = PluginJars.jar(dir, "smooth.jar").loss("plug.smooth.SmoothLoss", SMOOTH).build();

    LossRegistry registry = discover(jar);

    assertThat(registry.names()).containsExactly("smooth");
    for (String name : List.of("smooth", "SMOOTH", "Smooth_L1", "sl1", " Sl1 ")) {
      Loss loss = registry.create(name);
      assertThat(loss.name()).as(name).isEqualTo("smooth");
      assertThat(loss.getClass().getName()).isEqualTo("plug.smooth.SmoothLoss");
    }
    LossInfo info = registry.describe("SL1");
    assertThat(info.name()).isEqualTo("smooth");
    assertThat(info.aliases()).containsExactly("smooth_l1", "sl1");
    assertThat(info.summary()).isEqualTo("a smooth loss");
    assertThat(info.source()).isEqualTo(jar.toString());
    assertThat(info.parameters())
        .extracting(ParameterInfo::name)
        .containsExactly("beta", "output", "target", "weighted", "weight");
    assertThat(registry.create("sl1(beta=0.5)").toString()).isEqualTo("smooth(beta=0.5)");
  }

  @Test
  void plugInsFromSeveralJarsAreListedTogetherSorted() {
    Path step = stepJar();
    Path smooth = PluginJars.jar(dir, "smooth.jar").loss("plug.smooth.SmoothLoss", SMOOTH).build();

    LossRegistry registry = discover(smooth, step);

    assertThat(registry.names()).containsExactly("smooth", "step");
    assertThat(registry.describe("step").source()).isEqualTo(step.toString());
    assertThat(registry.describe("smooth").source()).isEqualTo(smooth.toString());
  }

  @Test
  void theSameJarTwiceOnOneClassPathIsNoConflict() throws Exception {
    Path jar = stepJar();
    URL plain = jar.toUri().toURL();
    URL dotted = new URL("file:" + jar.getParent() + "/./" + jar.getFileName());

    loader = new URLClassLoader(new URL[] {plain, dotted}, getClass().getClassLoader());
    LossRegistry registry = LossRegistry.discover(loader);

    assertThat(registry.names()).containsExactly("step");
    assertThat(registry.problems()).isEmpty();
    assertThat(registry.create("step").name()).isEqualTo("step");
  }

  @Test
  void theSameJarInParentAndChildLoadersIsNoConflict() throws Exception {
    Path jar = stepJar();
    try (URLClassLoader parent = PluginJars.loader(jar)) {
      loader = new URLClassLoader(PluginJars.urls(jar), parent);

      LossRegistry registry = LossRegistry.discover(loader);

      assertThat(registry.names()).containsExactly("step");
      assertThat(registry.problems()).isEmpty();
      assertThat(registry.create("step").getClass().getClassLoader()).isSameAs(parent);
    }
  }

  @Test
  void aCopyOfAJarUnderAnotherNameIsNoConflict() throws Exception {
    Path jar = stepJar();
    Path copy = Files.copy(jar, dir.resolve("step-copy.jar"));

    LossRegistry registry = discover(jar, copy);

    assertThat(registry.names()).containsExactly("step");
    assertThat(registry.problems()).isEmpty();
  }

  @Test
  void anEmptyClassPathSaysWhichJarToAdd() {
    LossRegistry registry = LossRegistry.discover(getClass().getClassLoader());

    assertThat(registry.names()).isEmpty();
    assertThat(registry.problems()).isEmpty();
    assertThatThrownBy(() -> registry.create("mse"))
        .isInstanceOf(UnknownLossException.class)
        .hasMessage(
            "Unknown loss 'mse': no losses are installed. Add javanets-builtin-losses or a plugin"
                + " jar to the class path.");
    assertThatThrownBy(() -> registry.describe("mse"))
        .isInstanceOf(UnknownLossException.class)
        .hasMessageStartingWith("Unknown loss 'mse': no losses are installed.");
  }

  @Test
  void discoverWithoutArgumentsUsesTheContextClassLoader() {
    Path jar = stepJar();
    loader = PluginJars.loader(jar);
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      assertThat(LossRegistry.discover().names()).containsExactly("step");
    } finally {
      thread.setContextClassLoader(before);
    }
    assertThat(LossRegistry.discover().names()).isEmpty();
  }

  @Test
  void namesAndProblemsAreUnmodifiable() {
    LossRegistry registry = discover(stepJar());

    assertThatThrownBy(() -> registry.names().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> registry.problems().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void createWithAMapConfiguresTheNewLoss() {
    Path jar = PluginJars.jar(dir, "smooth.jar").loss("plug.smooth.SmoothLoss", SMOOTH).build();
    LossRegistry registry = discover(jar);

    Loss loss = registry.create("smooth_l1", Map.of("beta", 0.25, "weight", "2"));

    assertThat(loss.parameter("beta")).isEqualTo(0.25);
    assertThat(loss.weight()).isEqualTo(2.0);
    assertThat(loss.toString()).isEqualTo("smooth(beta=0.25, weight=2.0)");
  }
}
