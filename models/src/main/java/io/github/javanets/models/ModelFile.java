package io.github.javanets.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossRegistry;
import io.github.javanets.loss.UnknownLossException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The model file: a zip holding {@code model.json} (kind, layers, options, each loss's spec and
 * provider) and one {@code params/<name>} entry per parameter in ND4J's binary format. Written to a
 * temporary file beside the target and moved over it atomically.
 */
final class ModelFile {
  static final String FORMAT = "javanets-model";
  static final int VERSION = 1;
  private static final String JSON = "model.json";
  private static final String PARAMS = "params/";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ModelFile() {}

  static void save(Model model, Path path) throws IOException {
    Path target = path.toAbsolutePath();
    Path dir = target.getParent();
    Files.createDirectories(dir);
    // A fresh name beside the target, created with the default permissions (not createTempFile's
    // owner-only ones), so that the move is atomic and the file reads like any other.
    Path tmp = dir.resolve("." + target.getFileName() + "." + java.util.UUID.randomUUID() + ".tmp");
    try {
      try (OutputStream file =
              Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.CREATE_NEW);
          ZipOutputStream zip = new ZipOutputStream(file)) {
        zip.putNextEntry(new ZipEntry(JSON));
        zip.write(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(describe(model)));
        zip.closeEntry();
        for (Map.Entry<String, INDArray> p : model.liveParameters().entrySet()) {
          zip.putNextEntry(new ZipEntry(PARAMS + p.getKey()));
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          Nd4j.write(bytes, p.getValue());
          bytes.writeTo(zip);
          zip.closeEntry();
        }
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
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
    ObjectNode metadata = root.putObject("metadata");
    model.metadata().forEach(metadata::put);
    ArrayNode losses = root.putArray("losses");
    for (Loss loss : model.losses()) {
      ObjectNode l = losses.addObject();
      l.put("spec", loss.toString());
      l.put("name", loss.name());
      l.put("class", loss.getClass().getName());
      l.put("source", loss.info().source());
      Package p = loss.getClass().getPackage();
      String version = p == null ? null : p.getImplementationVersion();
      l.put("version", version == null ? "unknown" : version);
    }
    return root;
  }

  static Model load(Path path, ModelKind expected) throws IOException {
    JsonNode root = null;
    Map<String, INDArray> params = new LinkedHashMap<>();
    try (InputStream file = Files.newInputStream(path);
        ZipInputStream zip = new ZipInputStream(file)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().equals(JSON)) {
          root = MAPPER.readTree(zip.readAllBytes());
        } else if (e.getName().startsWith(PARAMS)) {
          params.put(
              e.getName().substring(PARAMS.length()),
              Nd4j.read(new java.io.ByteArrayInputStream(zip.readAllBytes())));
        }
      }
    } catch (NoSuchFileException e) {
      throw e;
    }
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw new IllegalArgumentException(path + " is not a javanets model file (no " + JSON + ").");
    }
    if (root.path("version").asInt() != VERSION) {
      throw new IllegalArgumentException(
          path
              + " has model file version "
              + root.path("version").asInt()
              + "; this javanets reads version "
              + VERSION
              + ".");
    }
    ModelKind kind = kind(path, root.path("kind").asText());
    if (expected != null && kind != expected) {
      throw new IllegalArgumentException(
          path + " holds a " + kind.title() + ", not a " + expected.title() + ".");
    }
    Model.Builder<?, ?> b = kind.builder();
    root.path("layers").forEach(l -> b.layers.add(l.asText()));
    List<Layer> specs = new ArrayList<>();
    b.layers.forEach(l -> specs.add(Layer.from(l)));
    checkParameters(path, Network.of(specs, kind).parameterShapes(), params);
    b.weighted(root.path("weighted").asBoolean());
    b.seed(root.path("seed").asLong());
    b.dataType(DataType.valueOf(root.path("dataType").asText()));
    b.parameters(params);
    root.path("metadata")
        .properties()
        .forEach(e -> b.metadata.put(e.getKey(), e.getValue().asText()));
    LossRegistry registry =
        io.github.javanets.train.Trainers.defaultInjector().getInstance(LossRegistry.class);
    for (JsonNode l : root.path("losses")) {
      b.loss(restore(registry, l, path));
    }
    return b.build();
  }

  private static ModelKind kind(Path path, String name) {
    try {
      return ModelKind.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          path
              + " holds a model of kind '"
              + name
              + "', which this javanets does not know. Kinds: "
              + java.util.Arrays.toString(ModelKind.values())
              + ".",
          e);
    }
  }

  private static void checkParameters(
      Path path, Map<String, long[]> expected, Map<String, INDArray> params) {
    for (Map.Entry<String, long[]> e : expected.entrySet()) {
      INDArray p = params.get(e.getKey());
      if (p == null) {
        throw new IllegalArgumentException(
            path
                + " lacks parameter '"
                + e.getKey()
                + "' of shape "
                + Arrays.toString(e.getValue())
                + " that its layers need.");
      }
      if (!Arrays.equals(p.shape(), e.getValue())) {
        throw new IllegalArgumentException(
            path
                + " has parameter '"
                + e.getKey()
                + "' of shape "
                + Arrays.toString(p.shape())
                + " where its layers need "
                + Arrays.toString(e.getValue())
                + ".");
      }
    }
    for (String name : params.keySet()) {
      if (!expected.containsKey(name)) {
        throw new IllegalArgumentException(
            path + " has parameter '" + name + "', which its layers do not use.");
      }
    }
  }

  private static Loss restore(LossRegistry registry, JsonNode l, Path path) {
    try {
      return registry.create(l.path("spec").asText());
    } catch (UnknownLossException e) {
      throw new IllegalArgumentException(
          path
              + " needs loss '"
              + l.path("name").asText()
              + "' (class "
              + l.path("class").asText()
              + ", version "
              + l.path("version").asText()
              + ", from "
              + l.path("source").asText()
              + "), which is not on the class path. Add that jar to load the model.",
          e);
    }
  }
}
