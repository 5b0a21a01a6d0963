package io.github.javanets.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two providers of one name, and the pins that choose between them. */
class LossRegistryConflictTest {
  private static final String PIN = LossRegistry.PIN_PREFIX + "mse";

  @TempDir Path dir;

  private Path first;
  private Path second;
  private URLClassLoader loader;

  @BeforeEach
  void twoJarsProvidingMse() {
    first =
        PluginJars.jar(dir, "first.jar")
            .loss(
                "one.FirstMse",
                PluginJars.lossSource(
                    "one.FirstMse",
                    "@LossName(value = \"mse\", aliases = {\"l2\", \"shared\"})"
                        + "@LossParam(name = \"scale\", defaultValue = \"1\","
                        + " description = \"a scale\")"))
            .build();
    second =
        PluginJars.jar(dir, "second.jar")
            .loss(
                "two.SecondMse",
                PluginJars.lossSource(
                    "two.SecondMse", "@LossName(value = \"MSE\", aliases = {\"square\"})"))
            .loss(
                "two.Other",
                PluginJars.lossSource(
                    "two.Other", "@LossName(value = \"other\", aliases = \"shared\")"))
            .build();
    loader = PluginJars.loader(first, second);
  }

  @AfterEach
  void cleanUp() throws Exception {
    System.clearProperty(PIN);
    loader.close();
  }

  private String conflictMessage() {
    return "Loss name 'mse' is provided by 2 classes: one.FirstMse (in "
        + first
        + ") and two.SecondMse (in "
        + second
        + "). Remove all but one from the class path, or pin one with"
        + " -Djavanets.loss.mse=one.FirstMse.";
  }

  @Test
  void twoJarsProvidingOneNameIsAConflictNamingBothClassesAndJars() {
    LossRegistry registry = LossRegistry.discover(loader);

    assertThatThrownBy(() -> registry.create("MSE"))
        .isInstanceOf(LossConflictException.class)
        .hasMessage(conflictMessage())
        .satisfies(
            e -> {
              LossConflictException c = (LossConflictException) e;
              assertThat(c.name()).isEqualTo("mse");
              assertThat(c.classNames()).containsExactly("one.FirstMse", "two.SecondMse");
            });
    assertThatThrownBy(() -> registry.describe("mse"))
        .isInstanceOf(LossConflictException.class)
        .hasMessage(conflictMessage());
    assertThat(registry.names()).doesNotContain("mse");
  }

  @Test
  void theConflictIsListedInProblems() {
    LossRegistry registry = LossRegistry.discover(loader);

    assertThat(registry.problems())
        .extracting(Throwable::getMessage)
        .containsExactly(
            conflictMessage(),
            "Loss name 'shared' is provided by 2 classes: one.FirstMse (in "
                + first
                + ") and two.Other (in "
                + second
                + "). Remove all but one from the class path, or pin one with"
                + " -Djavanets.loss.shared=one.FirstMse.");
    assertThat(registry.problems()).allMatch(p -> p instanceof LossConflictException);
  }

  @Test
  void aConflictOnAnAliasLeavesTheOtherNamesOfBothProvidersUsable() {
    LossRegistry registry = LossRegistry.discover(loader);

    assertThat(registry.names()).containsExactly("other");
    assertThat(registry.create("other").getClass().getName()).isEqualTo("two.Other");
    assertThat(registry.create("L2").getClass().getName()).isEqualTo("one.FirstMse");
    assertThat(registry.create("square").getClass().getName()).isEqualTo("two.SecondMse");
    assertThatThrownBy(() -> registry.create("shared"))
        .isInstanceOf(LossConflictException.class)
        .hasMessageContaining("one.FirstMse (in " + first + ") and two.Other (in " + second);
  }

  @Test
  void theClassPathOrderNeverPicksAWinner() {
    try (URLClassLoader reversed = PluginJars.loader(second, first)) {
      LossRegistry registry = LossRegistry.discover(reversed);

      assertThatThrownBy(() -> registry.create("mse"))
          .isInstanceOf(LossConflictException.class)
          .hasMessageContaining("two.SecondMse (in " + second + ") and one.FirstMse (in " + first);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aSystemPropertyPinResolvesTheConflict() {
    System.setProperty(PIN, "two.SecondMse");

    LossRegistry registry = LossRegistry.discover(loader);

    assertThat(registry.names()).containsExactly("mse", "other");
    assertThat(registry.create("Mse").getClass().getName()).isEqualTo("two.SecondMse");
    assertThat(registry.describe("mse").source()).isEqualTo(second.toString());
    assertThat(registry.problems()).hasSize(1);
    assertThat(registry.problems().get(0).name()).isEqualTo("shared");
  }

  @Test
  void anExplicitPinResolvesTheConflictInAnyCase() {
    LossRegistry registry =
        LossRegistry.discover(loader, Map.of("MSE", " one.FirstMse ", "Shared", "two.Other"));

    assertThat(registry.create("mse").getClass().getName()).isEqualTo("one.FirstMse");
    assertThat(registry.create("shared").getClass().getName()).isEqualTo("two.Other");
    assertThat(registry.create("l2").getClass().getName()).isEqualTo("one.FirstMse");
    assertThat(registry.names()).containsExactly("mse", "other");
    assertThat(registry.problems()).isEmpty();
  }

  @Test
  void explicitPinsIgnoreTheSystemProperties() {
    System.setProperty(PIN, "two.SecondMse");

    LossRegistry registry = LossRegistry.discover(loader, Map.of());

    assertThatThrownBy(() -> registry.create("mse")).isInstanceOf(LossConflictException.class);
  }

  @Test
  void aSystemPropertyPinNamingAClassThatDoesNotProvideTheNameIsAnError() {
    System.setProperty(PIN, "two.Other");

    LossRegistry registry = LossRegistry.discover(loader);

    String expected =
        "Loss name 'mse' is pinned to two.Other (system property javanets.loss.mse), which does not"
            + " provide it. Providers: one.FirstMse (in "
            + first
            + ") and two.SecondMse (in "
            + second
            + ").";
    assertThatThrownBy(() -> registry.create("mse"))
        .isInstanceOf(LossConflictException.class)
        .hasMessage(expected);
    assertThat(registry.problems()).extracting(Throwable::getMessage).contains(expected);
  }

  @Test
  void anExplicitPinNamingAMissingClassIsAnErrorThatSaysWhereThePinCameFrom() {
    LossRegistry registry = LossRegistry.discover(loader, Map.of("mse", "three.Nothing"));

    assertThatThrownBy(() -> registry.create("mse"))
        .isInstanceOf(LossConflictException.class)
        .hasMessage(
            "Loss name 'mse' is pinned to three.Nothing (in the pins given to"
                + " LossRegistry.discover), which does not provide it. Providers: one.FirstMse (in "
                + first
                + ") and two.SecondMse (in "
                + second
                + ").");
  }

  @Test
  void aPinOfANameWithOneProviderMustStillNameIt() {
    LossRegistry registry = LossRegistry.discover(loader, Map.of("other", "one.FirstMse"));

    assertThat(registry.names()).doesNotContain("other");
    assertThatThrownBy(() -> registry.create("other"))
        .isInstanceOf(LossConflictException.class)
        .hasMessage(
            "Loss name 'other' is pinned to one.FirstMse (in the pins given to"
                + " LossRegistry.discover), which does not provide it. Providers: two.Other (in "
                + second
                + ").");
  }
}
