package io.github.javanets.loss;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the services files a class loader sees, to name the class and jar of a provider that {@link
 * java.util.ServiceLoader} could not load. Used only to report failures.
 */
final class ServiceFiles {
  static final String RESOURCE = "META-INF/services/" + Loss.class.getName();

  private static final String UNKNOWN = "unknown location";

  /**
   * The provider named in a {@link ServiceConfigurationError} from iteration: {@code "Provider X
   * not found"}, {@code "X not a subtype"}, {@code "X Unable to get public no-arg constructor"}.
   */
  private static final Pattern PROVIDER =
      Pattern.compile(
          ": (?:Provider )?([\\p{javaJavaIdentifierPart}.$]+) (?:not found|not a subtype"
              + "|Unable to get public no-arg constructor|could not be instantiated)");

  /** A services file with a syntax error: {@code "<url>:<line>: <message>"}. */
  private static final Pattern FILE = Pattern.compile(": (\\S+):\\d+: ");

  private ServiceFiles() {}

  /**
   * A broken candidate for a failure thrown while iterating providers.
   *
   * @param e a {@link ServiceConfigurationError}, or an error thrown while loading a class (a
   *     {@link LinkageError}), which names no provider
   * @param loader the loader being searched
   * @param seen the providers the iteration has already yielded, usable or not
   */
  static Candidate brokenFrom(Throwable e, ClassLoader loader, Set<String> seen) {
    String className = null;
    if (e instanceof ServiceConfigurationError) {
      Matcher m = PROVIDER.matcher(String.valueOf(e.getMessage()));
      if (m.find()) {
        className = m.group(1);
      } else {
        Matcher f = FILE.matcher(String.valueOf(e.getMessage()));
        String where = f.find() ? jarOf(f.group(1)) : UNKNOWN;
        return Candidate.unreadable(where, e);
      }
    } else {
      // ServiceLoader yields providers in the order the files list them: the failing one is the
      // first listed that it has not yielded yet.
      className =
          listed(loader).keySet().stream().filter(n -> !seen.contains(n)).findFirst().orElse(null);
    }
    if (className == null) {
      return Candidate.unreadable(UNKNOWN, e);
    }
    String simple = className.substring(className.lastIndexOf('.') + 1);
    String name = simple.substring(simple.lastIndexOf('$') + 1).toLowerCase(Locale.ROOT);
    return Candidate.broken(
        className, name.isEmpty() ? List.of() : List.of(name), where(className, loader), e);
  }

  /** The jar or folder whose services file lists {@code className}, or "unknown location". */
  static String where(String className, ClassLoader loader) {
    return listed(loader).getOrDefault(className, UNKNOWN);
  }

  /**
   * Every provider class the services files list, in the order {@link java.util.ServiceLoader}
   * reads them (first listing wins; a file with a syntax error is skipped as a whole), with the jar
   * or folder of the file that lists it.
   */
  static Map<String, String> listed(ClassLoader loader) {
    Map<String, String> listed = new LinkedHashMap<>();
    try {
      Enumeration<URL> files = loader.getResources(RESOURCE);
      while (files.hasMoreElements()) {
        URL url = files.nextElement();
        List<String> names = read(url);
        if (names != null) {
          String where = jarOf(url.toString());
          names.forEach(n -> listed.putIfAbsent(n, where));
        }
      }
    } catch (IOException e) {
      // the listing is only for messages: report what was read
    }
    return listed;
  }

  /** The class names a services file lists, or null when the file has a syntax error. */
  private static List<String> read(URL url) throws IOException {
    List<String> names = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        int hash = line.indexOf('#');
        String name = (hash >= 0 ? line.substring(0, hash) : line).trim();
        if (name.isEmpty()) {
          continue;
        }
        if (!isClassName(name)) {
          return null;
        }
        names.add(name);
      }
    }
    return names;
  }

  private static boolean isClassName(String name) {
    if (!Character.isJavaIdentifierStart(name.codePointAt(0))) {
      return false;
    }
    return name.codePoints().allMatch(c -> Character.isJavaIdentifierPart(c) || c == '.');
  }

  /** The path of the jar or folder holding a services file, from the file's URL. */
  private static String jarOf(String url) {
    try {
      if (url.startsWith("jar:")) {
        return LossInfo.location(new URL(url.substring(4, url.indexOf("!/"))));
      }
      return url.endsWith(RESOURCE)
          ? LossInfo.location(new URL(url.substring(0, url.length() - RESOURCE.length())))
          : url;
    } catch (IOException | RuntimeException e) {
      return url;
    }
  }
}
