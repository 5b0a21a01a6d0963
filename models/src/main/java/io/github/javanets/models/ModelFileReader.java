package io.github.javanets.models;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.javanets.loss.LossRegistry;
import io.github.javanets.loss.UnknownLossException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Loads a model file as untrusted input. Before anything is allocated for the parameters, it checks
 * that the file is a regular file and a zip archive with no duplicate or unknown entries whose
 * compressed sizes fit in the file, that {@code model.json} is at most {@link #MAX_JSON_BYTES} of
 * JSON without duplicate keys and with every field of the right type, and that each {@code params/}
 * entry could hold the array that the layers imply: at most {@link #MAX_INFLATION} times its
 * compressed size. Each entry is then read by {@link ParameterEntry}, its checksum verified.
 *
 * <p>So a file of {@code S} bytes makes the loader hold at most {@code 1032 S} bytes of parameters
 * (natively, and once more on the heap for the largest one while it is read), plus its {@code
 * model.json}; anything wrong is an {@link InvalidModelFileException} naming the file and entry.
 */
final class ModelFileReader {
  /** The largest {@code model.json} read. */
  static final long MAX_JSON_BYTES = 16L << 20;

  /** The most bytes DEFLATE can inflate one compressed byte to (1032, as zlib documents). */
  static final long MAX_INFLATION = 1032;

  /** Slack for the headers of short DEFLATE streams. */
  private static final long INFLATION_SLACK = 4096;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final Path path;
  private final LossRegistry registry;

  private ModelFileReader(Path path, LossRegistry registry) {
    this.path = path;
    this.registry = registry;
  }

  /**
   * Loads {@code path}.
   *
   * @param expected the kind the caller needs, or null for any
   * @param registry makes the file's losses, and is the model's registry; not null
   * @throws InvalidModelFileException if the file is refused
   * @throws IllegalArgumentException if it holds a kind other than {@code expected}
   * @throws IOException if it cannot be read
   */
  static Model read(Path path, ModelKind expected, LossRegistry registry) throws IOException {
    return new ModelFileReader(path, registry).read(expected);
  }

  private Model read(ModelKind expected) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
    if (attributes.isDirectory()) {
      throw ModelFileErrors.isDirectory(path);
    }
    if (!attributes.isRegularFile()) {
      throw ModelFileErrors.notRegularFile(path);
    }
    ZipFile zip;
    try {
      zip = new ZipFile(path.toFile());
    } catch (ZipException e) {
      throw ModelFileErrors.notAZip(path, e);
    }
    try (zip) {
      Map<String, ZipEntry> entries = entries(zip, attributes.size());
      ZipEntry json = entries.get(ModelFile.JSON);
      if (json == null) {
        throw ModelFileErrors.noModelJson(path);
      }
      ModelJson root = new ModelJson(path, parse(zip, json));
      if (expected != null && root.kind() != expected) {
        throw ModelFileErrors.wrongKind(path, root.kind(), expected);
      }
      Map<String, long[]> shapes = root.network().parameterShapes();
      checkNames(shapes, entries);
      Map<String, INDArray> params = new LinkedHashMap<>();
      for (Map.Entry<String, long[]> shape : shapes.entrySet()) {
        ParameterEntry p = new ParameterEntry(path, shape.getKey(), shape.getValue(), root.type());
        params.put(shape.getKey(), read(zip, entries.get(ModelFile.PARAMS + shape.getKey()), p));
      }
      return build(root, params);
    }
  }

  /** The entries by name, refusing duplicates and compressed sizes over the file's size. */
  private Map<String, ZipEntry> entries(ZipFile zip, long fileSize) {
    Map<String, ZipEntry> entries = new LinkedHashMap<>();
    long compressed = 0;
    for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
      ZipEntry e = all.nextElement();
      if (entries.put(e.getName(), e) != null) {
        throw ModelFileErrors.entryTwice(path, e.getName());
      }
      compressed += Math.max(0, e.getCompressedSize());
      if (compressed > fileSize) {
        throw ModelFileErrors.zipDirectoryDamaged(path, e.getName(), compressed, fileSize);
      }
    }
    return entries;
  }

  private JsonNode parse(ZipFile zip, ZipEntry json) throws IOException {
    if (json.getSize() > MAX_JSON_BYTES) {
      throw ModelFileErrors.jsonTooLong(path, json.getSize(), MAX_JSON_BYTES);
    }
    byte[] text;
    CRC32 crc = new CRC32();
    try (InputStream in = new CheckedInputStream(zip.getInputStream(json), crc)) {
      text = in.readNBytes((int) MAX_JSON_BYTES + 1);
    } catch (ZipException | EOFException e) {
      throw ModelFileErrors.notUnpacked(path, json.getName(), e);
    }
    if (text.length > MAX_JSON_BYTES) {
      throw ModelFileErrors.jsonTooLong(path, text.length, MAX_JSON_BYTES);
    }
    checkCrc(json, crc);
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw ModelFileErrors.notJson(path, e);
    }
  }

  /** Every parameter the layers need is there, and nothing else. */
  private void checkNames(Map<String, long[]> shapes, Map<String, ZipEntry> entries) {
    for (Map.Entry<String, long[]> e : shapes.entrySet()) {
      if (!entries.containsKey(ModelFile.PARAMS + e.getKey())) {
        throw ModelFileErrors.parameterMissing(path, e.getKey(), e.getValue());
      }
    }
    for (String name : entries.keySet()) {
      if (name.startsWith(ModelFile.PARAMS)) {
        String param = name.substring(ModelFile.PARAMS.length());
        if (!shapes.containsKey(param)) {
          throw ModelFileErrors.parameterUnused(path, name, param);
        }
      } else if (!name.equals(ModelFile.JSON)) {
        throw ModelFileErrors.unknownEntry(path, name);
      }
    }
  }

  private INDArray read(ZipFile zip, ZipEntry entry, ParameterEntry p) throws IOException {
    long bytes = p.bytes();
    long csize = entry.getCompressedSize();
    long most =
        entry.getMethod() == ZipEntry.STORED
            ? csize
            : csize > Long.MAX_VALUE / MAX_INFLATION
                ? Long.MAX_VALUE
                : csize * MAX_INFLATION + INFLATION_SLACK;
    if (bytes > most) {
      throw ModelFileErrors.entryTooSmall(path, entry.getName(), csize, bytes);
    }
    CRC32 crc = new CRC32();
    try (DataInputStream in =
        new DataInputStream(
            new BufferedInputStream(new CheckedInputStream(zip.getInputStream(entry), crc)))) {
      INDArray array = p.read(in, entry.getSize());
      checkCrc(entry, crc);
      return array;
    } catch (ZipException | EOFException e) {
      throw ModelFileErrors.notUnpacked(path, entry.getName(), e);
    }
  }

  private void checkCrc(ZipEntry entry, CRC32 crc) {
    if (entry.getCrc() != -1 && entry.getCrc() != crc.getValue()) {
      throw ModelFileErrors.checksumMismatch(path, entry.getName());
    }
  }

  private Model build(ModelJson root, Map<String, INDArray> params) {
    Model.Builder<?, ?> b = root.kind().builder();
    b.layers(root.layers().toArray());
    b.weighted(root.weighted());
    b.seed(root.seed());
    b.dataType(root.type());
    b.parameters(params);
    b.metadata.putAll(root.metadata());
    b.scaleInputs(root.inputScaling().method());
    b.scaleTargets(root.targetScaling().method());
    b.scalers(root.inputScaling().scaler(), root.targetScaling().scaler());
    b.registry(registry);
    List<ModelJson.SavedLoss> losses = root.losses();
    for (int i = 0; i < losses.size(); i++) {
      ModelJson.SavedLoss loss = losses.get(i);
      try {
        b.loss(registry.create(loss.spec()));
      } catch (UnknownLossException e) {
        throw ModelFileErrors.lossMissing(
            path, loss.name(), loss.className(), loss.version(), loss.jar(), e);
      } catch (IllegalArgumentException e) {
        throw ModelFileErrors.lossNotMade(path, i + 1, e);
      }
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw ModelFileErrors.modelNotBuilt(path, e);
    }
  }
}
