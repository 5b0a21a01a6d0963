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

  private LayerSpecs() {}

  /**
   * The layers from {@code text}, or the default network for {@code info} when it is null: {@code
   * <inputs>,16:tanh,<outputs>} (an autoencoder's hidden layer has half its inputs).
   *
   * @throws IllegalArgumentException for a bad spec, or sizes that do not fit the data
   */
  static List<Layer> resolve(String text, ModelInfo info, String dataName) {
    if (text == null) {
      int inputs = info.inputs().size();
      String hidden =
          info.type() == ModelType.AUTOENCODER ? Math.max(1, inputs / 2) + ":tanh" : DEFAULT_HIDDEN;
      return List.of(Layer.of(inputs), Layer.parse(hidden), Layer.of(info.outputs()));
    }
    List<Layer> layers = parse(text);
    check(text, layers, info, dataName);
    return layers;
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
    int in = layers.get(0).size();
    if (in != info.inputs().size()) {
      throw new IllegalArgumentException(
          "--layers '"
              + text
              + "' starts with "
              + in
              + " inputs but "
              + dataName
              + " has "
              + info.inputs().size()
              + " input columns ("
              + String.join(", ", info.inputs())
              + ").");
    }
    int out = layers.get(layers.size() - 1).size();
    if (out != info.outputs()) {
      throw new IllegalArgumentException(
          "--layers '" + text + "' ends with " + out + " units but " + outputs(info) + ".");
    }
  }

  private static String outputs(ModelInfo info) {
    switch (info.type()) {
      case CLASSIFIER:
        return "column '"
            + info.targets().get(0)
            + "' has "
            + info.classes().size()
            + " classes ("
            + String.join(", ", info.classes())
            + ")";
      case REGRESSOR:
        return "the regressor has "
            + info.targets().size()
            + " target columns ("
            + String.join(", ", info.targets())
            + ")";
      default:
        return "an autoencoder reconstructs its " + info.inputs().size() + " input columns";
    }
  }
}
