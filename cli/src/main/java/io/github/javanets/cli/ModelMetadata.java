package io.github.javanets.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.javanets.models.ModelKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries the command line writes into a model's metadata, so that {@code predict} and {@code
 * evaluate} read the right columns: {@value #KIND} ({@code regressor}, {@code classifier} or {@code
 * autoencoder}, recurrent or not), {@value #INPUTS} and {@value #TARGETS} (JSON arrays of column
 * names), {@value #CLASSES} (a classifier's class names by id, a JSON array), and, when there are
 * some, {@value #WEIGHTS} and {@value #SEQUENCE} (column names). The model's own kind comes from
 * the file's model, not from {@value #KIND}, which is written for people reading the file.
 */
final class ModelMetadata {
  static final String KIND = "kind";
  static final String INPUTS = "input_columns";
  static final String TARGETS = "target_columns";
  static final String CLASSES = "classes";
  static final String WEIGHTS = "weights_column";
  static final String SEQUENCE = "sequence_column";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private ModelMetadata() {}

  /** The metadata entries that say {@code info}. */
  static Map<String, String> of(ModelInfo info) {
    ColumnRoles columns = info.columns();
    Map<String, String> m = new LinkedHashMap<>();
    m.put(KIND, ModelKinds.option(info.kind()));
    m.put(INPUTS, json(columns.inputs()));
    m.put(TARGETS, json(columns.targets()));
    if (ModelKinds.isClassifier(info.kind())) {
      m.put(CLASSES, json(info.classes()));
    }
    if (columns.weights() != null) {
      m.put(WEIGHTS, columns.weights());
    }
    if (columns.sequence() != null) {
      m.put(SEQUENCE, columns.sequence());
    }
    return m;
  }

  /**
   * Reads the entries written by {@link #of(ModelInfo)}.
   *
   * @param metadata a loaded model's metadata; not null
   * @param kind the loaded model's kind; not null
   * @return the info, or null when the model was not saved by the command line
   * @throws IllegalArgumentException if the entries cannot be read
   */
  static ModelInfo read(Map<String, String> metadata, ModelKind kind) {
    if (!metadata.containsKey(INPUTS)) {
      return null;
    }
    ColumnRoles columns =
        new ColumnRoles(
            list(metadata, INPUTS),
            list(metadata, TARGETS),
            metadata.get(WEIGHTS),
            metadata.get(SEQUENCE));
    return new ModelInfo(kind, columns, list(metadata, CLASSES));
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
    List<String> names;
    try {
      names = JSON.readValue(text, STRINGS);
    } catch (JsonProcessingException e) {
      throw notAList(key, text, e);
    }
    if (names == null || names.contains(null)) {
      throw notAList(key, text, null);
    }
    return names;
  }

  private static IllegalArgumentException notAList(String key, String text, Throwable cause) {
    return new IllegalArgumentException(
        "The model's metadata entry '" + key + "' is not a JSON list of names: " + text, cause);
  }
}
