package io.github.javanets.cli;

import io.github.javanets.models.Autoencoder;
import io.github.javanets.models.Classifier;
import io.github.javanets.models.Model;
import io.github.javanets.models.ModelKind;
import io.github.javanets.models.Regressor;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * What the command line reads from a {@link ModelKind}: the name that {@code --model} and the
 * {@code kind} entry of a model file's metadata give it ({@code classifier}, for a feed-forward or
 * a recurrent classifier alike), what its target is, and the kind of a loaded model.
 */
final class ModelKinds {
  private ModelKinds() {}

  /**
   * The kind that {@code --model} names, feed-forward or recurrent.
   *
   * @param feedForward {@link ModelKind#REGRESSOR}, {@link ModelKind#CLASSIFIER} or {@link
   *     ModelKind#AUTOENCODER}
   * @param recurrent whether the model takes sequences ({@code --recurrent})
   */
  static ModelKind of(ModelKind feedForward, boolean recurrent) {
    if (!recurrent) {
      return feedForward(feedForward);
    }
    return switch (feedForward(feedForward)) {
      case REGRESSOR -> ModelKind.RECURRENT_REGRESSOR;
      case CLASSIFIER -> ModelKind.RECURRENT_CLASSIFIER;
      default -> ModelKind.RECURRENT_AUTOENCODER;
    };
  }

  /**
   * The feed-forward kind with the same target: {@code REGRESSOR} for {@code RECURRENT_REGRESSOR}.
   */
  static ModelKind feedForward(ModelKind kind) {
    return switch (kind) {
      case REGRESSOR, RECURRENT_REGRESSOR -> ModelKind.REGRESSOR;
      case CLASSIFIER, RECURRENT_CLASSIFIER -> ModelKind.CLASSIFIER;
      case AUTOENCODER, RECURRENT_AUTOENCODER -> ModelKind.AUTOENCODER;
    };
  }

  /** The name as {@code --model} and the metadata write it: {@code "classifier"}. */
  static String option(ModelKind kind) {
    return feedForward(kind).name().toLowerCase(Locale.ROOT);
  }

  /** Whether the model reads real-valued target columns. */
  static boolean isRegressor(ModelKind kind) {
    return feedForward(kind) == ModelKind.REGRESSOR;
  }

  /** Whether the model reads one column of class labels. */
  static boolean isClassifier(ModelKind kind) {
    return feedForward(kind) == ModelKind.CLASSIFIER;
  }

  /** Whether the model reconstructs its inputs and reads no target column. */
  static boolean isAutoencoder(ModelKind kind) {
    return feedForward(kind) == ModelKind.AUTOENCODER;
  }

  /** The kind of a loaded model. */
  static ModelKind of(Model model) {
    if (model instanceof Regressor) {
      return ModelKind.REGRESSOR;
    } else if (model instanceof Classifier) {
      return ModelKind.CLASSIFIER;
    } else if (model instanceof Autoencoder) {
      return ModelKind.AUTOENCODER;
    } else if (model instanceof io.github.javanets.models.recurrent.Regressor) {
      return ModelKind.RECURRENT_REGRESSOR;
    } else if (model instanceof io.github.javanets.models.recurrent.Classifier) {
      return ModelKind.RECURRENT_CLASSIFIER;
    } else if (model instanceof io.github.javanets.models.recurrent.Autoencoder) {
      return ModelKind.RECURRENT_AUTOENCODER;
    }
    throw new IllegalStateException("Unknown model class " + model.getClass().getName());
  }

  /**
   * Reads {@code --model}: {@code regressor}, {@code classifier} or {@code autoencoder}, in any
   * case; {@code --recurrent} makes it recurrent ({@link #of(ModelKind, boolean)}).
   */
  static final class Converter implements ITypeConverter<ModelKind> {
    @Override
    public ModelKind convert(String value) {
      for (ModelKind kind : ModelKind.values()) {
        if (!kind.recurrent() && kind.name().equalsIgnoreCase(value)) {
          return kind;
        }
      }
      List<String> names =
          Arrays.stream(ModelKind.values()).filter(k -> !k.recurrent()).map(Enum::name).toList();
      throw new TypeConversionException(
          "expected one of " + names + " (case-insensitive) but was '" + value + "'");
    }
  }
}
