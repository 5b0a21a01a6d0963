package io.github.javanets.models;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code scaling} field of a {@code model.json} as untrusted input: an object with an
 * optional {@code inputs} and (regressors only) {@code targets}, each {@code {"method": "STANDARD"
 * | "MIN_MAX" | "NONE", "offsets": [...], "scales": [...]}} with both arrays or neither (not fitted
 * yet), one finite number per column (scales &gt; 0), nothing else.
 */
final class SavedScalings {
  private static final List<String> FIELDS = List.of("inputs", "targets");
  private static final List<String> ENTRY_FIELDS = List.of("method", "offsets", "scales");

  private final Path path;
  private final ModelKind kind;
  private final Network network;
  private ModelJson.SavedScaling inputs = ModelJson.SavedScaling.NONE;
  private ModelJson.SavedScaling targets = ModelJson.SavedScaling.NONE;

  SavedScalings(Path path, ModelKind kind, Network network) {
    this.path = path;
    this.kind = kind;
    this.network = network;
  }

  ModelJson.SavedScaling inputs() {
    return inputs;
  }

  ModelJson.SavedScaling targets() {
    return targets;
  }

  /**
   * Reads {@code scaling}.
   *
   * @throws InvalidModelFileException naming the field that is wrong
   */
  void read(JsonNode scaling) {
    if (!scaling.isObject()) {
      throw ModelFileErrors.badField(path, "scaling", scaling, "an object");
    }
    for (Map.Entry<String, JsonNode> e : scaling.properties()) {
      if (!FIELDS.contains(e.getKey())) {
        throw ModelFileErrors.unknownScalingField(path, "scaling." + e.getKey(), FIELDS);
      }
    }
    if (scaling.has("inputs")) {
      inputs = entry(scaling.get("inputs"), "scaling.inputs", network.inputSize(), "inputs");
    }
    if (scaling.has("targets")) {
      targets = entry(scaling.get("targets"), "scaling.targets", network.outputSize(), "outputs");
      if (targets.method() != Scaling.NONE && !ModelScaling.scalesTargets(kind)) {
        throw ModelFileErrors.targetScalingOfKind(path, kind);
      }
    }
  }

  private ModelJson.SavedScaling entry(JsonNode node, String where, int columns, String what) {
    if (!node.isObject()) {
      throw ModelFileErrors.badField(path, where, node, "an object");
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!ENTRY_FIELDS.contains(e.getKey())) {
        throw ModelFileErrors.unknownScalingField(path, where + "." + e.getKey(), ENTRY_FIELDS);
      }
    }
    Scaling method = method(node.get("method"), where + ".method");
    boolean fitted = node.has("offsets") || node.has("scales");
    if (!fitted) {
      return new ModelJson.SavedScaling(method, null);
    }
    if (method == Scaling.NONE) {
      throw ModelFileErrors.badField(
          path, where + ".offsets", node.get("offsets"), "nothing, for method NONE");
    }
    double[] offsets = numbers(node.get("offsets"), where + ".offsets", columns, what, false);
    double[] scales = numbers(node.get("scales"), where + ".scales", columns, what, true);
    return new ModelJson.SavedScaling(method, Scaler.of(method, offsets, scales));
  }

  private Scaling method(JsonNode v, String where) {
    List<String> accepted = java.util.Arrays.stream(Scaling.values()).map(Enum::name).toList();
    if (v == null || !v.isTextual() || !accepted.contains(v.textValue())) {
      throw ModelFileErrors.badField(path, where, v, accepted);
    }
    return Scaling.valueOf(v.textValue());
  }

  private double[] numbers(JsonNode v, String where, int columns, String what, boolean positive) {
    if (v == null || !v.isArray()) {
      throw ModelFileErrors.badField(path, where, v, "an array of numbers, one per column");
    }
    if (v.size() != columns) {
      throw ModelFileErrors.scalingLength(path, where, v.size(), columns, what);
    }
    double[] values = new double[columns];
    for (int i = 0; i < columns; i++) {
      JsonNode n = v.get(i);
      double d = n.isNumber() ? n.doubleValue() : Double.NaN;
      boolean ok = Double.isFinite(d) && (!positive || d > 0);
      if (!ok) {
        throw ModelFileErrors.badField(
            path, where + "[" + i + "]", n, positive ? "a finite number > 0" : "a finite number");
      }
      values[i] = d;
    }
    return values;
  }
}
