package io.github.javanets.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Reads and rewrites the entries of model files, to forge them in tests. */
final class ModelZips {
  static final ObjectMapper JSON = new ObjectMapper();

  private ModelZips() {}

  /** Every entry's bytes, by name, in file order. */
  static Map<String, byte[]> read(Path file) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(file);
        ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        entries.put(e.getName(), zip.readAllBytes());
      }
    }
    return entries;
  }

  /** Writes {@code entries} as a zip (deflated) to {@code file}. */
  static void write(Path file, Map<String, byte[]> entries) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
  }

  /** Rewrites the entries of {@code file} with {@code edit}. */
  static void editEntries(Path file, Consumer<Map<String, byte[]>> edit) throws IOException {
    Map<String, byte[]> entries = read(file);
    edit.accept(entries);
    write(file, entries);
  }

  /** Rewrites the {@code model.json} of {@code file} with {@code edit}. */
  static void rewriteJson(Path file, Consumer<ObjectNode> edit) throws IOException {
    editEntries(
        file,
        entries -> {
          try {
            ObjectNode json = (ObjectNode) JSON.readTree(entries.get("model.json"));
            edit.accept(json);
            entries.put("model.json", JSON.writeValueAsBytes(json));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
