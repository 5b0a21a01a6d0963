package io.github.javanets.loss;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, for a provider that {@link java.util.ServiceLoader} could not load, which services file
 * listed it, so that the error can name the jar. Used only to report failures.
 */
final class ServiceFiles {
  static final String RESOURCE = "META-INF/services/" + Loss.class.getName();

  private static final Pattern PROVIDER = Pattern.compile("Provider (\\S+)");

  private ServiceFiles() {}

  static LossRegistry.Candidate brokenFrom(ServiceConfigurationError e, ClassLoader loader) {
    Matcher m = PROVIDER.matcher(String.valueOf(e.getMessage()));
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    if (!m.find()) {
      return LossRegistry.Candidate.broken("(unknown class)", null, "unknown location", e);
    }
    String className = m.group(1);
    String simple = className.substring(className.lastIndexOf('.') + 1);
    String name = simple.substring(simple.lastIndexOf('$') + 1).toLowerCase(Locale.ROOT);
    return LossRegistry.Candidate.broken(
        className,
        name.isEmpty() ? null : name,
        listing(className, loader),
        e.getCause() == null ? e : cause);
  }

  /** The jar (or folder) whose services file lists {@code className}, or "unknown location". */
  static String listing(String className, ClassLoader loader) {
    try {
      Enumeration<URL> files = loader.getResources(RESOURCE);
      while (files.hasMoreElements()) {
        URL url = files.nextElement();
        if (lists(url, className)) {
          return jarOf(url);
        }
      }
    } catch (IOException e) {
      // fall through: the location is only for the message
    }
    return "unknown location";
  }

  private static boolean lists(URL url, String className) throws IOException {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        int hash = line.indexOf('#');
        if ((hash >= 0 ? line.substring(0, hash) : line).trim().equals(className)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String jarOf(URL url) {
    String s = url.toString();
    if (s.startsWith("jar:")) {
      int bang = s.indexOf("!/");
      try {
        return LossInfo.location(new URL(s.substring(4, bang)));
      } catch (IOException | RuntimeException e) {
        return s;
      }
    }
    String suffix = RESOURCE;
    try {
      return s.endsWith(suffix)
          ? LossInfo.location(new URL(s.substring(0, s.length() - suffix.length())))
          : s;
    } catch (IOException e) {
      return s;
    }
  }
}
