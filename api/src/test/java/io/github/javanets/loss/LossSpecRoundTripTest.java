package io.github.javanets.loss;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code toString()} writes the spec that {@code create(spec)} reads back: spec to spec is
 * identity.
 */
class LossSpecRoundTripTest {
  @TempDir Path dir;

  private LossRegistry registry;

  @BeforeEach
  void fixtures() {
    registry = TestLosses.registry(dir);
  }

  private void assertRoundTrip(String spec, String written) {
    Loss loss = registry.create(spec);
    assertThat(loss.toString()).as(spec).isEqualTo(written);
    Loss again = registry.create(written);
    assertThat(again.toString()).as(written).isEqualTo(written);
    assertThat(again.parameters()).as(written).isEqualTo(loss.parameters());
    assertThat(again.getClass()).isEqualTo(loss.getClass());
  }

  @Test
  void aLossWithDefaultsIsItsBareName() {
    assertRoundTrip("Tune", "tunable");
    assertRoundTrip("tunable()", "tunable");
    assertRoundTrip("squarederror", "squarederror");
  }

  @Test
  void theStyleGuideExampleReadsBack() {
    assertRoundTrip(
        "mmd(bandwidth=0.5, estimator=unbiased, weight=2)",
        "mmd(bandwidth=0.5, estimator=unbiased, weight=2.0)");
  }

  @Test
  void parametersAtTheirDefaultsAreLeftOut() {
    assertRoundTrip("tunable(alpha=0.5, steps=3, mode=fast, weight=1, output='')", "tunable");
  }

  @Test
  void everyTypeOfParameterIsWrittenInDeclarationOrder() {
    assertRoundTrip(
        "tuning(weight=0.5, label=x, mode=EXACT, clip=true, ratio=1, steps=5, alpha=2)",
        "tunable(alpha=2.0, steps=5, ratio=1.0, clip=true, mode=exact, label=x, weight=0.5)");
  }

  @Test
  void doublesKeepEveryDigit() {
    assertRoundTrip("tunable(alpha=0.1)", "tunable(alpha=0.1)");
    assertRoundTrip("tunable(alpha=1e-10)", "tunable(alpha=1.0E-10)");
    assertRoundTrip("tunable(alpha=0.30000000000000004)", "tunable(alpha=0.30000000000000004)");
    assertRoundTrip("tunable(alpha=123456789.125)", "tunable(alpha=1.23456789125E8)");
  }

  @Test
  void aBareOutputNameIsNormalized() {
    assertRoundTrip("tunable(output=hid1)", "tunable(output=hid1:out)");
    assertRoundTrip("tunable(output=hid1:pre)", "tunable(output=hid1:pre)");
    assertThat(registry.create("tunable(output=hid1)").outputName()).isEqualTo("hid1:out");
  }

  @Test
  void outputParametersOfAMultiOutputLossAreNormalized() {
    assertRoundTrip("pair(first=mean, second=covar)", "pair(first=mean:out, second=covar:out)");
    assertRoundTrip("pair(first=a:out, second=b:pre)", "pair");
  }

  @Test
  void textThatNeedsQuotesIsQuoted() {
    assertRoundTrip("tunable(label='a b, c')", "tunable(label='a b, c')");
    assertRoundTrip("tunable(label=\"it's\")", "tunable(label='it\\'s')");
    assertRoundTrip("tunable(label='back\\\\slash')", "tunable(label='back\\\\slash')");
    assertRoundTrip("tunable(label='(x=1)')", "tunable(label='(x=1)')");
    assertThat(registry.create("tunable(label='a b, c')").parameter("label")).isEqualTo("a b, c");
  }

  @Test
  void theCommonParametersReadBack() {
    assertRoundTrip(
        "squarederror(weighted=TRUE, target=prior, output=code)",
        "squarederror(output=code:out, target=prior, weighted=true)");
    assertRoundTrip("squarederror(target='my target')", "squarederror(target='my target')");
  }

  @Test
  void aChangedWeightReadsBack() {
    Loss loss = registry.create("mmd(kernel=imq)");
    loss.setWeight(0.125);

    assertThat(loss.toString()).isEqualTo("mmd(kernel=imq, weight=0.125)");
    assertThat(registry.create(loss.toString()).weight()).isEqualTo(0.125);
  }

  @Test
  void everySpecOfTheseReadsBackToItself() {
    for (String spec :
        List.of(
            "tunable(steps=100, clip=true)",
            "tunable(ratio=0.0, label=' ')",
            "tunable(label='tab\there')",
            "mmd(kernel=imq, bandwidth=2.5, estimator=unbiased)",
            "pair(first=x:pre, target=t2, weighted=true, weight=4.0)",
            "norm(output=code:out, weight=0.0)")) {
      assertRoundTrip(spec, spec);
    }
  }
}
