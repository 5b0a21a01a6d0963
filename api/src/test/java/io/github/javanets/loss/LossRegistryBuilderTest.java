package io.github.javanets.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.javanets.loss.TestLosses.SquaredError;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SDVariable;

/** Providers given by class (as Guice bindings give them), merged with ServiceLoader's. */
class LossRegistryBuilderTest {
  private static final String ORIGIN = "a Guice binding";

  @TempDir Path dir;

  private Path jar;
  private URLClassLoader loader;

  /** Claims the name of the jar's loss. */
  @LossName("jarloss")
  public static class Rival extends Loss {
    @Override
    public SDVariable compute(LossContext ctx) {
      return reduce(ctx, ctx.output());
    }
  }

  /** Cannot be constructed. */
  public static class Exploding extends Loss {
    public Exploding() {
      throw new IllegalStateException("boom");
    }

    @Override
    public SDVariable compute(LossContext ctx) {
      return reduce(ctx, ctx.output());
    }
  }

  @BeforeEach
  void aJarWithOneLoss() {
    jar =
        PluginJars.jar(dir, "plugin.jar")
            .loss("p.JarLoss", PluginJars.lossSource("p.JarLoss", "@LossName(\"jarloss\")"))
            .build();
    loader = PluginJars.loader(jar);
  }

  @AfterEach
  void close() throws Exception {
    loader.close();
  }

  @Test
  void aGivenProviderIsFoundBesideTheDiscoveredOnes() {
    LossRegistry registry =
        LossRegistry.builder().classLoader(loader).provider(SquaredError.class, ORIGIN).build();
    assertThat(registry.names()).containsExactly("jarloss", "squarederror");
    assertThat(registry.create("SquaredError")).isInstanceOf(SquaredError.class);
    assertThat(registry.describe("squarederror").type()).isEqualTo(SquaredError.class);
  }

  @Test
  void aGivenProviderClaimingADiscoveredNameIsAConflictNamingItsOrigin() {
    LossRegistry registry =
        LossRegistry.builder().classLoader(loader).provider(Rival.class, ORIGIN).build();
    assertThatThrownBy(() -> registry.create("jarloss"))
        .isInstanceOf(LossConflictException.class)
        .hasMessage(
            "Loss name 'jarloss' is provided by 2 classes: p.JarLoss (in "
                + jar
                + ") and "
                + Rival.class.getName()
                + " (in a Guice binding, class in "
                + LossInfo.sourceOf(Rival.class)
                + "). Remove all but one from the class path, or pin one with"
                + " -Djavanets.loss.jarloss=p.JarLoss.");
  }

  @Test
  void aPinGivenToTheBuilderResolvesTheConflict() {
    LossRegistry registry =
        LossRegistry.builder()
            .classLoader(loader)
            .provider(Rival.class, ORIGIN)
            .pin("JarLoss", Rival.class.getName(), ORIGIN)
            .build();
    assertThat(registry.create("jarloss")).isInstanceOf(Rival.class);
    assertThat(registry.problems()).isEmpty();
  }

  @Test
  void aPinOfAClassThatDoesNotProvideTheNameSaysWhereItCameFrom() {
    LossRegistry registry =
        LossRegistry.builder().classLoader(loader).pin("jarloss", "no.Such", ORIGIN).build();
    assertThatThrownBy(() -> registry.create("jarloss"))
        .isInstanceOf(LossConflictException.class)
        .hasMessage(
            "Loss name 'jarloss' is pinned to no.Such (a Guice binding), which does not provide it."
                + " Providers: p.JarLoss (in "
                + jar
                + ").");
  }

  @Test
  void theSameClassGivenAndDiscoveredCountsOnce() throws Exception {
    Class<? extends Loss> discovered = loader.loadClass("p.JarLoss").asSubclass(Loss.class);
    LossRegistry registry =
        LossRegistry.builder().classLoader(loader).provider(discovered, ORIGIN).build();
    assertThat(registry.names()).containsExactly("jarloss");
    assertThat(registry.problems()).isEmpty();
  }

  @Test
  void aGivenProviderWhoseConstructorThrowsIsReportedBrokenWithItsCause() {
    LossRegistry registry =
        LossRegistry.builder().classLoader(loader).provider(Exploding.class, ORIGIN).build();
    assertThatThrownBy(() -> registry.create("exploding"))
        .isInstanceOf(BrokenLossProviderException.class)
        .hasMessageStartingWith(
            "Loss 'exploding' is broken: its class " + Exploding.class.getName() + " (in " + ORIGIN)
        .hasMessageEndingWith("could not be constructed: java.lang.IllegalStateException: boom")
        .hasRootCauseMessage("boom");
  }
}
