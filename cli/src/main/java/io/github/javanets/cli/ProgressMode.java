package io.github.javanets.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How {@code train} shows its progress on stderr ({@code --progress}): a progress bar redrawn with
 * {@code \r}, one plain line per epoch (for logs and CI, where a redrawn bar becomes one endless
 * line), nothing, or {@code auto}: the bar when stderr is a terminal, lines otherwise.
 */
enum ProgressMode {
  AUTO,
  BAR,
  LINES,
  NONE;

  /** Where Linux says file descriptor 2 (stderr) leads. */
  private static final Path STDERR_LINK = Path.of("/proc/self/fd/2");

  /** {@link #AUTO} decided for this process's stderr; any other mode as it is. */
  ProgressMode resolve() {
    return this != AUTO ? this : resolve(stderrTarget(), System.console() != null, env("TERM"));
  }

  /**
   * {@link #AUTO} decided from what is known of stderr: {@link #BAR} if it is a terminal, else
   * {@link #LINES}; any other mode as it is.
   *
   * @param stderrTarget where stderr leads ({@code /dev/pts/3}, {@code pipe:[123]}, a file), or
   *     null where the system does not say (no {@code /proc}: macOS, Windows)
   * @param console whether the JVM has a console ({@code System.console() != null}: stdin and
   *     stdout are a terminal), the guess when {@code stderrTarget} is null
   * @param term the {@code TERM} variable, or null; {@code dumb} is no terminal for a bar
   */
  ProgressMode resolve(String stderrTarget, boolean console, String term) {
    if (this != AUTO) {
      return this;
    }
    return terminal(stderrTarget, console, term) ? BAR : LINES;
  }

  private static boolean terminal(String stderrTarget, boolean console, String term) {
    if ("dumb".equals(term)) {
      return false;
    }
    if (stderrTarget != null) {
      return stderrTarget.startsWith("/dev/pts/")
          || stderrTarget.startsWith("/dev/tty")
          || stderrTarget.equals("/dev/console");
    }
    return console;
  }

  /** Where stderr leads, from {@code /proc}; null where that cannot be read. */
  private static String stderrTarget() {
    try {
      return Files.readSymbolicLink(STDERR_LINK).toString();
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return null;
    }
  }

  private static String env(String name) {
    try {
      return System.getenv(name);
    } catch (SecurityException e) {
      return null;
    }
  }

  /** Reads {@code --progress}: {@code auto}, {@code bar}, {@code lines} or {@code none}. */
  static final class Converter implements ITypeConverter<ProgressMode> {
    @Override
    public ProgressMode convert(String value) {
      for (ProgressMode mode : values()) {
        if (mode.name().equalsIgnoreCase(value)) {
          return mode;
        }
      }
      throw new TypeConversionException(
          "expected one of "
              + Arrays.stream(values()).map(m -> m.name().toLowerCase(Locale.ROOT)).toList()
              + " but was '"
              + value
              + "'");
    }
  }
}
