package io.github.javanets.loss;

import static org.apiguardian.api.API.Status.STABLE;

import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * What a loss class declares about itself: name, aliases, summary, target kind and parameters, and
 * where it was loaded from. Read from annotations without constructing the loss or starting the
 * ND4J backend. Instances are immutable.
 */
@API(status = STABLE, since = "0.1")
public final class LossInfo {
  /** The common parameter holding the loss's importance in the model's objective. */
  public static final String WEIGHT = "weight";

  /** The common parameter saying whether the loss reduces with per-element weights. */
  public static final String WEIGHTED = "weighted";

  /** The common parameter naming the dataset array the loss reads as its target. */
  public static final String TARGET = "target";

  /** The common parameter naming the output a single-output loss reads. */
  public static final String OUTPUT = "output";

  /** The dataset array a loss reads as its target unless told otherwise. */
  public static final String DEFAULT_TARGET = "target";

  private static final Pattern NAME = Pattern.compile("[a-z0-9_.-]+");

  private static final ClassValue<LossInfo> CACHE =
      new ClassValue<>() {
        @Override
        protected LossInfo computeValue(Class<?> type) {
          return read(type.asSubclass(Loss.class));
        }
      };

  private final Class<? extends Loss> type;
  private final String name;
  private final List<String> aliases;
  private final String summary;
  private final TargetKind targetKind;
  private final List<ParameterInfo> parameters;
  private final List<String> outputParameters;
  private final String source;

  private LossInfo(
      Class<? extends Loss> type,
      String name,
      List<String> aliases,
      String summary,
      TargetKind targetKind,
      List<ParameterInfo> parameters,
      List<String> outputParameters) {
    this.type = type;
    this.name = name;
    this.aliases = List.copyOf(aliases);
    this.summary = summary;
    this.targetKind = targetKind;
    this.parameters = List.copyOf(parameters);
    this.outputParameters = List.copyOf(outputParameters);
    this.source = sourceOf(type);
  }

  /**
   * Reads the declaration of a loss class.
   *
   * @param type a concrete subclass of {@link Loss}; not null
   * @return its description, cached per class; never null
   * @throws IllegalArgumentException if the declaration is invalid (a bad name, a duplicated or
   *     ill-typed parameter, an invalid default), naming the class and what is wrong
   */
  public static LossInfo of(Class<? extends Loss> type) {
    return CACHE.get(type);
  }

  /** The name a loss class gets: its {@link LossName} value, or its simple name in lower case. */
  static String nameOf(Class<?> type) {
    LossName declared = type.getAnnotation(LossName.class);
    return declared != null
        ? declared.value().toLowerCase(Locale.ROOT)
        : type.getSimpleName().toLowerCase(Locale.ROOT);
  }

  /**
   * The names a loss class claims, canonical first, in lower case and unchecked: what a broken
   * provider is reported under. Falls back to the simple name when the annotation cannot be read.
   */
  static List<String> namesOf(Class<?> type) {
    Set<String> names = new LinkedHashSet<>();
    try {
      names.add(nameOf(type));
      LossName declared = type.getAnnotation(LossName.class);
      if (declared != null) {
        for (String alias : declared.aliases()) {
          names.add(alias.toLowerCase(Locale.ROOT));
        }
      }
    } catch (RuntimeException | LinkageError e) {
      names.add(type.getSimpleName().toLowerCase(Locale.ROOT));
    }
    return List.copyOf(names);
  }

  private static LossInfo read(Class<? extends Loss> type) {
    if (Modifier.isAbstract(type.getModifiers())) {
      throw Errors.abstractLossClass(type);
    }
    String name = nameOf(type);
    checkName(type, name);
    LossName declared = type.getAnnotation(LossName.class);
    Set<String> aliases = new LinkedHashSet<>();
    if (declared != null) {
      for (String alias : declared.aliases()) {
        String a = alias.toLowerCase(Locale.ROOT);
        checkName(type, a);
        if (!a.equals(name)) {
          aliases.add(a);
        }
      }
    }
    LossSummary summary = type.getAnnotation(LossSummary.class);
    LossTarget target = type.getAnnotation(LossTarget.class);

    List<ParameterInfo> params = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (LossParam p : type.getAnnotationsByType(LossParam.class)) {
      if (!NAME.matcher(p.name()).matches() || isCommon(p.name())) {
        throw Errors.badParameterName(type, p.name(), NAME.pattern());
      }
      if (!seen.add(p.name())) {
        throw Errors.parameterDeclaredTwice(type, p.name());
      }
      try {
        params.add(ParameterInfo.of(p));
      } catch (IllegalArgumentException e) {
        throw Errors.badParameterDeclaration(type, e);
      }
      if (p.type() == ParameterType.OUTPUT) {
        outputs.add(p.name());
      }
    }
    if (outputs.isEmpty()) {
      params.add(
          ParameterInfo.common(
              OUTPUT,
              ParameterType.OUTPUT,
              "",
              Double.NEGATIVE_INFINITY,
              "the output the loss reads; empty means the model's output layer"));
      outputs.add(OUTPUT);
    }
    params.add(
        ParameterInfo.common(
            TARGET,
            ParameterType.STRING,
            DEFAULT_TARGET,
            Double.NEGATIVE_INFINITY,
            "the dataset array the loss reads as its target"));
    params.add(
        ParameterInfo.common(
            WEIGHTED,
            ParameterType.BOOLEAN,
            "false",
            Double.NEGATIVE_INFINITY,
            "reduce with per-element weights: sum(w * err) / sum(w)"));
    params.add(
        ParameterInfo.common(
            WEIGHT,
            ParameterType.DOUBLE,
            "1",
            0,
            "the loss's importance in the model's objective"));
    return new LossInfo(
        type,
        name,
        new ArrayList<>(aliases),
        summary == null ? "" : summary.value(),
        target == null ? TargetKind.VALUES : target.value(),
        params,
        outputs);
  }

  private static boolean isCommon(String param) {
    return param.equals(WEIGHT)
        || param.equals(WEIGHTED)
        || param.equals(TARGET)
        || param.equals(OUTPUT);
  }

  private static void checkName(Class<?> type, String name) {
    if (!NAME.matcher(name).matches()) {
      throw Errors.badLossName(type, name);
    }
  }

  /**
   * Where a class was loaded from: the path of its jar or class folder, or {@code "unknown
   * location"}.
   */
  static String sourceOf(Class<?> type) {
    CodeSource code = type.getProtectionDomain().getCodeSource();
    URL url = code == null ? null : code.getLocation();
    return url == null ? "unknown location" : location(url);
  }

  static String location(URL url) {
    try {
      return "file".equals(url.getProtocol()) ? Path.of(url.toURI()).toString() : url.toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return url.toString();
    }
  }

  /** The loss class; never null. */
  public Class<? extends Loss> type() {
    return type;
  }

  /** The canonical name, in lower case; never null. */
  public String name() {
    return name;
  }

  /** The aliases, in lower case, in declared order; an unmodifiable list, never null. */
  public List<String> aliases() {
    return aliases;
  }

  /** The one-line summary from {@link LossSummary}; {@code ""} when none is declared. */
  public String summary() {
    return summary;
  }

  /** What the loss needs as its target; never null. */
  public TargetKind targetKind() {
    return targetKind;
  }

  /**
   * Every parameter: the declared ones in order, then the common ones ({@code output} unless the
   * loss declares its own output parameters, {@code target}, {@code weighted}, {@code weight}). An
   * unmodifiable list, never null.
   */
  public List<ParameterInfo> parameters() {
    return parameters;
  }

  /** The parameter called {@code name}, if the loss has one; never null. */
  public Optional<ParameterInfo> parameter(String name) {
    return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /**
   * The names of the parameters whose values are the outputs the loss reads, the main one first
   * ({@code [output]} for a single-output loss). An unmodifiable list, never null.
   */
  public List<String> outputParameters() {
    return outputParameters;
  }

  /** The path of the jar or class folder the loss class came from; never null. */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return name + (aliases.isEmpty() ? "" : " " + aliases) + " (" + type.getName() + ")";
  }
}
