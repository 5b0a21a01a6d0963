package io.github.javanets.loss;

import io.github.javanets.loss.spi.LossEvaluator;
import java.security.CodeSource;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * Every error message of the loss registry and the loss SPI (discovery, declarations, parameters,
 * specs, the look-up of the evaluator), one named method each: what failed, the offending value,
 * what is accepted and how to fix it. (The messages of output names, loss contexts and the arrays a
 * loss reads are in {@code io.github.javanets.loss.internal}'s own {@code Errors}.) Each method
 * returns the exception for its caller to throw ({@code throw Errors.unknownLoss(name, suggestion,
 * available)}), so that a message is found, tested and reworded here alone. Methods take plain
 * values and only format them.
 */
final class Errors {
  private Errors() {}

  // ---- Discovery and the registry -------------------------------------------------------------

  /**
   * No usable provider has the name asked for.
   *
   * @param name the name as asked for
   * @param suggestion the closest name or alias, or null when none is close
   * @param available the canonical names that are available
   */
  static UnknownLossException unknownLoss(
      String name, String suggestion, SortedSet<String> available) {
    String message =
        available.isEmpty()
            ? "Unknown loss '"
                + name
                + "': no losses are installed. Add javanets-builtin-losses or a plugin jar to the"
                + " class path."
            : "Unknown loss '"
                + name
                + "'."
                + (suggestion == null ? "" : " Did you mean '" + suggestion + "'?")
                + " Available: "
                + String.join(", ", available)
                + ". Add the jar that provides it to the class path.";
    return new UnknownLossException(message, name, suggestion, available);
  }

  /**
   * A provider cannot be used: its class is missing, is not a loss, has no public no-argument
   * constructor, fails to link or declares itself invalidly.
   *
   * @param name the name it would answer to, or null when unknown
   * @param className the provider class
   * @param source its jar or folder
   * @param cause why it cannot be used
   */
  static BrokenLossProviderException brokenProvider(
      String name, String className, String source, Throwable cause) {
    String message =
        (name == null ? "A loss provider" : "Loss '" + name + "'")
            + " is broken: its class "
            + className
            + " (in "
            + source
            + ") cannot be used: "
            + cause;
    return new BrokenLossProviderException(name == null ? "" : name, className, message, cause);
  }

  /**
   * A services file, or a provider in it, failed in a way that names no provider class (a syntax
   * error in the file, say).
   *
   * @param source the jar or folder of the services file, or "unknown location"
   * @param cause the failure
   */
  static BrokenLossProviderException unreadableServicesFile(String source, Throwable cause) {
    String message = "A loss services file (in " + source + ") cannot be used: " + cause;
    return new BrokenLossProviderException("", Candidate.UNKNOWN_CLASS, message, cause);
  }

  /**
   * The constructor of a provider given by class (a Guice binding, say) failed; worded as {@link
   * java.util.ServiceLoader} words it, so that the registry reports it as it reports
   * ServiceLoader's.
   *
   * @param className the provider class
   * @param cause the reflective failure
   */
  static ServiceConfigurationError notInstantiable(
      String className, ReflectiveOperationException cause) {
    return new ServiceConfigurationError(className + " could not be instantiated", cause);
  }

  /**
   * A usable provider's constructor threw when {@link LossRegistry#create} called it.
   *
   * @param name the loss's canonical name
   * @param className the provider class
   * @param source its jar or folder
   * @param cause what the constructor threw
   */
  static BrokenLossProviderException notConstructed(
      String name, String className, String source, Throwable cause) {
    return new BrokenLossProviderException(
        name,
        className,
        "Loss '"
            + name
            + "' is broken: its class "
            + className
            + " (in "
            + source
            + ") could not be constructed: "
            + cause,
        cause);
  }

  /**
   * Several providers claim one name or alias and no pin chooses among them.
   *
   * @param key the name, in lower case
   * @param claimants the providers that claim it, at least two
   */
  static LossConflictException nameClaimedTwice(String key, List<Candidate> claimants) {
    return new LossConflictException(
        key,
        classNames(claimants),
        "Loss name '"
            + key
            + "' is provided by "
            + claimants.size()
            + " classes: "
            + describe(claimants)
            + ". Remove all but one from the class path, or pin one with -D"
            + LossRegistry.PIN_PREFIX
            + key
            + "="
            + claimants.get(0).className
            + ".");
  }

  /**
   * A name is pinned to a class that does not provide it.
   *
   * @param key the name, in lower case
   * @param pin the class it is pinned to
   * @param pinOrigin where the pin comes from ("system property javanets.loss.mse")
   * @param claimants the providers that claim the name
   */
  static LossConflictException pinnedToNonProvider(
      String key, String pin, String pinOrigin, List<Candidate> claimants) {
    return new LossConflictException(
        key,
        classNames(claimants),
        "Loss name '"
            + key
            + "' is pinned to "
            + pin
            + " ("
            + pinOrigin
            + "), which does not provide it. Providers: "
            + describe(claimants)
            + ".");
  }

  /**
   * A name that discovery found broken or claimed twice is asked for: the problem discovery
   * recorded, thrown afresh under the name as looked up.
   *
   * @param key the name, in lower case
   * @param problem the problem discovery recorded for it
   */
  static LossProviderException knownProblem(String key, LossProviderException problem) {
    return problem instanceof LossConflictException
        ? new LossConflictException(key, problem.classNames(), problem.getMessage())
        : new BrokenLossProviderException(
            key, problem.classNames().get(0), problem.getMessage(), problem.getCause());
  }

  private static List<String> classNames(List<Candidate> claimants) {
    return claimants.stream().map(c -> c.className).collect(Collectors.toList());
  }

  private static String describe(List<Candidate> claimants) {
    return claimants.stream()
        .map(c -> c.className + " (in " + c.source + ")")
        .collect(Collectors.joining(" and "));
  }

  // ---- Evaluation on arrays -------------------------------------------------------------------

  /**
   * A loss is evaluated on arrays ({@link Loss#value}) where no evaluator is on the class path.
   *
   * @param loss the loss's name
   * @param artifact the artifact that provides the evaluator
   */
  static IllegalStateException noEvaluator(String loss, String artifact) {
    return new IllegalStateException(
        "Loss '"
            + loss
            + "' cannot be evaluated on arrays: Loss.value, Loss.gradient and"
            + " ClassificationLoss.accuracy run in the artifact "
            + artifact
            + ", which is not on the class path. Add it as a dependency (javanets-models,"
            + " javanets-dl4j and javanets-testkit bring it).");
  }

  /**
   * A loss is evaluated on arrays where several evaluators are on the class path.
   *
   * @param loss the loss's name
   * @param providers the evaluator classes
   * @param artifact the artifact that provides the evaluator
   */
  static IllegalStateException severalEvaluators(
      String loss, List<? extends Class<?>> providers, String artifact) {
    return new IllegalStateException(
        "Loss '"
            + loss
            + "' cannot be evaluated on arrays: "
            + providers.size()
            + " providers of "
            + LossEvaluator.class.getName()
            + " are on the class path ("
            + providers.stream()
                .map(p -> p.getName() + " in " + codeLocation(p))
                .collect(Collectors.joining(", "))
            + "); keep one copy of "
            + artifact
            + " only.");
  }

  /**
   * A loss is evaluated on arrays where the evaluator fails to load.
   *
   * @param loss the loss's name
   * @param artifact the artifact that provides the evaluator
   * @param cause what {@link java.util.ServiceLoader} said
   */
  static IllegalStateException brokenEvaluator(
      String loss, String artifact, ServiceConfigurationError cause) {
    return new IllegalStateException(
        "Loss '"
            + loss
            + "' cannot be evaluated on arrays: the evaluator of "
            + artifact
            + " failed to load ("
            + cause.getMessage()
            + "). Check that its version matches javanets-api's.",
        cause);
  }

  private static String codeLocation(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    return source == null || source.getLocation() == null
        ? "an unknown location"
        : source.getLocation().toString();
  }

  // ---- Declarations of loss classes -----------------------------------------------------------

  /**
   * A loss class is abstract, so it cannot be a provider.
   *
   * @param type the class
   */
  static IllegalArgumentException abstractLossClass(Class<?> type) {
    return new IllegalArgumentException(where(type) + " is abstract.");
  }

  /**
   * A loss class's name or alias holds characters other than letters, digits, '_', '-' and '.'.
   *
   * @param type the class
   * @param name the name or alias, in lower case
   */
  static IllegalArgumentException badLossName(Class<?> type, String name) {
    return new IllegalArgumentException(
        where(type)
            + " has the name '"
            + name
            + "': names may hold only letters, digits, '_', '-' and '.'.");
  }

  /**
   * A loss class declares a parameter whose name does not match the pattern or is a common one.
   *
   * @param type the class
   * @param parameter the declared name
   * @param pattern the pattern a name must match
   */
  static IllegalArgumentException badParameterName(
      Class<?> type, String parameter, String pattern) {
    return new IllegalArgumentException(
        where(type)
            + " declares parameter '"
            + parameter
            + "': a name must match "
            + pattern
            + " and not be one of weight, weighted, target, output.");
  }

  /**
   * A loss class declares one parameter name twice.
   *
   * @param type the class
   * @param parameter the name
   */
  static IllegalArgumentException parameterDeclaredTwice(Class<?> type, String parameter) {
    return new IllegalArgumentException(
        where(type) + " declares parameter '" + parameter + "' twice.");
  }

  /**
   * A loss class declares a parameter that {@link ParameterInfo} refuses (no choices, a bad
   * default).
   *
   * @param type the class
   * @param cause the refusal, whose message follows the class's name
   */
  static IllegalArgumentException badParameterDeclaration(
      Class<?> type, IllegalArgumentException cause) {
    return new IllegalArgumentException(where(type) + ": " + cause.getMessage(), cause);
  }

  /**
   * A {@link ParameterType#CHOICE} parameter declares no choices.
   *
   * @param parameter the parameter's name
   */
  static IllegalArgumentException noChoices(String parameter) {
    return new IllegalArgumentException(
        "Parameter '" + parameter + "' is a CHOICE but declares no choices.");
  }

  /**
   * A parameter's declared default is not a value it accepts.
   *
   * @param parameter the parameter's name
   * @param defaultText the default as declared
   * @param accepted what it accepts, in words ({@link ParameterInfo#accepted()})
   * @param cause why the default is refused
   */
  static IllegalArgumentException badDefault(
      String parameter, String defaultText, String accepted, IllegalArgumentException cause) {
    return new IllegalArgumentException(
        "Parameter '"
            + parameter
            + "' has an invalid default '"
            + defaultText
            + "'; it must be "
            + accepted
            + ".",
        cause);
  }

  private static String where(Class<?> type) {
    return "Loss class " + type.getName();
  }

  // ---- Parameters of a loss -------------------------------------------------------------------

  /**
   * A value given for a parameter is not one it accepts.
   *
   * @param parameter the parameter's name
   * @param loss the loss's name
   * @param accepted what it accepts, in words ({@link ParameterInfo#accepted()})
   * @param value the value as the message shows it (a number, or quoted text)
   * @param cause why it is refused (one of the {@code value...} errors below)
   */
  static IllegalArgumentException badParameterValue(
      String parameter, String loss, String accepted, String value, Throwable cause) {
    return new IllegalArgumentException(
        "Parameter '"
            + parameter
            + "' of loss '"
            + loss
            + "' must be "
            + accepted
            + ", got "
            + value
            + ".",
        cause);
  }

  /**
   * A loss is given a parameter it does not have.
   *
   * @param parameter the name given
   * @param loss the loss's name
   * @param suggestion the closest parameter name, or null when none is close
   * @param accepted every parameter the loss has, in order
   */
  static IllegalArgumentException unknownParameter(
      String parameter, String loss, String suggestion, List<String> accepted) {
    return new IllegalArgumentException(
        "Unknown parameter '"
            + parameter
            + "' of loss '"
            + loss
            + "'."
            + (suggestion == null ? "" : " Did you mean '" + suggestion + "'?")
            + " Accepted: "
            + String.join(", ", accepted)
            + ".");
  }

  /**
   * {@link Loss#configure} is called a second time.
   *
   * @param loss the loss's name
   * @param spec the loss's spec as configured ({@link Loss#toString()})
   */
  static IllegalStateException alreadyConfigured(String loss, String spec) {
    return new IllegalStateException(
        "Loss '" + loss + "' is already configured: " + spec + ". Make a new one instead.");
  }

  /**
   * A choice is not among a parameter's choices; the cause of {@link #badParameterValue}.
   *
   * @param choices the accepted choices
   */
  static IllegalArgumentException valueNotAChoice(List<String> choices) {
    return new IllegalArgumentException("not one of " + choices);
  }

  /**
   * A value for a number parameter is neither a number nor the text of one; the cause of {@link
   * #badParameterValue}.
   *
   * @param cause the parse failure, or null when the value is of another type
   */
  static IllegalArgumentException valueNotANumber(NumberFormatException cause) {
    return new IllegalArgumentException("not a number", cause);
  }

  /** A value for a number parameter is NaN or infinite; the cause of {@link #badParameterValue}. */
  static IllegalArgumentException valueNotFinite() {
    return new IllegalArgumentException("not finite");
  }

  /**
   * A value for a whole-number parameter has a fraction or is too large to be exact; the cause of
   * {@link #badParameterValue}.
   */
  static IllegalArgumentException valueNotWhole() {
    return new IllegalArgumentException("not a whole number");
  }

  /**
   * A value for a boolean parameter is not true or false; the cause of {@link #badParameterValue}.
   */
  static IllegalArgumentException valueNotBoolean() {
    return new IllegalArgumentException("not a boolean");
  }

  /** A value for a text parameter is not text; the cause of {@link #badParameterValue}. */
  static IllegalArgumentException valueNotText() {
    return new IllegalArgumentException("not text");
  }

  /** A number is outside a parameter's range; the cause of {@link #badParameterValue}. */
  static IllegalArgumentException valueOutOfRange() {
    return new IllegalArgumentException("out of range");
  }

  // ---- Loss specs -----------------------------------------------------------------------------

  /**
   * A loss spec lacks what its grammar needs at a position: a name, a value, a character.
   *
   * @param spec the spec text
   * @param position where, from 0
   * @param what what is needed there ("a loss name", "'='")
   */
  static IllegalArgumentException specExpected(String spec, int position, String what) {
    return badSpec(spec, position, "expected " + what);
  }

  /**
   * A loss spec lacks a character its grammar needs at a position.
   *
   * @param spec the spec text
   * @param position where, from 0
   * @param c the character needed
   */
  static IllegalArgumentException specExpected(String spec, int position, char c) {
    return specExpected(spec, position, "'" + c + "'");
  }

  /**
   * A loss spec has text after its end.
   *
   * @param spec the spec text
   * @param position where the extra text starts, from 0
   */
  static IllegalArgumentException specNotEnded(String spec, int position) {
    return specExpected(spec, position, "the end of the spec");
  }

  /**
   * A loss spec gives one parameter twice.
   *
   * @param spec the spec text
   * @param position where the second value ends, from 0
   * @param parameter the parameter's name
   */
  static IllegalArgumentException specParameterTwice(String spec, int position, String parameter) {
    return badSpec(spec, position, "parameter '" + parameter + "' is given twice");
  }

  /**
   * A loss spec opens a quote that it never closes.
   *
   * @param spec the spec text
   * @param position the end of the text, from 0
   */
  static IllegalArgumentException specQuoteNotClosed(String spec, int position) {
    return badSpec(spec, position, "the quoted value is not closed");
  }

  private static IllegalArgumentException badSpec(String spec, int position, String what) {
    return new IllegalArgumentException(
        "Cannot read loss spec '" + spec + "': " + what + " at position " + position + ".");
  }
}
