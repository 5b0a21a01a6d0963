package io.github.javanets.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.javanets.loss.TestLosses.Tunable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parameters are validated when a loss is configured, with messages that name what is wrong. */
class LossParametersTest {
  @TempDir Path dir;

  private LossRegistry registry;

  @BeforeEach
  void fixtures() {
    registry = TestLosses.registry(dir);
  }

  @Test
  void anUnknownParameterSuggestsTheClosestAndListsTheAcceptedOnes() {
    assertThatThrownBy(() -> registry.create("mmd(bandwith=0.5)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Unknown parameter 'bandwith' of loss 'mmd'. Did you mean 'bandwidth'? Accepted:"
                + " kernel, bandwidth, estimator, output, target, weighted, weight.");
  }

  @Test
  void anUnknownParameterWithNothingCloseHasNoSuggestion() {
    assertThatThrownBy(() -> registry.create("Tune", Map.of("gamma", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Unknown parameter 'gamma' of loss 'tunable'. Accepted: alpha, steps, ratio, clip,"
                + " mode, label, output, target, weighted, weight.");
  }

  @Test
  void aNumberOutOfRangeNamesTheParameterTheValueAndTheRange() {
    assertThatThrownBy(() -> registry.create("mmd", Map.of("bandwidth", -1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Parameter 'bandwidth' of loss 'mmd' must be > 0, got -1.0.");
    assertThatThrownBy(() -> registry.create("mmd(bandwidth=0)"))
        .hasMessage("Parameter 'bandwidth' of loss 'mmd' must be > 0, got 0.0.");
    assertThatThrownBy(() -> registry.create("tunable(ratio=1.5)"))
        .hasMessage(
            "Parameter 'ratio' of loss 'tunable' must be a finite number in [0, 1], got 1.5.");
    assertThatThrownBy(() -> registry.create("tunable(steps=0)"))
        .hasMessage("Parameter 'steps' of loss 'tunable' must be a whole number >= 1, got 0.");
    assertThatThrownBy(() -> registry.create("tunable(weight=-2)"))
        .hasMessage("Parameter 'weight' of loss 'tunable' must be >= 0, got -2.0.");
  }

  @Test
  void theBoundsThemselvesAreAcceptedWhereInclusive() {
    Loss loss = registry.create("tunable(ratio=0, steps=1, weight=0)");

    assertThat(loss.parameter("ratio")).isEqualTo(0.0);
    assertThat(loss.parameter("steps")).isEqualTo(1L);
    assertThat(loss.weight()).isZero();
    assertThat(registry.create("tunable(ratio=1)").parameter("ratio")).isEqualTo(1.0);
  }

  @Test
  void aValueOfTheWrongTypeNamesWhatIsAccepted() {
    assertThatThrownBy(() -> registry.create("tunable", Map.of("clip", "yes")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Parameter 'clip' of loss 'tunable' must be true or false, got 'yes'.");
    assertThatThrownBy(() -> registry.create("tunable", Map.of("clip", 1)))
        .hasMessage("Parameter 'clip' of loss 'tunable' must be true or false, got 1.");
    assertThatThrownBy(() -> registry.create("tunable(mode=slow)"))
        .hasMessage("Parameter 'mode' of loss 'tunable' must be one of fast, exact, got 'slow'.");
    assertThatThrownBy(() -> registry.create("tunable(alpha=abc)"))
        .hasMessage("Parameter 'alpha' of loss 'tunable' must be > 0, got 'abc'.");
    assertThatThrownBy(() -> registry.create("tunable(steps=2.5)"))
        .hasMessage("Parameter 'steps' of loss 'tunable' must be a whole number >= 1, got 2.5.");
    assertThatThrownBy(() -> registry.create("tunable", Map.of("steps", 2.5)))
        .hasMessage("Parameter 'steps' of loss 'tunable' must be a whole number >= 1, got 2.5.");
    assertThatThrownBy(() -> registry.create("tunable", Map.of("label", 3)))
        .hasMessage("Parameter 'label' of loss 'tunable' must be any text, got 3.");
    assertThatThrownBy(() -> registry.create("tunable(output='a:b:c')"))
        .hasMessage(
            "Parameter 'output' of loss 'tunable' must be an output name such as 'hid1:out', got"
                + " 'a:b:c'.");
  }

  @Test
  void nonFiniteNumbersAreRejected() {
    assertThatThrownBy(() -> registry.create("tunable(alpha=NaN)"))
        .hasMessage("Parameter 'alpha' of loss 'tunable' must be > 0, got NaN.");
    assertThatThrownBy(() -> registry.create("tunable", Map.of("alpha", Double.POSITIVE_INFINITY)))
        .hasMessage("Parameter 'alpha' of loss 'tunable' must be > 0, got Infinity.");
  }

  @Test
  void valuesAreConvertedToTheParameterType() {
    Map<String, Object> params = new HashMap<>();
    params.put("alpha", 2);
    params.put("steps", "7");
    params.put("ratio", 0.5f);
    params.put("clip", "TRUE");
    params.put("mode", "Exact");
    params.put("output", " hid1 ");
    Loss loss = registry.create("tunable", params);

    assertThat(loss.parameter("alpha")).isEqualTo(2.0);
    assertThat(loss.parameter("steps")).isEqualTo(7L);
    assertThat(loss.parameter("ratio")).isEqualTo(0.5);
    assertThat(loss.parameter("clip")).isEqualTo(true);
    assertThat(loss.parameter("mode")).isEqualTo("exact");
    assertThat(loss.outputName()).isEqualTo("hid1:out");
    assertThat(registry.create("tunable", Map.of("steps", 4.0)).parameter("steps")).isEqualTo(4L);
  }

  @Test
  void configuringTwiceIsAnIllegalState() {
    Loss loss = registry.create("tunable(alpha=2)");

    assertThatThrownBy(() -> loss.configure(Map.of("alpha", 3)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Loss 'tunable' is already configured: tunable(alpha=2.0). Make a new one instead.");
    assertThat(loss.parameter("alpha")).isEqualTo(2.0);
  }

  @Test
  void aNewLossCanBeConfiguredOnceEvenWithNothing() {
    Loss loss = new Tunable();

    assertThat(loss.configure(Map.of())).isSameAs(loss);
    assertThatThrownBy(() -> loss.configure(Map.of())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aRejectedConfigurationChangesNothingAndCanBeRetried() {
    Loss loss = new Tunable();
    Map<String, Object> bad = new java.util.LinkedHashMap<>();
    bad.put("alpha", 2);
    bad.put("steps", 0);

    assertThatThrownBy(() -> loss.configure(bad)).isInstanceOf(IllegalArgumentException.class);
    assertThat(loss.parameter("alpha")).isEqualTo(0.5);
    loss.configure(Map.of("alpha", 2));
    assertThat(loss.toString()).isEqualTo("tunable(alpha=2.0)");
  }

  @Test
  void aNullValueIsRejected() {
    Map<String, Object> params = new HashMap<>();
    params.put("alpha", null);

    assertThatThrownBy(() -> new Tunable().configure(params))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value of alpha");
  }

  @Test
  void theWeightCanChangeAfterConfigurationAndShowsInTheSpec() {
    Loss loss = registry.create("tunable(alpha=2)");

    loss.setWeight(2.5);

    assertThat(loss.weight()).isEqualTo(2.5);
    assertThat(loss.parameter("weight")).isEqualTo(2.5);
    assertThat(loss.toString()).isEqualTo("tunable(alpha=2.0, weight=2.5)");
    assertThat(registry.create(loss.toString()).weight()).isEqualTo(2.5);
    loss.setWeight(1);
    assertThat(loss.toString()).isEqualTo("tunable(alpha=2.0)");
    loss.setWeight(0);
    assertThat(loss.toString()).isEqualTo("tunable(alpha=2.0, weight=0.0)");
  }

  @Test
  void aNegativeNanOrInfiniteWeightIsRejectedAndLeavesTheWeight() {
    Loss loss = registry.create("tunable(weight=3)");

    assertThatThrownBy(() -> loss.setWeight(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Parameter 'weight' of loss 'tunable' must be >= 0, got -1.0.");
    assertThatThrownBy(() -> loss.setWeight(Double.NaN))
        .hasMessage("Parameter 'weight' of loss 'tunable' must be >= 0, got NaN.");
    assertThatThrownBy(() -> loss.setWeight(Double.POSITIVE_INFINITY))
        .hasMessage("Parameter 'weight' of loss 'tunable' must be >= 0, got Infinity.");
    assertThat(loss.weight()).isEqualTo(3.0);
    assertThat(loss.toString()).isEqualTo("tunable(weight=3.0)");
  }

  @Test
  void anUnknownParameterNameIsAnErrorWhenRead() {
    Loss loss = new Tunable();

    assertThatThrownBy(() -> loss.parameter("alhpa"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "Unknown parameter 'alhpa' of loss 'tunable'. Did you mean 'alpha'?");
  }

  @Test
  void theParametersAreEveryValueDeclaredOnesFirstAndUnmodifiable() {
    Loss loss = registry.create("tunable(label='x y', weighted=true)");

    assertThat(loss.parameters())
        .containsExactly(
            Map.entry("alpha", 0.5),
            Map.entry("steps", 3L),
            Map.entry("ratio", 0.25),
            Map.entry("clip", false),
            Map.entry("mode", "fast"),
            Map.entry("label", "x y"),
            Map.entry("output", ""),
            Map.entry("target", "target"),
            Map.entry("weighted", true),
            Map.entry("weight", 1.0));
    assertThat(loss.weighted()).isTrue();
    assertThat(loss.outputName()).isNull();
    assertThat(loss.targetName()).isEqualTo("target");
    assertThatThrownBy(() -> loss.parameters().put("alpha", 1.0))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aLossReadsTheTargetItIsTold() {
    Loss loss = registry.create("squarederror(target=prior)");

    assertThat(loss.targetName()).isEqualTo("prior");
    assertThat(loss.targetKind()).isEqualTo(TargetKind.VALUES);
  }
}
