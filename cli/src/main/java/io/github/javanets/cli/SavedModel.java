package io.github.javanets.cli;

import io.github.javanets.models.Classifier;
import io.github.javanets.models.Layer;
import io.github.javanets.models.Model;
import io.github.javanets.models.Regressor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A model file loaded for {@code predict} or {@code evaluate}, with the columns it reads. A model
 * saved by {@code javanets train} names its columns in its metadata; one saved by a program without
 * them reads the first columns of the file as inputs, then the targets. A recurrent model also
 * names its sequence column, which groups the rows into sequences.
 */
final class SavedModel {
  private final Model model;
  private final ModelType type;
  private final ModelInfo saved;
  private final Path path;

  private SavedModel(Model model, ModelType type, ModelInfo saved, Path path) {
    this.model = model;
    this.type = type;
    this.saved = saved;
    this.path = path;
  }

  /**
   * Loads {@code path}.
   *
   * @throws IllegalArgumentException if the file does not exist or is not a model
   * @throws IOException if it cannot be read
   */
  static SavedModel load(Path path) throws IOException {
    InputFiles.requireRegularFile(path, "--model", "a model file");
    Model model = Model.load(path);
    ModelType type = type(model);
    ModelInfo info = ModelInfo.fromMetadata(model.metadata(), type);
    if (info != null) {
      checkWidths(path, model, info);
    }
    return new SavedModel(model, type, info, path);
  }

  /** The metadata's column and class lists match the widths of the input and output layers. */
  private static void checkWidths(Path path, Model model, ModelInfo info) {
    List<Layer> layers = model.layers();
    int inputs = layers.get(0).size();
    int outputs = layers.get(layers.size() - 1).size();
    String outputEntry =
        info.type() == ModelType.CLASSIFIER
            ? ModelInfo.CLASSES
            : info.type() == ModelType.REGRESSOR ? ModelInfo.TARGETS : ModelInfo.INPUTS;
    if (info.inputs().size() != inputs) {
      throw widthMismatch(path, ModelInfo.INPUTS, info.inputs().size(), "input", inputs);
    }
    if (info.outputs() != outputs) {
      throw widthMismatch(path, outputEntry, info.outputs(), "output", outputs);
    }
  }

  private static IllegalArgumentException widthMismatch(
      Path path, String entry, int listed, String layer, int units) {
    return new IllegalArgumentException(
        "--model file '"
            + path
            + "' lists "
            + listed
            + " names in its metadata entry '"
            + entry
            + "' but its "
            + layer
            + " layer has "
            + units
            + " units: the file is damaged or was edited; train the model again.");
  }

  private static ModelType type(Model model) {
    if (model instanceof Regressor
        || model instanceof io.github.javanets.models.recurrent.Regressor) {
      return ModelType.REGRESSOR;
    }
    if (model instanceof Classifier
        || model instanceof io.github.javanets.models.recurrent.Classifier) {
      return ModelType.CLASSIFIER;
    }
    return ModelType.AUTOENCODER;
  }

  /** Whether the model takes sequences. */
  boolean recurrent() {
    return model instanceof io.github.javanets.models.recurrent.Regressor
        || model instanceof io.github.javanets.models.recurrent.Classifier
        || model instanceof io.github.javanets.models.recurrent.Autoencoder;
  }

  Model model() {
    return model;
  }

  ModelType type() {
    return type;
  }

  /** The model's columns, from its metadata or, without it, by position in {@code table}. */
  ModelInfo info(CsvTable table) {
    if (recurrent() && (saved == null || saved.sequenceColumn() == null)) {
      throw new IllegalArgumentException(
          "--model file '"
              + path
              + "' holds a recurrent model without a '"
              + ModelInfo.SEQUENCE
              + "' metadata entry: the column that groups rows into sequences is unknown. Train it"
              + " with javanets train --recurrent --sequence-column NAME.");
    }
    if (saved != null) {
      return saved;
    }
    List<Layer> layers = model.layers();
    int inputs = layers.get(0).size();
    int outputs = layers.get(layers.size() - 1).size();
    int targets = type == ModelType.REGRESSOR ? outputs : type == ModelType.CLASSIFIER ? 1 : 0;
    List<String> header = table.header();
    if (header.size() < inputs) {
      throw new IllegalArgumentException(
          table.name()
              + " has "
              + header.size()
              + " columns but the model takes "
              + inputs
              + " inputs.");
    }
    List<String> targetColumns = header.subList(inputs, Math.min(header.size(), inputs + targets));
    List<String> classes = type == ModelType.CLASSIFIER ? numbers(outputs) : List.of();
    return new ModelInfo(type, header.subList(0, inputs), targetColumns, classes, null, null);
  }

  private static List<String> numbers(int n) {
    return java.util.stream.IntStream.range(0, n).mapToObj(Integer::toString).toList();
  }

  /** One line naming the model: {@code Classifier 4,16:tanh,3 (xe)}. */
  String describe() {
    String title = (recurrent() ? "recurrent." : "") + type.title();
    StringBuilder b = new StringBuilder(title).append(' ');
    List<Layer> layers = model.layers();
    for (int i = 0; i < layers.size(); i++) {
      b.append(i == 0 ? "" : ",").append(layers.get(i));
    }
    b.append(" (losses ");
    for (int i = 0; i < model.losses().size(); i++) {
      b.append(i == 0 ? "" : ", ").append(model.losses().get(i));
    }
    return b.append(')').toString();
  }
}
