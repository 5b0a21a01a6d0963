package io.github.javanets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A --plugins file that is not a readable jar is recognised before it reaches a class loader. */
class PluginsTest {
  @TempDir Path dir;

  @Test
  void aFileThatIsNotAZipIsNotAReadableJar() throws IOException {
    Path jar = Files.writeString(dir.resolve("text.jar"), "not a jar at all");

    assertThat(Plugins.unreadable(jar)).isEqualTo("zip END header not found");
  }

  @Test
  void anEmptyFileIsNotAReadableJar() throws IOException {
    Path jar = Files.createFile(dir.resolve("empty.jar"));

    assertThat(Plugins.unreadable(jar)).isEqualTo("zip file is empty");
  }

  @Test
  void aTruncatedJarIsNotReadable() throws IOException {
    Path good = dir.resolve("good.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(good))) {
      out.putNextEntry(new java.util.jar.JarEntry("a/B.class"));
      out.write(new byte[1000]);
      out.closeEntry();
    }
    byte[] bytes = Files.readAllBytes(good);
    Path cut =
        Files.write(dir.resolve("cut.jar"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

    assertThat(Plugins.unreadable(good)).isNull();
    assertThat(Plugins.unreadable(cut)).isEqualTo("zip END header not found");
  }
}
