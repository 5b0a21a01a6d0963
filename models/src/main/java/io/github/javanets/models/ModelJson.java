package io.github.javanets.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The {@code model.json} of a model file, checked field by field when it is made: each field is
 * there and of its type, the version is {@link ModelFile#VERSION}, the kind and data type are known
 * and the layers resolve into a network. Nothing is coerced: a number where text belongs is
 * refused, not read as {@code ""}. Immutable.
 */
final class ModelJson {
  /** What a file records of one scaling: its method, and its statistics once fitted (or null). */
  record SavedScaling(Scaling method, Scaler scaler) {
    static final SavedScaling NONE = new SavedScaling(Scaling.NONE, null);
  }

  /** What a file records of one loss. */
  record SavedLoss(String spec, String name, String className, String version, String jar) {}

  private final Path path;
  private final ModelKind kind;
  private final List<String> layers;
  private final Network network;
  private final boolean weighted;
  private final long seed;
  private final DataType type;
  private final Map<String, String> metadata;
  private final List<SavedLoss> losses;
  private final SavedScaling inputScaling;
  private final SavedScaling targetScaling;

  ModelJson(Path path, JsonNode root) {
    this.path = path;
    if (!root.isObject()) {
      throw ModelFileErrors.badField(path, null, root, "a JSON object");
    }
    if (!ModelFile.FORMAT.equals(root.path("format").asText(null))) {
      throw ModelFileErrors.notJavanetsFormat(path, root.get("format"));
    }
    JsonNode version = root.get("version");
    if (version == null || !version.isInt() || version.intValue() != ModelFile.VERSION) {
      throw ModelFileErrors.unreadVersion(path, version);
    }
    this.kind = kind(text(root, "kind"));
    this.layers = texts(root, "layers");
    this.network = resolve();
    this.weighted = bool(root, "weighted");
    JsonNode s = root.get("seed");
    if (s == null || !s.isIntegralNumber() || !s.canConvertToLong()) {
      throw ModelFileErrors.badField(path, "seed", s, "a whole number");
    }
    this.seed = s.longValue();
    this.type = type(text(root, "dataType"));
    this.metadata = metadata(root);
    this.losses = losses(root);
    JsonNode scaling = root.get("scaling");
    if (scaling == null) {
      // Files of javanets before scaling have no such field, and scale nothing.
      this.inputScaling = SavedScaling.NONE;
      this.targetScaling = SavedScaling.NONE;
    } else {
      SavedScalings saved = new SavedScalings(path, kind, network);
      saved.read(scaling);
      this.inputScaling = saved.inputs();
      this.targetScaling = saved.targets();
    }
  }

  /** How the inputs are scaled; {@link SavedScaling#NONE} for a file without scaling. */
  SavedScaling inputScaling() {
    return inputScaling;
  }

  /** How the targets are scaled; {@link SavedScaling#NONE} for a file without scaling. */
  SavedScaling targetScaling() {
    return targetScaling;
  }

  ModelKind kind() {
    return kind;
  }

  /** The layer specs, input first; unmodifiable. */
  List<String> layers() {
    return layers;
  }

  /** The network the layers resolve into. */
  Network network() {
    return network;
  }

  boolean weighted() {
    return weighted;
  }

  long seed() {
    return seed;
  }

  DataType type() {
    return type;
  }

  /** The metadata; unmodifiable. */
  Map<String, String> metadata() {
    return metadata;
  }

  /** The losses, in order; unmodifiable. */
  List<SavedLoss> losses() {
    return losses;
  }

  private ModelKind kind(String name) {
    try {
      return ModelKind.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw ModelFileErrors.unknownKind(path, name, e);
    }
  }

  private Network resolve() {
    List<Layer> specs = new ArrayList<>();
    try {
      layers.forEach(l -> specs.add(Layer.parse(l)));
      return Network.of(specs, kind);
    } catch (IllegalArgumentException e) {
      throw ModelFileErrors.layersNotANetwork(path, e);
    }
  }

  private DataType type(String name) {
    List<String> accepted = ParameterEntry.TYPES.stream().map(Enum::name).sorted().toList();
    if (!accepted.contains(name)) {
      throw ModelFileErrors.badField(path, "dataType", TextNode.valueOf(name), accepted);
    }
    return DataType.valueOf(name);
  }

  private Map<String, String> metadata(JsonNode root) {
    JsonNode m = root.get("metadata");
    if (m == null || !m.isObject()) {
      throw ModelFileErrors.badField(path, "metadata", m, "an object of texts");
    }
    Map<String, String> entries = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : m.properties()) {
      entries.put(e.getKey(), text(m, e.getKey(), "metadata." + e.getKey()));
    }
    return Collections.unmodifiableMap(entries);
  }

  private List<SavedLoss> losses(JsonNode root) {
    JsonNode all = root.get("losses");
    if (all == null || !all.isArray()) {
      throw ModelFileErrors.badField(path, "losses", all, "an array of objects");
    }
    List<SavedLoss> list = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      JsonNode l = all.get(i);
      String where = "losses[" + i + "]";
      if (!l.isObject()) {
        throw ModelFileErrors.badField(path, where, l, "an object");
      }
      // Earlier files recorded where the jar lay ("source"); newer ones only its name ("jar").
      String jar = l.has("jar") ? l.path("jar").asText() : l.path("source").asText("unknown");
      list.add(
          new SavedLoss(
              text(l, "spec", where + ".spec"),
              l.path("name").asText("unknown"),
              l.path("class").asText("unknown"),
              l.path("version").asText("unknown"),
              jar));
    }
    return List.copyOf(list);
  }

  private String text(JsonNode node, String field) {
    return text(node, field, field);
  }

  private String text(JsonNode node, String field, String name) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw ModelFileErrors.badField(path, name, v, "a text");
    }
    return v.textValue();
  }

  private List<String> texts(JsonNode root, String field) {
    JsonNode v = root.get(field);
    if (v == null || !v.isArray()) {
      throw ModelFileErrors.badField(path, field, v, "an array of texts");
    }
    List<String> list = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      list.add(text(v, i, field + "[" + i + "]"));
    }
    return List.copyOf(list);
  }

  private String text(JsonNode array, int i, String name) {
    JsonNode v = array.get(i);
    if (!v.isTextual()) {
      throw ModelFileErrors.badField(path, name, v, "a text");
    }
    return v.textValue();
  }

  private boolean bool(JsonNode root, String field) {
    JsonNode v = root.get(field);
    if (v == null || !v.isBoolean()) {
      throw ModelFileErrors.badField(path, field, v, "true or false");
    }
    return v.booleanValue();
  }
}
