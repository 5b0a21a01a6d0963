package io.github.javanets.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.javanets.loss.TestLosses.Mmd;
import io.github.javanets.loss.TestLosses.Norm;
import io.github.javanets.loss.TestLosses.Pair;
import io.github.javanets.loss.TestLosses.SquaredError;
import io.github.javanets.loss.TestLosses.TopScore;
import io.github.javanets.loss.TestLosses.Tunable;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;

/** What a loss class declares: name, aliases, parameters, outputs, target kind and source. */
class LossInfoTest {
  private static final String NAME_RULE =
      "': a name must match [a-z0-9_.-]+ and not be one of weight, weighted, target, output.";

  @Test
  void aLossIsNamedAfterItsClassWithoutAnnotations() throws Exception {
    LossInfo info = LossInfo.of(SquaredError.class);

    assertThat(info.name()).isEqualTo("squarederror");
    assertThat(info.aliases()).isEmpty();
    assertThat(info.summary()).isEqualTo("squared error: (o - t)^2");
    assertThat(info.targetKind()).isEqualTo(TargetKind.VALUES);
    assertThat(info.type()).isEqualTo(SquaredError.class);
    assertThat(info.outputParameters()).containsExactly("output");
    assertThat(info.parameters())
        .extracting(ParameterInfo::name)
        .containsExactly("output", "target", "weighted", "weight");
    Path classes =
        Path.of(LossInfoTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(info.source()).isEqualTo(classes.toString());
    assertThat(info).hasToString("squarederror (io.github.javanets.loss.TestLosses$SquaredError)");
  }

  @Test
  void declaredParametersComeFirstThenTheCommonOnes() {
    LossInfo info = LossInfo.of(Tunable.class);

    assertThat(info.name()).isEqualTo("tunable");
    assertThat(info.aliases()).containsExactly("tune", "tuning");
    assertThat(info.summary()).isEmpty();
    assertThat(info.parameters())
        .extracting(ParameterInfo::name)
        .containsExactly(
            "alpha",
            "steps",
            "ratio",
            "clip",
            "mode",
            "label",
            "output",
            "target",
            "weighted",
            "weight");
    assertThat(info.parameters())
        .extracting(ParameterInfo::type)
        .containsExactly(
            ParameterType.DOUBLE,
            ParameterType.INT,
            ParameterType.DOUBLE,
            ParameterType.BOOLEAN,
            ParameterType.CHOICE,
            ParameterType.STRING,
            ParameterType.OUTPUT,
            ParameterType.STRING,
            ParameterType.BOOLEAN,
            ParameterType.DOUBLE);
    assertThat(info.parameters())
        .extracting(ParameterInfo::defaultValue)
        .containsExactly(0.5, 3L, 0.25, false, "fast", "", "", "target", false, 1.0);
    assertThat(info)
        .hasToString("tunable [tune, tuning] (io.github.javanets.loss.TestLosses$Tunable)");
  }

  @Test
  void eachParameterSaysWhatItAccepts() {
    LossInfo info = LossInfo.of(Tunable.class);

    assertThat(info.parameters())
        .extracting(ParameterInfo::accepted)
        .containsExactly(
            "> 0",
            "a whole number >= 1",
            "a finite number in [0, 1]",
            "true or false",
            "one of fast, exact",
            "any text",
            "an output name such as 'hid1:out'",
            "any text",
            "true or false",
            ">= 0");
    assertThat(info.parameter("mode").orElseThrow().choices()).containsExactly("fast", "exact");
    assertThat(info.parameter("alpha").orElseThrow().choices()).isEmpty();
    assertThat(info.parameter("nope")).isEmpty();
  }

  @Test
  void aParameterPrintsItsTypeDefaultRangeAndDescription() {
    LossInfo info = LossInfo.of(Tunable.class);

    assertThat(info.parameter("alpha").orElseThrow())
        .hasToString("alpha (double, default 0.5, > 0): a positive scale");
    assertThat(info.parameter("label").orElseThrow())
        .hasToString("label (string, default '', any text): text");
    assertThat(info.parameter("weight").orElseThrow())
        .hasToString(
            "weight (double, default 1.0, >= 0): the loss's importance in the model's objective");
  }

  @Test
  void aMultiOutputLossHasItsOutputParametersAndNoOutputParameter() {
    LossInfo info = LossInfo.of(Pair.class);

    assertThat(info.outputParameters()).containsExactly("first", "second");
    assertThat(info.parameters())
        .extracting(ParameterInfo::name)
        .containsExactly("first", "second", "target", "weighted", "weight");
    assertThat(info.parameter("first").orElseThrow().defaultValue()).isEqualTo("a:out");
    Loss pair = new Pair();
    assertThat(pair.outputName()).isEqualTo("a:out");
    assertThat(pair.outputNames("ignored")).containsExactly("a:out", "b:pre");
  }

  @Test
  void aSingleOutputLossReadsTheDefaultOutputUnlessTold() {
    assertThat(new SquaredError().outputNames("last")).containsExactly("last:out");
    Loss told = new SquaredError().configure(java.util.Map.of("output", "hid1:pre"));
    assertThat(told.outputNames("last")).containsExactly("hid1:pre");
  }

  @Test
  void theTargetKindIsDeclaredAndInheritedFromClassificationLoss() {
    assertThat(LossInfo.of(TopScore.class).targetKind()).isEqualTo(TargetKind.LABELS);
    assertThat(LossInfo.of(Mmd.class).targetKind()).isEqualTo(TargetKind.SAMPLES);
    assertThat(LossInfo.of(Norm.class).targetKind()).isEqualTo(TargetKind.NONE);
    assertThat(new TopScore().targetKind()).isEqualTo(TargetKind.LABELS);
  }

  @Test
  void theListsAreUnmodifiable() {
    LossInfo info = LossInfo.of(Tunable.class);

    assertThatThrownBy(() -> info.parameters().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> info.aliases().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aliasesAreLowerCasedAndDeduplicated() {
    assertThat(LossInfo.of(Dup.class).name()).isEqualTo("dup");
    assertThat(LossInfo.of(Dup.class).aliases()).containsExactly("d");
  }

  @Test
  void invalidDeclarationsAreRejectedNamingTheClassAndTheProblem() {
    assertInvalid(Abstract.class, "Loss class " + Abstract.class.getName() + " is abstract.");
    assertInvalid(
        BadName.class,
        "Loss class "
            + BadName.class.getName()
            + " has the name 'bad name': names may hold only letters, digits, '_', '-' and '.'.");
    assertInvalid(
        BadAlias.class,
        "Loss class "
            + BadAlias.class.getName()
            + " has the name 'a/b': names may hold only letters, digits, '_', '-' and '.'.");
    assertInvalid(
        CommonName.class,
        "Loss class " + CommonName.class.getName() + " declares parameter 'weight" + NAME_RULE);
    assertInvalid(
        UpperCase.class,
        "Loss class " + UpperCase.class.getName() + " declares parameter 'Alpha" + NAME_RULE);
    assertInvalid(
        Twice.class, "Loss class " + Twice.class.getName() + " declares parameter 'a' twice.");
    assertInvalid(
        NoChoices.class,
        "Loss class "
            + NoChoices.class.getName()
            + ": Parameter 'mode' is a CHOICE but declares no choices.");
    assertInvalid(
        BadChoice.class,
        "Loss class "
            + BadChoice.class.getName()
            + ": Parameter 'mode' has an invalid default 'c'; it must be one of a, b.");
    assertInvalid(
        OutOfRange.class,
        "Loss class "
            + OutOfRange.class.getName()
            + ": Parameter 'alpha' has an invalid default '-1'; it must be > 0.");
  }

  @Test
  void constructingALossWithAnInvalidDeclarationFails() {
    assertThatThrownBy(Twice::new)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Loss class " + Twice.class.getName() + " declares parameter 'a' twice.");
  }

  private static void assertInvalid(Class<? extends Loss> type, String message) {
    assertThatThrownBy(() -> LossInfo.of(type))
        .as(type.getSimpleName())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  abstract static class Base extends Loss {
    @Override
    public SDVariable compute(LossContext ctx) {
      return reduce(ctx, ctx.output());
    }
  }

  abstract static class Abstract extends Base {}

  @LossName(
      value = "DUP",
      aliases = {"dup", "D", "d"})
  static class Dup extends Base {}

  @LossName("bad name")
  static class BadName extends Base {}

  @LossName(value = "ok", aliases = "a/b")
  static class BadAlias extends Base {}

  @LossParam(name = "weight", defaultValue = "1", description = "clash")
  static class CommonName extends Base {}

  @LossParam(name = "Alpha", defaultValue = "1", description = "upper case")
  static class UpperCase extends Base {}

  @LossParam(name = "a", defaultValue = "1", description = "one")
  @LossParam(name = "a", defaultValue = "2", description = "two")
  static class Twice extends Base {}

  @LossParam(name = "mode", type = ParameterType.CHOICE, defaultValue = "a", description = "m")
  static class NoChoices extends Base {}

  @LossParam(
      name = "mode",
      type = ParameterType.CHOICE,
      defaultValue = "c",
      choices = {"a", "b"},
      description = "m")
  static class BadChoice extends Base {}

  @LossParam(name = "alpha", defaultValue = "-1", min = 0, minInclusive = false, description = "a")
  static class OutOfRange extends Base {}

  @Test
  void parameterBoundsAreReadable() {
    ParameterInfo bandwidth =
        LossInfo.of(TestLosses.Mmd.class).parameter("bandwidth").orElseThrow();
    assertThat(bandwidth.min()).isEqualTo(0.0);
    assertThat(bandwidth.minInclusive()).isFalse();
    assertThat(bandwidth.max()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(bandwidth.maxInclusive()).isTrue();
    ParameterInfo weight = LossInfo.of(TestLosses.Mmd.class).parameter("weight").orElseThrow();
    assertThat(weight.min()).isEqualTo(0.0);
    assertThat(weight.minInclusive()).isTrue();
  }
}
