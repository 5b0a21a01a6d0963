package io.github.javanets.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ServiceConfigurationError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken providers are isolated, reported with class and jar, and said to be broken by name. */
class LossRegistryBrokenProviderTest {
  private static final String PREFIX = "io.github.javanets.loss.Loss: ";

  @TempDir Path dir;

  private URLClassLoader loader;

  @AfterEach
  void closeLoader() throws Exception {
    if (loader != null) {
      loader.close();
    }
  }

  private LossRegistry discover(Path jar) {
    loader = PluginJars.loader(jar);
    return LossRegistry.discover(loader);
  }

  private static PluginJars withStep(PluginJars jar) {
    return jar.loss("plug.step.Step", LossRegistryDiscoveryTest.STEP);
  }

  @Test
  void aConstructorThatThrowsBreaksOnlyItsOwnLossAndKeepsTheCause() {
    Path jar =
        withStep(PluginJars.jar(dir, "boom.jar"))
            .loss(
                "plug.boom.Boom",
                PluginJars.lossSource(
                    "plug.boom.Boom",
                    "",
                    "  public Boom() { throw new IllegalStateException(\"boom at construction\"); }"))
            .build();

    LossRegistry registry = discover(jar);

    assertThat(registry.names()).containsExactly("boom", "step");
    assertThat(registry.problems()).isEmpty();
    assertThat(registry.create("step").name()).isEqualTo("step");
    assertThat(registry.describe("boom").type().getName()).isEqualTo("plug.boom.Boom");
    assertThatThrownBy(() -> registry.create("BOOM"))
        .isInstanceOf(BrokenLossProviderException.class)
        .hasMessage(
            "Loss 'boom' is broken: its class plug.boom.Boom (in "
                + jar
                + ") could not be constructed: java.lang.IllegalStateException: boom at"
                + " construction")
        .satisfies(
            e ->
                assertThat(((LossProviderException) e).classNames())
                    .containsExactly("plug.boom.Boom"))
        .cause()
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("boom at construction");
  }

  @Test
  void aListedClassThatDoesNotExistIsReportedWithItsJarAndTheOthersLoad() {
    Path jar = withStep(PluginJars.jar(dir, "ghost.jar")).service("plug.ghost.Ghost").build();

    LossRegistry registry = discover(jar);

    String expected =
        "Loss 'ghost' is broken: its class plug.ghost.Ghost (in "
            + jar
            + ") cannot be used: java.util.ServiceConfigurationError: "
            + PREFIX
            + "Provider plug.ghost.Ghost not found";
    assertThat(registry.names()).containsExactly("step");
    assertThat(registry.problems()).extracting(Throwable::getMessage).containsExactly(expected);
    assertThat(registry.problems().get(0))
        .isInstanceOf(BrokenLossProviderException.class)
        .satisfies(p -> assertThat(p.classNames()).containsExactly("plug.ghost.Ghost"));
    assertThatThrownBy(() -> registry.create("Ghost"))
        .isInstanceOf(BrokenLossProviderException.class)
        .hasMessage(expected)
        .hasCauseInstanceOf(ServiceConfigurationError.class);
    assertThatThrownBy(() -> registry.describe("ghost"))
        .isInstanceOf(BrokenLossProviderException.class)
        .hasMessage(expected);
  }

  @Test
  void twoParametersWithOneNameMakeTheProviderBroken() {
    Path jar =
        withStep(PluginJars.jar(dir, "twice.jar"))
            .loss(
                "plug.bad.Twice",
                PluginJars.lossSource(
                    "plug.bad.Twice",
                    "@LossParam(name = \"alpha\", defaultValue = \"1\", description = \"a\")\n"
                        + "@LossParam(name = \"alpha\", defaultValue = \"2\", description = \"b\")"))
            .build();

    LossRegistry registry = discover(jar);

    String expected =
        "Loss 'twice' is broken: its class plug.bad.Twice (in "
            + jar
            + ") cannot be used: java.lang.IllegalArgumentException: Loss class plug.bad.Twice"
            + " declares parameter 'alpha' twice.";
    assertThat(registry.names()).containsExactly("step");
    assertThat(registry.problems()).extracting(Throwable::getMessage).containsExactly(expected);
    assertThatThrownBy(() -> registry.create("twice"))
        .isInstanceOf(BrokenLossProviderException.class)
        .hasMessage(expected)
        .cause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Loss class plug.bad.Twice declares parameter 'alpha' twice.");
  }

  @Test
  void aBadDefaultMakesTheProviderBrokenUnderItsNameAndAliases() {
    Path jar =
        withStep(PluginJars.jar(dir, "default.jar"))
            .loss(
                "plug.bad.BadDefault",
                PluginJars.lossSource(
                    "plug.bad.BadDefault",
                    "@LossName(value = \"bad_default\", aliases = \"BD\")\n"
                        + "@LossParam(name = \"delta\", defaultValue = \"abc\", description = \"d\")"))
            .build();

    LossRegistry registry = discover(jar);

    String expected =
        "Loss 'bad_default' is broken: its class plug.bad.BadDefault (in "
            + jar
            + ") cannot be used: java.lang.IllegalArgumentException: Loss class"
            + " plug.bad.BadDefault: Parameter 'delta' has an invalid default 'abc'; it must be a finite number.";
    assertThat(registry.names()).containsExactly("step");
    assertThat(registry.problems()).extracting(Throwable::getMessage).containsExactly(expected);
    assertThatThrownBy(() -> registry.create("bad_default"))
        .isInstanceOf(BrokenLossProviderException.class)
        .hasMessage(expected);
    assertThatThrownBy(() -> registry.create("bd"))
        .isInstanceOf(BrokenLossProviderException.class)
        .hasMessage(expected);
  }

  @Test
  void aListedClassThatIsNotALossIsReported() {
    Path jar =
        withStep(PluginJars.jar(dir, "notaloss.jar"))
            .loss("plug.bad.NotALoss", "package plug.bad; public class NotALoss {}")
            .build();

    LossRegistry registry = discover(jar);

    String expected =
        "Loss 'notaloss' is broken: its class plug.bad.NotALoss (in "
            + jar
            + ") cannot be used: java.util.ServiceConfigurationError: "
            + PREFIX
            + "plug.bad.NotALoss not a subtype";
    assertThat(registry.names()).containsExactly("step");
    assertThat(registry.problems()).extracting(Throwable::getMessage).containsExactly(expected);
    assertThatThrownBy(() -> registry.create("notaloss"))
        .isInstanceOf(BrokenLossProviderException.class)
        .hasMessage(expected);
  }

  @Test
  void aLossWithoutAPublicNoArgumentConstructorIsReported() {
    Path jar =
        withStep(PluginJars.jar(dir, "needsarg.jar"))
            .loss(
                "plug.bad.NeedsArg",
                PluginJars.lossSource("plug.bad.NeedsArg", "", "  public NeedsArg(int x) {}"))
            .build();

    LossRegistry registry = discover(jar);

    String expected =
        "Loss 'needsarg' is broken: its class plug.bad.NeedsArg (in "
            + jar
            + ") cannot be used: java.util.ServiceConfigurationError: "
            + PREFIX
            + "plug.bad.NeedsArg Unable to get public no-arg constructor";
    assertThat(registry.names()).containsExactly("step");
    assertThat(registry.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.classNames()).containsExactly("plug.bad.NeedsArg"))
        .extracting(Throwable::getMessage)
        .isEqualTo(expected);
    assertThatThrownBy(() -> registry.create("needsarg"))
        .isInstanceOf(BrokenLossProviderException.class)
        .hasMessage(expected)
        .cause()
        .isInstanceOf(ServiceConfigurationError.class)
        .hasCauseInstanceOf(NoSuchMethodException.class);
  }

  @Test
  void aClassThatFailsToLinkIsReportedAndTheOthersLoad() {
    String base =
        "package plug.link;\n"
            + "public abstract class Base extends io.github.javanets.loss.Loss {}\n";
    String child =
        "package plug.link;\n"
            + "import io.github.javanets.loss.LossContext;\n"
            + "import org.nd4j.autodiff.samediff.SDVariable;\n"
            + "public class Child extends Base {\n"
            + "  @Override public SDVariable compute(LossContext ctx) { return ctx.output(); }\n"
            + "}\n";
    Path jar =
        PluginJars.jar(dir, "link.jar")
            .compileOnly("plug.link.Base", base)
            .loss("plug.link.Child", child)
            .loss("plug.step.Step", LossRegistryDiscoveryTest.STEP)
            .build();

    LossRegistry registry = discover(jar);

    String expected =
        "Loss 'child' is broken: its class plug.link.Child (in "
            + jar
            + ") cannot be used: java.lang.NoClassDefFoundError: plug/link/Base";
    assertThat(registry.names()).containsExactly("step");
    assertThat(registry.problems()).extracting(Throwable::getMessage).containsExactly(expected);
    assertThatThrownBy(() -> registry.create("child"))
        .isInstanceOf(BrokenLossProviderException.class)
        .hasMessage(expected)
        .hasCauseInstanceOf(NoClassDefFoundError.class);
  }

  @Test
  void problemsListEveryBrokenProviderInClassPathOrder() {
    Path jar =
        PluginJars.jar(dir, "mixed.jar")
            .service("plug.ghost.Ghost")
            .loss("plug.step.Step", LossRegistryDiscoveryTest.STEP)
            .loss("plug.bad.NotALoss", "package plug.bad; public class NotALoss {}")
            .build();

    LossRegistry registry = discover(jar);

    assertThat(registry.names()).containsExactly("step");
    assertThat(registry.problems())
        .extracting(LossProviderException::name, p -> p.classNames().get(0))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ghost", "plug.ghost.Ghost"),
            org.assertj.core.groups.Tuple.tuple("notaloss", "plug.bad.NotALoss"));
  }

  @Test
  void aServicesFileWithASyntaxErrorIsReportedWithItsJar() throws Exception {
    Path bad = PluginJars.jar(dir, "syntax.jar").service("plug bad").build();
    Path step = withStep(PluginJars.jar(dir, "step.jar")).build();
    loader = PluginJars.loader(bad, step);

    LossRegistry registry = LossRegistry.discover(loader);

    assertThat(registry.names()).containsExactly("step");
    assertThat(registry.problems())
        .extracting(Throwable::getMessage)
        .containsExactly(
            "A loss services file (in "
                + bad
                + ") cannot be used: java.util.ServiceConfigurationError: "
                + PREFIX
                + "jar:"
                + bad.toUri().toURL()
                + "!/META-INF/services/io.github.javanets.loss.Loss:2: Illegal configuration-file"
                + " syntax");
  }
}
