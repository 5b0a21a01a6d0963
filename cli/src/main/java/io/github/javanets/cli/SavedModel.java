package io.github.javanets.cli;

import io.github.javanets.models.Layer;
import io.github.javanets.models.Model;
import io.github.javanets.models.ModelKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A model file loaded for {@code predict} or {@code evaluate}, with the columns it reads. A model
 * saved by {@code javanets train} names its columns in its metadata ({@link ModelMetadata}); one
 * saved by a program without them reads the first columns of the file as inputs, then the targets.
 * A recurrent model also names its sequence column, which groups the rows into sequences.
 */
final class SavedModel {
  private final Model model;
  private final ModelKind kind;
  private final ModelInfo saved;
  private final Path path;

  private SavedModel(Model model, ModelKind kind, ModelInfo saved, Path path) {
    this.model = model;
    this.kind = kind;
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
    ModelKind kind = ModelKinds.of(model);
    ModelInfo info = ModelMetadata.read(model.metadata(), kind);
    if (info != null) {
      checkWidths(path, model, info);
    }
    return new SavedModel(model, kind, info, path);
  }

  /** The metadata's column and class lists match the widths of the input and output layers. */
  private static void checkWidths(Path path, Model model, ModelInfo info) {
    List<Layer> layers = model.layers();
    int inputs = layers.get(0).size();
    int outputs = layers.get(layers.size() - 1).size();
    String outputEntry =
        ModelKinds.isClassifier(info.kind())
            ? ModelMetadata.CLASSES
            : ModelKinds.isRegressor(info.kind()) ? ModelMetadata.TARGETS : ModelMetadata.INPUTS;
    int listedInputs = info.columns().inputs().size();
    if (listedInputs != inputs) {
      throw widthMismatch(path, ModelMetadata.INPUTS, listedInputs, "input", inputs);
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

  /** The loaded model. */
  Model model() {
    return model;
  }

  /** The model's kind. */
  ModelKind kind() {
    return kind;
  }

  /** The model file, for messages. */
  Path path() {
    return path;
  }

  /** The model's columns, from its metadata or, without it, by position in {@code table}. */
  ModelInfo info(CsvHeader table) {
    if (kind.recurrent() && (saved == null || saved.columns().sequence() == null)) {
      throw new IllegalArgumentException(
          "--model file '"
              + path
              + "' holds a recurrent model without a '"
              + ModelMetadata.SEQUENCE
              + "' metadata entry: the column that groups rows into sequences is unknown. Train it"
              + " with javanets train --recurrent --sequence-column NAME.");
    }
    return saved != null ? saved : byPosition(table);
  }

  /** The first columns of {@code table} as inputs, then the targets. */
  private ModelInfo byPosition(CsvHeader table) {
    List<Layer> layers = model.layers();
    int inputs = layers.get(0).size();
    int outputs = layers.get(layers.size() - 1).size();
    int targets = ModelKinds.isRegressor(kind) ? outputs : ModelKinds.isClassifier(kind) ? 1 : 0;
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
    List<String> classes =
        ModelKinds.isClassifier(kind)
            ? IntStream.range(0, outputs).mapToObj(Integer::toString).toList()
            : List.of();
    ColumnRoles columns = new ColumnRoles(header.subList(0, inputs), targetColumns, null, null);
    return new ModelInfo(kind, columns, classes);
  }

  /** One line naming the model: {@code Classifier 4,16:tanh,3 (losses xe)}. */
  String describe() {
    StringBuilder b = new StringBuilder(kind.title()).append(' ');
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
