package io.github.javanets.loss;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/** One provider found by discovery: usable (its declaration was read) or broken (with why). */
final class Candidate {
  /** The class name reported when a failure names none. */
  static final String UNKNOWN_CLASS = "(unknown class)";

  final String className;
  final String source;
  final LossInfo info;
  final Supplier<? extends Loss> provider;
  final List<String> brokenNames;
  final LossProviderException failure;

  private Candidate(
      String className,
      String source,
      LossInfo info,
      Supplier<? extends Loss> provider,
      List<String> brokenNames,
      LossProviderException failure) {
    this.className = className;
    this.source = source;
    this.info = info;
    this.provider = provider;
    this.brokenNames = List.copyOf(brokenNames);
    this.failure = failure;
  }

  static Candidate usable(ServiceLoader.Provider<? extends Loss> provider, LossInfo info) {
    return new Candidate(info.type().getName(), info.source(), info, provider, List.of(), null);
  }

  /**
   * A provider given by class rather than found by ServiceLoader (a Guice binding, say).
   *
   * @param type the loss class
   * @param origin where it was given, for messages, such as "a Guice binding"
   */
  static Candidate given(Class<? extends Loss> type, String origin) {
    String source = origin + ", class in " + LossInfo.sourceOf(type);
    try {
      LossInfo info = LossInfo.of(type);
      Supplier<Loss> factory =
          () -> {
            try {
              return type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
              throw Errors.notInstantiable(type.getName(), e);
            }
          };
      return new Candidate(type.getName(), source, info, factory, List.of(), null);
    } catch (RuntimeException | LinkageError e) {
      return broken(type.getName(), List.of(LossInfo.nameOf(type)), source, e);
    }
  }

  /**
   * A provider that cannot be used.
   *
   * @param className the provider class
   * @param names the lower-case names it would answer to, canonical first; empty when unknown
   * @param source its jar or folder, or "unknown location"
   * @param cause why it cannot be used
   */
  static Candidate broken(String className, List<String> names, String source, Throwable cause) {
    String name = names.isEmpty() ? null : names.get(0);
    return new Candidate(
        className,
        source,
        null,
        null,
        names,
        Errors.brokenProvider(name, className, source, cause));
  }

  /**
   * A services file, or a provider in it, that failed in a way that names no provider class.
   *
   * @param source the jar or folder of the services file, or "unknown location"
   * @param cause the failure
   */
  static Candidate unreadable(String source, Throwable cause) {
    return new Candidate(
        UNKNOWN_CLASS, source, null, null, List.of(), Errors.unreadableServicesFile(source, cause));
  }

  /** The lower-case names and aliases this candidate claims. */
  List<String> keys() {
    if (info == null) {
      return brokenNames;
    }
    List<String> keys = new ArrayList<>();
    keys.add(info.name());
    keys.addAll(info.aliases());
    return keys;
  }
}
