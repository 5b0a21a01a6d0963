package io.github.javanets.benchmarks;

import io.github.javanets.loss.LossRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Benchmark 5: {@link LossRegistry#discover(ClassLoader)} through a fresh class loader (cold: every
 * provider class is loaded again) with {@code plugins} generated plugin jars on its class path, one
 * loss each, beside the built-in losses. {@code plugins = 0} is the baseline. The jars are compiled
 * once per trial with the system Java compiler.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DiscoveryBenchmark {
  /** The number of generated plugin jars. */
  @Param({"0", "200"})
  public int plugins;

  private Path dir;
  private URL[] jars;
  private URLClassLoader loader;

  /** Generates, compiles and packs the plugins. */
  @Setup(Level.Trial)
  public void generate() throws IOException {
    dir = Files.createTempDirectory("javanets-plugins");
    jars = PluginJars.write(dir, plugins).toArray(new URL[0]);
  }

  /** A fresh loader per discovery. */
  @Setup(Level.Invocation)
  public void loader() {
    loader = new URLClassLoader(jars, DiscoveryBenchmark.class.getClassLoader());
  }

  /** Closes the loader. */
  @TearDown(Level.Invocation)
  public void close() throws IOException {
    loader.close();
  }

  /** Discovers every loss. */
  @Benchmark
  public Object discover() {
    LossRegistry registry = LossRegistry.discover(loader);
    if (registry.names().size() < plugins) {
      throw new IllegalStateException("Found only " + registry.names().size() + " losses.");
    }
    return registry;
  }

  /**
   * The floor: the JDK's own {@link java.util.ServiceLoader} pass over the same jars, loading each
   * provider class and reading its annotations, and nothing else.
   */
  @Benchmark
  public Object serviceLoaderOnly() {
    int[] annotations = {0};
    java.util.ServiceLoader.load(io.github.javanets.loss.Loss.class, loader).stream()
        .forEach(p -> annotations[0] += p.type().getAnnotations().length);
    return annotations[0];
  }

  /** Generated plugin jars, one {@code Loss} subclass and its service file in each. */
  static final class PluginJars {
    private PluginJars() {}

    static List<URL> write(Path dir, int count) throws IOException {
      List<URL> urls = new ArrayList<>();
      if (count == 0) {
        return urls;
      }
      Path src = Files.createDirectories(dir.resolve("src/gen"));
      Path classes = Files.createDirectories(dir.resolve("classes"));
      List<String> files = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String name = String.format("Gen%03d", i);
        Path file = src.resolve(name + ".java");
        Files.writeString(file, source(name, i));
        files.add(file.toString());
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      List<String> args =
          new ArrayList<>(List.of("-proc:none", "-nowarn", "-d", classes.toString()));
      args.add("-cp");
      args.add(System.getProperty("java.class.path"));
      args.addAll(files);
      if (javac.run(null, null, System.err, args.toArray(new String[0])) != 0) {
        throw new IllegalStateException("The generated plugins do not compile.");
      }
      for (int i = 0; i < count; i++) {
        String name = String.format("Gen%03d", i);
        Path jar = dir.resolve(name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
          entry(
              out,
              "gen/" + name + ".class",
              Files.readAllBytes(classes.resolve("gen/" + name + ".class")));
          entry(
              out,
              "META-INF/services/io.github.javanets.loss.Loss",
              ("gen." + name + "\n").getBytes(StandardCharsets.UTF_8));
        }
        urls.add(jar.toUri().toURL());
      }
      return urls;
    }

    private static void entry(JarOutputStream out, String name, byte[] bytes) throws IOException {
      out.putNextEntry(new JarEntry(name));
      OutputStream o = out;
      o.write(bytes);
      out.closeEntry();
    }

    private static String source(String name, int i) {
      return "package gen;\n"
          + "@io.github.javanets.loss.LossName(\"gen"
          + i
          + "\")\n"
          + "@io.github.javanets.loss.LossParam(name = \"scale\", defaultValue = \"1\", min = 0,"
          + " description = \"a scale\")\n"
          + "@io.github.javanets.loss.LossSummary(\"generated loss "
          + i
          + "\")\n"
          + "public final class "
          + name
          + " extends io.github.javanets.loss.Loss {\n"
          + "  @Override public org.nd4j.autodiff.samediff.SDVariable compute("
          + "io.github.javanets.loss.LossContext ctx) {\n"
          + "    org.nd4j.autodiff.samediff.SDVariable e = ctx.output().sub(ctx.target());\n"
          + "    return reduce(ctx, e.mul(e).mul(doubleParameter(\"scale\")));\n"
          + "  }\n"
          + "}\n";
    }
  }
}
