package io.github.javanets.cli;

import io.github.javanets.models.Layer;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --layers} option: layer specs separated by commas, input first ({@code 4,16:tanh,3}),
 * checked against the data's columns before any model is built.
 */
final class LayerSpecs {
  /** The hidden layer of the default network of a regressor or classifier. */
  static final String DEFAULT_HIDDEN = "16:tanh";

  /** The hidden layer of the default network of a recurrent regressor or classifier. */
  static final String DEFAULT_RECURRENT_HIDDEN = "16:lstm";

  /** The fewest units of an lstm or gru layer. */
  static final int MIN_GATED_UNITS = 2;

  private LayerSpecs() {}

  /**
   * The layers from {@code text}, or the default network for {@code info} when it is null: {@code
   * <inputs>,16:tanh,<outputs>}, or {@code <inputs>,16:lstm,<outputs>} for a recurrent model (an
   * autoencoder's hidden layer has half its inputs, at least 2 in an lstm).
   *
   * @throws IllegalArgumentException for a bad spec, or sizes that do not fit the data
   */
  static List<Layer> resolve(String text, ModelInfo info, String dataName) {
    boolean recurrent = info.kind().recurrent();
    if (text == null) {
      int inputs = info.columns().inputs().size();
      String hidden =
          ModelKinds.isAutoencoder(info.kind())
              ? recurrent
                  ? Math.max(MIN_GATED_UNITS, inputs / 2) + ":lstm"
                  : Math.max(1, inputs / 2) + ":tanh"
              : recurrent ? DEFAULT_RECURRENT_HIDDEN : DEFAULT_HIDDEN;
      return List.of(Layer.of(inputs), Layer.parse(hidden), Layer.of(info.outputs()));
    }
    List<Layer> layers = parse(text);
    check(text, layers, info, dataName);
    return layers;
  }

  /**
   * Checks, before any data is read, that a feed-forward model's {@code --layers} have no recurrent
   * layer, and that a recurrent model's {@code lstm} and {@code gru} layers have at least {@value
   * #MIN_GATED_UNITS} units (the ND4J ops fail on 1).
   *
   * @param text the option's value, or null for the default network
   * @throws IllegalArgumentException for a bad spec, or a layer the model cannot take
   */
  static void checkForms(String text, boolean recurrent) {
    if (text == null) {
      return;
    }
    for (Layer layer : parse(text)) {
      if (!recurrent && layer.form().recurrent()) {
        throw new IllegalArgumentException(
            "--layers '"
                + text
                + "': layer '"
                + layer
                + "' is recurrent; add --recurrent and --sequence-column NAME to train on"
                + " sequences.");
      }
      boolean gated = layer.form() == Layer.Form.LSTM || layer.form() == Layer.Form.GRU;
      if (gated && layer.size() < MIN_GATED_UNITS) {
        throw new IllegalArgumentException(
            "--layers '"
                + text
                + "': layer '"
                + layer
                + "' has "
                + layer.size()
                + " unit; lstm and gru layers need at least "
                + MIN_GATED_UNITS
                + ".");
      }
    }
  }

  private static List<Layer> parse(String text) {
    List<Layer> layers = new ArrayList<>();
    for (String spec : text.split(",", -1)) {
      try {
        layers.add(Layer.parse(spec.trim()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--layers '" + text + "': " + e.getMessage(), e);
      }
    }
    if (layers.size() < 2) {
      throw new IllegalArgumentException(
          "--layers '"
              + text
              + "' needs at least an input and an output layer, separated by commas, as in"
              + " 4,16:tanh,3.");
    }
    return layers;
  }

  private static void check(String text, List<Layer> layers, ModelInfo info, String dataName) {
    List<String> inputs = info.columns().inputs();
    int in = layers.get(0).size();
    if (in != inputs.size()) {
      throw new IllegalArgumentException(
          "--layers '"
              + text
              + "' starts with "
              + in
              + " inputs but "
              + dataName
              + " has "
              + inputs.size()
              + " input columns ("
              + Shorten.list(inputs)
              + ").");
    }
    int out = layers.get(layers.size() - 1).size();
    if (out != info.outputs()) {
      throw new IllegalArgumentException(
          "--layers '" + text + "' ends with " + out + " units but " + outputs(info) + ".");
    }
  }

  private static String outputs(ModelInfo info) {
    List<String> targets = info.columns().targets();
    if (ModelKinds.isClassifier(info.kind())) {
      return "column '"
          + targets.get(0)
          + "' has "
          + info.classes().size()
          + " classes ("
          + Shorten.list(info.classes())
          + ")";
    } else if (ModelKinds.isRegressor(info.kind())) {
      return "the regressor has "
          + targets.size()
          + " target columns ("
          + Shorten.list(targets)
          + ")";
    }
    return "an autoencoder reconstructs its " + info.columns().inputs().size() + " input columns";
  }
}
