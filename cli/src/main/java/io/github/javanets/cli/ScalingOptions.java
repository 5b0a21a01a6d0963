package io.github.javanets.cli;

import io.github.javanets.models.Model;
import io.github.javanets.models.ModelKind;
import io.github.javanets.models.Scaling;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --scale-inputs} and {@code --scale-targets} of {@code train} (a picocli mixin): how the
 * model scales its inputs and a regressor its targets, fitted to the training rows and saved in the
 * model file, so that {@code predict} and {@code evaluate} apply what the file says. Both default
 * to {@code standard} (targets for regressors only): on raw-scale data it is what makes a network
 * train at all, and on data already scaled it costs nothing (README.md, "Scaling inputs and
 * targets", has the measurements).
 */
final class ScalingOptions {
  /** The default of both options. */
  static final Scaling DEFAULT = Scaling.STANDARD;

  @Option(
      names = "--scale-inputs",
      paramLabel = "METHOD",
      converter = Converter.class,
      description =
          "Scale each input column before the network sees it: standard (mean 0, standard"
              + " deviation 1), minmax (range [0, 1]) or none; fitted to the training rows and"
              + " saved with the model (default: standard).")
  Scaling inputs;

  @Option(
      names = "--scale-targets",
      paramLabel = "METHOD",
      converter = Converter.class,
      description =
          "A regressor's targets: standard, minmax or none; predictions come back in the"
              + " targets' units (default: standard for regressors; other models have none).")
  Scaling targets;

  /** The input scaling: {@code --scale-inputs} or the default. */
  Scaling inputs() {
    return inputs != null ? inputs : DEFAULT;
  }

  /**
   * The target scaling of a model of {@code kind}: {@code --scale-targets}, or the default for a
   * regressor and none for others.
   *
   * @throws IllegalArgumentException if {@code --scale-targets} scales the targets of a model that
   *     is not a regressor
   */
  Scaling targets(ModelKind kind) {
    boolean regressor = ModelKinds.isRegressor(kind);
    if (targets != null && targets != Scaling.NONE && !regressor) {
      throw new IllegalArgumentException(
          "--scale-targets scales a regressor's targets; a "
              + kind.title()
              + (ModelKinds.isAutoencoder(kind)
                  ? " reconstructs its inputs, scaled by --scale-inputs"
                  : " predicts labels")
              + ": drop --scale-targets.");
    }
    if (targets != null) {
      return targets;
    }
    return regressor ? DEFAULT : Scaling.NONE;
  }

  /** Sets both scalings on {@code b}, a builder of a model of {@code kind}. */
  void apply(Model.Builder<?, ?> b, ModelKind kind) {
    b.scaleInputs(inputs()).scaleTargets(targets(kind));
  }

  /**
   * What {@code model} scales, for the {@code Model:} line: {@code "; scales inputs standard,
   * targets standard"}, or {@code ""} when it scales nothing.
   */
  static String of(Model model) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    if (model.inputScaling() != Scaling.NONE) {
      parts.add("inputs " + word(model.inputScaling()));
    }
    if (model.targetScaling() != Scaling.NONE) {
      parts.add("targets " + word(model.targetScaling()));
    }
    return parts.isEmpty() ? "" : "; scales " + String.join(", ", parts);
  }

  /** The option's word for {@code scaling}: {@code standard}, {@code minmax} or {@code none}. */
  static String word(Scaling scaling) {
    return scaling == Scaling.MIN_MAX ? "minmax" : scaling.name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads {@code standard}, {@code minmax} (or {@code min_max}, {@code min-max}) or {@code none}.
   */
  static final class Converter implements ITypeConverter<Scaling> {
    @Override
    public Scaling convert(String value) {
      return switch (value.strip().toLowerCase(Locale.ROOT)) {
        case "standard" -> Scaling.STANDARD;
        case "minmax", "min_max", "min-max" -> Scaling.MIN_MAX;
        case "none" -> Scaling.NONE;
        default ->
            throw new TypeConversionException(
                "expected standard, minmax or none but was '" + value + "'");
      };
    }
  }
}
