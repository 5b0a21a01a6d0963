package io.github.javanets.loss;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.conventions.ErrorsClasses;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every message of the registry, the loss declarations, parameters, specs and the evaluator's
 * look-up, with sample values, word for word. (Those of output names, loss contexts and arrays are
 * tested with the internal package's Errors.)
 */
class ErrorsTest {
  private static final RuntimeException BOOM = new RuntimeException("boom");

  private static Candidate claimant(String className, String jar) {
    return Candidate.broken(className, List.of("mse"), jar, BOOM);
  }

  private static final List<Candidate> TWO =
      List.of(claimant("com.acme.Mse", "/jars/acme.jar"), claimant("org.x.Mse", "/jars/x.jar"));

  @Test
  void everyMethodReturnsTheExceptionToThrow() {
    ErrorsClasses.assertEveryMethodReturnsAnException(Errors.class);
  }

  @Test
  void unknownLossSuggestsAndListsTheAvailableNames() {
    UnknownLossException e =
        Errors.unknownLoss("msee", "mse", new TreeSet<>(List.of("mse", "bce")));
    assertThat(e)
        .hasMessage(
            "Unknown loss 'msee'. Did you mean 'mse'? Available: bce, mse. Add the jar that"
                + " provides it to the class path.");
    assertThat(e.name()).isEqualTo("msee");
    assertThat(e.suggestion()).isEqualTo("mse");
    assertThat(e.available()).containsExactly("bce", "mse");
    assertThat(Errors.unknownLoss("zz", null, new TreeSet<>(List.of("mse"))))
        .hasMessage(
            "Unknown loss 'zz'. Available: mse. Add the jar that provides it to the class path.");
    assertThat(Errors.unknownLoss("mse", null, new TreeSet<>()))
        .hasMessage(
            "Unknown loss 'mse': no losses are installed. Add javanets-builtin-losses or a plugin"
                + " jar to the class path.");
  }

  @Test
  void brokenProviderNamesItsClassJarAndCause() {
    BrokenLossProviderException e =
        Errors.brokenProvider("mse", "com.acme.Mse", "/jars/acme.jar", BOOM);
    assertThat(e)
        .hasMessage(
            "Loss 'mse' is broken: its class com.acme.Mse (in /jars/acme.jar) cannot be used:"
                + " java.lang.RuntimeException: boom")
        .hasCause(BOOM);
    assertThat(e.name()).isEqualTo("mse");
    assertThat(e.classNames()).containsExactly("com.acme.Mse");
    BrokenLossProviderException unnamed =
        Errors.brokenProvider(null, "com.acme.Mse", "/jars/acme.jar", BOOM);
    assertThat(unnamed)
        .hasMessage(
            "A loss provider is broken: its class com.acme.Mse (in /jars/acme.jar) cannot be used:"
                + " java.lang.RuntimeException: boom");
    assertThat(unnamed.name()).isEmpty();
  }

  @Test
  void unreadableServicesFileNamesItsJar() {
    BrokenLossProviderException e = Errors.unreadableServicesFile("/jars/acme.jar", BOOM);
    assertThat(e)
        .hasMessage(
            "A loss services file (in /jars/acme.jar) cannot be used:"
                + " java.lang.RuntimeException: boom");
    assertThat(e.classNames()).containsExactly("(unknown class)");
  }

  @Test
  void notInstantiableIsWordedAsServiceLoaderWordsIt() {
    ReflectiveOperationException cause = new InstantiationException("abstract");
    ServiceConfigurationError e = Errors.notInstantiable("com.acme.Mse", cause);
    assertThat(e).hasMessage("com.acme.Mse could not be instantiated").hasCause(cause);
  }

  @Test
  void notConstructedNamesTheClassJarAndWhatTheConstructorThrew() {
    assertThat(Errors.notConstructed("mse", "com.acme.Mse", "/jars/acme.jar", BOOM))
        .hasMessage(
            "Loss 'mse' is broken: its class com.acme.Mse (in /jars/acme.jar) could not be"
                + " constructed: java.lang.RuntimeException: boom")
        .hasCause(BOOM);
  }

  @Test
  void aNameClaimedTwiceNamesBothClassesAndJarsAndHowToPin() {
    LossConflictException e = Errors.nameClaimedTwice("mse", TWO);
    assertThat(e)
        .hasMessage(
            "Loss name 'mse' is provided by 2 classes: com.acme.Mse (in /jars/acme.jar) and"
                + " org.x.Mse (in /jars/x.jar). Remove all but one from the class path, or pin one"
                + " with -Djavanets.loss.mse=com.acme.Mse.");
    assertThat(e.name()).isEqualTo("mse");
    assertThat(e.classNames()).containsExactly("com.acme.Mse", "org.x.Mse");
  }

  @Test
  void aPinToANonProviderNamesThePinItsOriginAndTheProviders() {
    assertThat(
            Errors.pinnedToNonProvider(
                "mse", "com.other.Mse", "system property javanets.loss.mse", TWO))
        .hasMessage(
            "Loss name 'mse' is pinned to com.other.Mse (system property javanets.loss.mse),"
                + " which does not provide it. Providers: com.acme.Mse (in /jars/acme.jar) and"
                + " org.x.Mse (in /jars/x.jar).");
  }

  @Test
  void aKnownProblemIsThrownAfreshUnderTheNameLookedUp() {
    LossConflictException conflict = Errors.nameClaimedTwice("mse", TWO);
    LossProviderException again = Errors.knownProblem("l2", conflict);
    assertThat(again)
        .isInstanceOf(LossConflictException.class)
        .isNotSameAs(conflict)
        .hasMessage(conflict.getMessage());
    assertThat(again.name()).isEqualTo("l2");
    assertThat(again.classNames()).containsExactly("com.acme.Mse", "org.x.Mse");
    BrokenLossProviderException broken =
        Errors.brokenProvider("mse", "com.acme.Mse", "/jars/acme.jar", BOOM);
    assertThat(Errors.knownProblem("l2", broken))
        .isInstanceOf(BrokenLossProviderException.class)
        .hasMessage(broken.getMessage())
        .hasCause(BOOM);
  }

  @Test
  void evaluatorErrorsSayWhichArtifactToAddOrRemove() {
    String artifact = "io.github.javanets:javanets-runtime";
    assertThat(Errors.noEvaluator("mse", artifact))
        .hasMessage(
            "Loss 'mse' cannot be evaluated on arrays: Loss.value, Loss.gradient and"
                + " ClassificationLoss.accuracy run in the artifact"
                + " io.github.javanets:javanets-runtime, which is not on the class path. Add it as"
                + " a dependency (javanets-models, javanets-dl4j and javanets-testkit bring it).");
    assertThat(Errors.severalEvaluators("mse", List.of(String.class, Integer.class), artifact))
        .hasMessage(
            "Loss 'mse' cannot be evaluated on arrays: 2 providers of"
                + " io.github.javanets.loss.spi.LossEvaluator are on the class path"
                + " (java.lang.String in an unknown location, java.lang.Integer in an unknown"
                + " location); keep one copy of io.github.javanets:javanets-runtime only.");
    ServiceConfigurationError cause = new ServiceConfigurationError("x.Evaluator not found");
    assertThat(Errors.brokenEvaluator("mse", artifact, cause))
        .hasMessage(
            "Loss 'mse' cannot be evaluated on arrays: the evaluator of"
                + " io.github.javanets:javanets-runtime failed to load (x.Evaluator not found)."
                + " Check that its version matches javanets-api's.")
        .hasCause(cause);
  }

  @Test
  void declarationErrorsNameTheLossClass() {
    Class<?> type = TestLosses.Tunable.class;
    String where = "Loss class io.github.javanets.loss.TestLosses$Tunable";
    assertThat(Errors.abstractLossClass(type)).hasMessage(where + " is abstract.");
    assertThat(Errors.badLossName(type, "my loss"))
        .hasMessage(
            where
                + " has the name 'my loss': names may hold only letters, digits, '_', '-' and"
                + " '.'.");
    assertThat(Errors.badParameterName(type, "Alpha", "[a-z0-9_]+"))
        .hasMessage(
            where
                + " declares parameter 'Alpha': a name must match [a-z0-9_]+ and not be one of"
                + " weight, weighted, target, output.");
    assertThat(Errors.parameterDeclaredTwice(type, "alpha"))
        .hasMessage(where + " declares parameter 'alpha' twice.");
    IllegalArgumentException cause = Errors.noChoices("kernel");
    assertThat(Errors.badParameterDeclaration(type, cause))
        .hasMessage(where + ": Parameter 'kernel' is a CHOICE but declares no choices.")
        .hasCause(cause);
  }

  @Test
  void parameterDeclarationErrorsNameTheParameter() {
    assertThat(Errors.noChoices("kernel"))
        .hasMessage("Parameter 'kernel' is a CHOICE but declares no choices.");
    IllegalArgumentException cause = Errors.valueOutOfRange();
    assertThat(Errors.badDefault("alpha", "-1", "> 0", cause))
        .hasMessage("Parameter 'alpha' has an invalid default '-1'; it must be > 0.")
        .hasCause(cause);
  }

  @Test
  void parameterValueErrorsNameTheValueAndWhatIsAccepted() {
    IllegalArgumentException cause = Errors.valueOutOfRange();
    assertThat(Errors.badParameterValue("bandwidth", "mmd", "> 0", "-1.0", cause))
        .hasMessage("Parameter 'bandwidth' of loss 'mmd' must be > 0, got -1.0.")
        .hasCause(cause);
    assertThat(
            Errors.unknownParameter(
                "bandwith", "mmd", "bandwidth", List.of("bandwidth", "output", "weight")))
        .hasMessage(
            "Unknown parameter 'bandwith' of loss 'mmd'. Did you mean 'bandwidth'? Accepted:"
                + " bandwidth, output, weight.");
    assertThat(Errors.unknownParameter("zz", "mse", null, List.of("output", "weight")))
        .hasMessage("Unknown parameter 'zz' of loss 'mse'. Accepted: output, weight.");
    assertThat(Errors.alreadyConfigured("mmd", "mmd(bandwidth=0.5)"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Loss 'mmd' is already configured: mmd(bandwidth=0.5). Make a new one instead.");
  }

  @Test
  void theCausesOfABadValueSayWhatItIsNot() {
    assertThat(Errors.valueNotAChoice(List.of("gaussian", "imq")))
        .hasMessage("not one of [gaussian, imq]");
    NumberFormatException nfe = new NumberFormatException("x");
    assertThat(Errors.valueNotANumber(nfe)).hasMessage("not a number").hasCause(nfe);
    assertThat(Errors.valueNotANumber(null)).hasMessage("not a number").hasNoCause();
    assertThat(Errors.valueNotFinite()).hasMessage("not finite");
    assertThat(Errors.valueNotWhole()).hasMessage("not a whole number");
    assertThat(Errors.valueNotBoolean()).hasMessage("not a boolean");
    assertThat(Errors.valueNotText()).hasMessage("not text");
    assertThat(Errors.valueOutOfRange()).hasMessage("out of range");
  }

  @Test
  void specErrorsQuoteTheSpecAndThePosition() {
    String spec = "mmd(bandwidth=0.5";
    assertThat(Errors.specExpected(spec, 17, "a value"))
        .hasMessage("Cannot read loss spec 'mmd(bandwidth=0.5': expected a value at position 17.");
    assertThat(Errors.specExpected(spec, 17, ')'))
        .hasMessage("Cannot read loss spec 'mmd(bandwidth=0.5': expected ')' at position 17.");
    assertThat(Errors.specNotEnded("mse x", 4))
        .hasMessage("Cannot read loss spec 'mse x': expected the end of the spec at position 4.");
    assertThat(Errors.specParameterTwice("mmd(a=1, a=2)", 12, "a"))
        .hasMessage(
            "Cannot read loss spec 'mmd(a=1, a=2)': parameter 'a' is given twice at position"
                + " 12.");
    assertThat(Errors.specQuoteNotClosed("mmd(a='x)", 9))
        .hasMessage(
            "Cannot read loss spec 'mmd(a='x)': the quoted value is not closed at position 9.");
  }
}
