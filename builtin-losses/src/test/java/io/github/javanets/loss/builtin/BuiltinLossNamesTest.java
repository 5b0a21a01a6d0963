package io.github.javanets.loss.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.loss.ClassificationLoss;
import io.github.javanets.loss.LossRegistry;
import io.github.javanets.loss.TargetKind;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The built-in names and aliases of docs/losses.md, found through discovery. */
class BuiltinLossNamesTest {
  private static final LossRegistry REGISTRY = LossRegistry.discover();

  @Test
  void theBuiltinsAreExactlyTheNineOfTheSpec() {
    assertThat(REGISTRY.names())
        .containsExactly("bce", "gll", "hinge", "huber", "kl", "mae", "mmd", "mse", "xe");
    assertThat(REGISTRY.problems()).isEmpty();
  }

  static Stream<Arguments> aliases() {
    return Stream.of(
        Arguments.of("meansquarederror", "mse"),
        Arguments.of("mean_squared_error", "mse"),
        Arguments.of("meanabsoluteerror", "mae"),
        Arguments.of("mean_absolute_error", "mae"),
        Arguments.of("crossentropy", "xe"),
        Arguments.of("cross_entropy", "xe"),
        Arguments.of("categorical_crossentropy", "xe"),
        Arguments.of("kld", "kl"),
        Arguments.of("kullbackleiblerdivergence", "kl"),
        Arguments.of("gaussianloglikelihood", "gll"),
        Arguments.of("gaussian_nll", "gll"),
        Arguments.of("maximummeandiscrepancy", "mmd"),
        Arguments.of("binary_crossentropy", "bce"),
        Arguments.of("KullbackLeiblerDivergence", "kl"),
        Arguments.of("MSE", "mse"),
        Arguments.of("Mse", "mse"),
        Arguments.of("HUBER", "huber"),
        Arguments.of("Hinge", "hinge"));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @MethodSource("aliases")
  void everyAliasOfTheSpecNamesItsLoss(String alias, String name) {
    assertThat(REGISTRY.create(alias).name()).isEqualTo(name);
    assertThat(REGISTRY.create(alias.toUpperCase(Locale.ROOT)).name()).isEqualTo(name);
    assertThat(REGISTRY.describe(alias).name()).isEqualTo(name);
  }

  @Test
  void targetKindsAreThoseOfTheSpec() {
    for (String name : new String[] {"mse", "mae", "kl", "gll", "bce", "huber"}) {
      assertThat(REGISTRY.describe(name).targetKind()).as(name).isEqualTo(TargetKind.VALUES);
    }
    assertThat(REGISTRY.describe("xe").targetKind()).isEqualTo(TargetKind.LABELS);
    assertThat(REGISTRY.describe("hinge").targetKind()).isEqualTo(TargetKind.LABELS);
    assertThat(REGISTRY.describe("mmd").targetKind()).isEqualTo(TargetKind.SAMPLES);
    assertThat(REGISTRY.create("xe")).isInstanceOf(ClassificationLoss.class);
    assertThat(REGISTRY.create("hinge")).isInstanceOf(ClassificationLoss.class);
  }

  @Test
  void everyBuiltinComesFromThisJarWithASummary() {
    for (String name : REGISTRY.names()) {
      assertThat(REGISTRY.describe(name).type().getPackageName())
          .as(name)
          .isEqualTo("io.github.javanets.loss.builtin");
      assertThat(REGISTRY.describe(name).summary()).as("summary of " + name).isNotBlank();
    }
  }
}
