package io.github.javanets.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossInfo;
import io.github.javanets.loss.LossRegistry;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The model file: a zip holding {@code model.json} (kind, layers, options, the scaling of inputs
 * and targets with its fitted offsets and scales, each loss's spec and provider: its class, the
 * file name of its jar and its version) and one {@code params/<name>} entry per parameter in ND4J's
 * binary format. Written through {@link AtomicFile}; read as untrusted input by {@link
 * ModelFileReader}.
 */
final class ModelFile {
  static final String FORMAT = "javanets-model";
  static final int VERSION = 1;
  static final String JSON = "model.json";
  static final String PARAMS = "params/";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ModelFile() {}

  static void save(Model model, Path path) throws IOException {
    byte[] json = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(describe(model));
    AtomicFile.write(
        path,
        out -> {
          try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(JSON));
            zip.write(json);
            zip.closeEntry();
            for (Map.Entry<String, INDArray> p : model.liveParameters().entrySet()) {
              zip.putNextEntry(new ZipEntry(PARAMS + p.getKey()));
              DataOutputStream data = new DataOutputStream(zip);
              Nd4j.write(dense(p.getValue()), data);
              data.flush();
              zip.closeEntry();
            }
          }
        });
  }

  /** The array itself, or a dense copy when its buffer holds more than its values. */
  private static INDArray dense(INDArray a) {
    return a.isView() || a.data().length() != a.length() ? a.dup('c') : a;
  }

  private static ObjectNode describe(Model model) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("kind", model.kind().name());
    ArrayNode layers = root.putArray("layers");
    model.layers().forEach(l -> layers.add(l.toString()));
    root.put("weighted", model.weighted());
    root.put("seed", model.seed());
    root.put("dataType", model.dataType().name());
    if (model.scaling().active()) {
      ObjectNode scaling = root.putObject("scaling");
      put(scaling, "inputs", model.inputScaling(), model.inputScaler().orElse(null));
      put(scaling, "targets", model.targetScaling(), model.targetScaler().orElse(null));
    }
    ObjectNode metadata = root.putObject("metadata");
    model.metadata().forEach(metadata::put);
    ArrayNode losses = root.putArray("losses");
    for (Loss loss : model.losses()) {
      ObjectNode l = losses.addObject();
      l.put("spec", loss.toString());
      l.put("name", loss.name());
      l.put("class", loss.getClass().getName());
      l.put("jar", jarName(loss.info()));
      Package p = loss.getClass().getPackage();
      String version = p == null ? null : p.getImplementationVersion();
      l.put("version", version == null ? "unknown" : version);
    }
    return root;
  }

  /** Records a scaling and, once fitted, its offsets and scales. */
  private static void put(ObjectNode scaling, String field, Scaling method, Scaler scaler) {
    if (method == Scaling.NONE) {
      return;
    }
    ObjectNode node = scaling.putObject(field);
    node.put("method", method.name());
    if (scaler != null) {
      ArrayNode offsets = node.putArray("offsets");
      ArrayNode scales = node.putArray("scales");
      for (double v : scaler.offsets()) {
        offsets.add(v);
      }
      for (double v : scaler.scales()) {
        scales.add(v);
      }
    }
  }

  /**
   * Loads a model file as untrusted input with the default registry; see {@link ModelFileReader}.
   */
  static Model load(Path path, ModelKind expected) throws IOException {
    return load(path, expected, Defaults.registry());
  }

  /** Loads a model file as untrusted input, its losses made by {@code registry}. */
  static Model load(Path path, ModelKind expected, LossRegistry registry) throws IOException {
    return ModelFileReader.read(path, expected, registry);
  }

  /**
   * The file name of the jar (or class folder) a loss came from: where it lay on the saving machine
   * stays there.
   */
  static String jarName(LossInfo info) {
    String source = info.source();
    int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
    return source.substring(slash + 1);
  }
}
