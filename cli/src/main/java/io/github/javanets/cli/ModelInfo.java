package io.github.javanets.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the command line saves in a model's metadata so that {@code predict} and {@code evaluate}
 * read the right columns: the model type, the input and target column names, the class names of a
 * classifier (class id {@code i} is {@code classes.get(i)}), the weights column, if any, and, for a
 * recurrent model, the sequence column whose value groups rows into sequences. Lists are stored as
 * JSON arrays. Immutable.
 */
final class ModelInfo {
  static final String KIND = "kind";
  static final String INPUTS = "input_columns";
  static final String TARGETS = "target_columns";
  static final String CLASSES = "classes";
  static final String WEIGHTS = "weights_column";
  static final String SEQUENCE = "sequence_column";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final ModelType type;
  private final List<String> inputs;
  private final List<String> targets;
  private final List<String> classes;
  private final String weightsColumn;
  private final String sequenceColumn;

  ModelInfo(
      ModelType type,
      List<String> inputs,
      List<String> targets,
      List<String> classes,
      String weightsColumn,
      String sequenceColumn) {
    this.type = Objects.requireNonNull(type, "type");
    this.inputs = List.copyOf(inputs);
    this.targets = List.copyOf(targets);
    this.classes = List.copyOf(classes);
    this.weightsColumn = weightsColumn;
    this.sequenceColumn = sequenceColumn;
  }

  ModelType type() {
    return type;
  }

  /** The input column names, in the order of the model's inputs. */
  List<String> inputs() {
    return inputs;
  }

  /** The target column names: one for a classifier, none for an autoencoder. */
  List<String> targets() {
    return targets;
  }

  /** A classifier's class names by class id; empty for other models. */
  List<String> classes() {
    return classes;
  }

  /** The weights column of the training data, or null. */
  String weightsColumn() {
    return weightsColumn;
  }

  /** The sequence column of a recurrent model, or null for a feed-forward one. */
  String sequenceColumn() {
    return sequenceColumn;
  }

  /** The model's class name: {@code "Regressor"} or {@code "recurrent.Regressor"}. */
  String title() {
    return (sequenceColumn == null ? "" : "recurrent.") + type.title();
  }

  /** The width of the model's output: classes, targets or inputs. */
  int outputs() {
    return type == ModelType.CLASSIFIER
        ? classes.size()
        : type == ModelType.REGRESSOR ? targets.size() : inputs.size();
  }

  /** The metadata entries to save with the model. */
  Map<String, String> toMetadata() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(KIND, type.option());
    m.put(INPUTS, json(inputs));
    m.put(TARGETS, json(targets));
    if (type == ModelType.CLASSIFIER) {
      m.put(CLASSES, json(classes));
    }
    if (weightsColumn != null) {
      m.put(WEIGHTS, weightsColumn);
    }
    if (sequenceColumn != null) {
      m.put(SEQUENCE, sequenceColumn);
    }
    return m;
  }

  /**
   * Reads the entries written by {@link #toMetadata()}.
   *
   * @param metadata a loaded model's metadata; not null
   * @param type the loaded model's type
   * @return the info, or null when the model was not saved by the command line
   * @throws IllegalArgumentException if the entries cannot be read
   */
  static ModelInfo fromMetadata(Map<String, String> metadata, ModelType type) {
    if (!metadata.containsKey(INPUTS)) {
      return null;
    }
    return new ModelInfo(
        type,
        list(metadata, INPUTS),
        list(metadata, TARGETS),
        list(metadata, CLASSES),
        metadata.get(WEIGHTS),
        metadata.get(SEQUENCE));
  }

  private static String json(List<String> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> list(Map<String, String> metadata, String key) {
    String text = metadata.get(key);
    if (text == null) {
      return List.of();
    }
    try {
      return JSON.readValue(text, STRINGS);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "The model's metadata entry '" + key + "' is not a JSON list of names: " + text, e);
    }
  }
}
