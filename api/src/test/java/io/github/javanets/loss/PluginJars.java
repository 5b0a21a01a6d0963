package io.github.javanets.loss;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds real plugin jars during a test: loss sources given as strings are compiled against the
 * test class path and packed, with a {@code META-INF/services/io.github.javanets.loss.Loss} file,
 * into a jar that a child class loader can load.
 */
final class PluginJars {
  /** The class path the tests run with, as {@code java.class.path} lists it. */
  static final String TEST_CLASS_PATH = System.getProperty("java.class.path");

  private final Path dir;
  private final String jarName;
  private final Map<String, String> sources = new LinkedHashMap<>();
  private final List<String> services = new ArrayList<>();
  private final List<String> omitted = new ArrayList<>();

  private PluginJars(Path dir, String jarName) {
    this.dir = dir;
    this.jarName = jarName;
  }

  /** Starts a jar called {@code jarName} in folder {@code dir}. */
  static PluginJars jar(Path dir, String jarName) {
    return new PluginJars(dir, jarName);
  }

  /**
   * Adds a class compiled from {@code source}, listed in the services file.
   *
   * @param className its fully qualified name
   * @param source the whole compilation unit
   */
  PluginJars loss(String className, String source) {
    return source(className, source).service(className);
  }

  /** Adds a class compiled from {@code source}, not listed in the services file. */
  PluginJars source(String className, String source) {
    sources.put(className, source);
    return this;
  }

  /** Compiles a class from {@code source} but leaves it out of the jar, as a missing dependency. */
  PluginJars compileOnly(String className, String source) {
    omitted.add(className);
    return source(className, source);
  }

  /** Lists {@code className} in the services file, whether or not the jar holds it. */
  PluginJars service(String className) {
    services.add(className);
    return this;
  }

  /** Compiles the sources and writes the jar; returns its path. */
  Path build() {
    try {
      Path work = Files.createTempDirectory(dir, jarName + "-build");
      Path classes = Files.createDirectories(work.resolve("classes"));
      if (!sources.isEmpty()) {
        compile(work.resolve("src"), classes);
      }
      for (String className : omitted) {
        Files.delete(classes.resolve(className.replace('.', '/') + ".class"));
      }
      Path jar = dir.resolve(jarName);
      try (OutputStream file = Files.newOutputStream(jar);
          JarOutputStream out = new JarOutputStream(file)) {
        out.putNextEntry(new JarEntry("META-INF/services/" + Loss.class.getName()));
        String listing = services.stream().map(s -> s + "\n").collect(Collectors.joining());
        out.write(("# test plugin " + jarName + "\n" + listing).getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
        try (Stream<Path> files = Files.walk(classes)) {
          for (Path f : files.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
            out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
            out.write(Files.readAllBytes(f));
            out.closeEntry();
          }
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void compile(Path src, Path classes) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Path f = src.resolve(e.getKey().replace('.', '/') + ".java");
      Files.createDirectories(f.getParent());
      Files.writeString(f, e.getValue());
      files.add(f);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, null)) {
      Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
      List<String> options =
          List.of("-classpath", TEST_CLASS_PATH, "-d", classes.toString(), "-proc:none", "-nowarn");
      boolean ok = javac.getTask(diagnostics, fm, null, options, null, units).call();
      assertThat(ok).as("compiling %s: %s", sources.keySet(), diagnostics).isTrue();
    }
  }

  /** A class loader over {@code jars} whose parent is the test's class loader. */
  static URLClassLoader loader(Path... jars) {
    return new URLClassLoader(urls(jars), PluginJars.class.getClassLoader());
  }

  static URL[] urls(Path... jars) {
    URL[] urls = new URL[jars.length];
    for (int i = 0; i < jars.length; i++) {
      try {
        urls[i] = jars[i].toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException(e);
      }
    }
    return urls;
  }

  /**
   * The source of a loss class {@code pkg.Simple} whose value is the mean of its output, with the
   * given annotations and class body.
   */
  static String lossSource(String className, String annotations, String body) {
    int dot = className.lastIndexOf('.');
    return "package "
        + className.substring(0, dot)
        + ";\n"
        + "import io.github.javanets.loss.*;\n"
        + "import org.nd4j.autodiff.samediff.SDVariable;\n"
        + annotations
        + "\npublic class "
        + className.substring(dot + 1)
        + " extends Loss {\n"
        + body
        + "\n  @Override public SDVariable compute(LossContext ctx) {\n"
        + "    return reduce(ctx, ctx.output());\n"
        + "  }\n"
        + "}\n";
  }

  /** {@link #lossSource(String, String, String)} with no class body. */
  static String lossSource(String className, String annotations) {
    return lossSource(className, annotations, "");
  }
}
