package io.github.javanets.cli;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code --plugins DIR} option: a class loader over {@code DIR/*.jar} (the application's loader
 * as its parent) becomes the thread's context class loader, where loss discovery looks.
 */
final class Plugins {
  private Plugins() {}

  /**
   * Installs the plugin jars of {@code dir}, if given.
   *
   * @param dir the directory, or null for none
   * @throws IllegalArgumentException if {@code dir} is not a directory
   * @throws IOException if it cannot be listed
   */
  static void install(Path dir) throws IOException {
    if (dir == null) {
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "--plugins directory '"
              + dir
              + "' "
              + (Files.exists(dir) ? "is not a directory." : "does not exist."));
    }
    List<URL> jars = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path jar : (Iterable<Path>) files.sorted()::iterator) {
        if (jar.getFileName().toString().endsWith(".jar") && Files.isRegularFile(jar)) {
          jars.add(url(jar));
        }
      }
    }
    if (jars.isEmpty()) {
      System.err.println(
          "javanets: warning: --plugins directory '" + dir + "' holds no .jar file.");
    }
    ClassLoader parent = Plugins.class.getClassLoader();
    Thread.currentThread()
        .setContextClassLoader(
            new URLClassLoader("javanets-plugins", jars.toArray(new URL[0]), parent));
  }

  private static URL url(Path jar) {
    try {
      return jar.toAbsolutePath().toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("Plugin jar '" + jar + "' has no usable URL.", e);
    }
  }
}
