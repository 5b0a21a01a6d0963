package io.github.javanets.cli;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The {@code --plugins DIR} option: a class loader over {@code DIR/*.jar} (the application's loader
 * as its parent) becomes the thread's context class loader, where loss discovery looks. A file that
 * is not a readable jar (not a zip, truncated, unreadable) is left out with a one-line warning
 * naming it and why, as a broken loss provider is: the other jars load.
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
          String problem = unreadable(jar);
          if (problem == null) {
            jars.add(url(jar));
          } else {
            System.err.println(
                "javanets: warning: --plugins jar '"
                    + jar
                    + "' is not a readable jar ("
                    + problem
                    + "); it was left out, the other jars load.");
          }
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

  /** Why {@code jar} cannot be read as a jar, or null when it can. */
  static String unreadable(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      file.getManifest();
      return null;
    } catch (IOException | SecurityException e) {
      String message = e.getMessage();
      return message == null || message.isBlank()
          ? e.getClass().getSimpleName()
          : message.strip().replaceAll("\\s+", " ");
    }
  }

  private static URL url(Path jar) {
    try {
      return jar.toAbsolutePath().toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("Plugin jar '" + jar + "' has no usable URL.", e);
    }
  }
}
