package io.github.javanets.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unknown names: a suggestion by edit distance, and the sorted names that are available. */
class UnknownLossExceptionTest {
  private static final String AVAILABLE =
      " Available: mmd, norm, pair, samples, squarederror, topscore, tunable. Add the jar that"
          + " provides it to the class path.";

  @TempDir Path dir;

  private LossRegistry registry;

  @BeforeEach
  void fixtures() {
    registry = TestLosses.registry(dir);
  }

  @Test
  void theFixturesAreDiscovered() {
    assertThat(registry.names())
        .containsExactly("mmd", "norm", "pair", "samples", "squarederror", "topscore", "tunable");
    assertThat(registry.problems()).isEmpty();
  }

  @Test
  void unknownNameSuggestsTheClosestOne() {
    assertThatThrownBy(() -> registry.create("mmdd"))
        .isInstanceOf(UnknownLossException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown loss 'mmdd'. Did you mean 'mmd'?" + AVAILABLE);
  }

  @Test
  void theSuggestionIgnoresCaseAndKeepsTheNameAsWritten() {
    assertThatThrownBy(() -> registry.create("Tunabel"))
        .hasMessage("Unknown loss 'Tunabel'. Did you mean 'tunable'?" + AVAILABLE)
        .satisfies(
            e -> {
              UnknownLossException u = (UnknownLossException) e;
              assertThat(u.name()).isEqualTo("Tunabel");
              assertThat(u.suggestion()).isEqualTo("tunable");
              assertThat(u.available()).isEqualTo(new TreeSet<>(registry.names()));
            });
  }

  @Test
  void anAliasCanBeTheSuggestion() {
    assertThatThrownBy(() -> registry.describe("tunning"))
        .isInstanceOf(UnknownLossException.class)
        .hasMessage("Unknown loss 'tunning'. Did you mean 'tuning'?" + AVAILABLE);
  }

  @Test
  void noSuggestionWhenNothingIsClose() {
    assertThatThrownBy(() -> registry.create("hinge", Map.of()))
        .isInstanceOf(UnknownLossException.class)
        .hasMessage("Unknown loss 'hinge'." + AVAILABLE)
        .satisfies(e -> assertThat(((UnknownLossException) e).suggestion()).isNull());
  }

  @Test
  void aSpecWithAnUnknownNameIsUnknownBeforeItsParametersAreRead() {
    assertThatThrownBy(() -> registry.create("nrom(power=2)"))
        .isInstanceOf(UnknownLossException.class)
        .hasMessage("Unknown loss 'nrom'. Did you mean 'norm'?" + AVAILABLE);
  }

  @Test
  void theAvailableNamesAreUnmodifiable() {
    UnknownLossException e =
        (UnknownLossException)
            org.assertj.core.api.Assertions.catchThrowable(() -> registry.create("x"));

    assertThatThrownBy(() -> e.available().add("y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void suggestionsAllowAboutOneEditInThreeLetters() {
    List<String> names = List.of("mse", "mae", "huber", "squarederror");

    assertThat(Names.closest("msee", names)).isEqualTo("mse");
    assertThat(Names.closest("MAE", names)).isEqualTo("mae");
    assertThat(Names.closest("hubr", names)).isEqualTo("huber");
    assertThat(Names.closest("squaredeorr", names)).isEqualTo("squarederror");
    assertThat(Names.closest("xyz", names)).isNull();
    assertThat(Names.closest("ms", List.of("mse", "mae"))).isEqualTo("mse");
    assertThat(Names.closest("hbr", names)).isNull();
  }

  @Test
  void editDistanceCountsInsertionsDeletionsSubstitutionsAndSwaps() {
    assertThat(Names.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Names.distance("", "abc")).isEqualTo(3);
    assertThat(Names.distance("abc", "abc")).isZero();
    assertThat(Names.distance("stpe", "step")).isEqualTo(1);
    assertThat(Names.distance("ab", "ba")).isEqualTo(1);
    assertThat(Names.distance("ca", "abc")).isEqualTo(3);
  }
}
