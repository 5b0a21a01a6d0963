package io.github.javanets.attacks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** The entries of a model file as bytes, to forge them. */
final class ModelZip {
  /**
   * Where the value count of a rank-2 FLOAT {@code params/} entry lies: after the shape header
   * (allocation mode, length, type, 8 longs) and the values' allocation mode.
   */
  static final int MATRIX_COUNT = 114;

  private ModelZip() {}

  /** Every entry's bytes, by name, in file order. */
  static Map<String, byte[]> entries(byte[] zipFile) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipFile))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        entries.put(e.getName(), zip.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  /** A zip (deflated) of {@code entries}. */
  static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** {@code bytes} with the big-endian long at {@code at} replaced by {@code value}. */
  static byte[] withLong(byte[] bytes, int at, long value) {
    byte[] b = bytes.clone();
    ByteBuffer.wrap(b).putLong(at, value);
    return b;
  }
}
