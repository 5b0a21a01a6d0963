package io.github.javanets.cli;

import static org.apiguardian.api.API.Status.STABLE;

import io.github.javanets.loss.LossProviderException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code javanets} command: {@code losses}, {@code train}, {@code predict} and {@code
 * evaluate}. Run it with {@code java -jar javanets.jar COMMAND} or, with plugin jars on the class
 * path, {@code java -cp javanets.jar:my-losses.jar io.github.javanets.cli.Javanets COMMAND}.
 *
 * <p>Exit codes, each failure reported as one line {@code javanets: <message>} on stderr:
 *
 * <ul>
 *   <li>0: success;
 *   <li>{@value #INTERNAL_ERROR}: an unexpected failure (a bug, in javanets, a plugin or a library:
 *       {@code internal error: ...});
 *   <li>{@value #USER_ERROR}: an error the user can fix (a missing file, a bad CSV cell, an unknown
 *       column, loss or option, a bad layer spec...): only javanets' own errors, never an exception
 *       from inside ND4J or another library ({@link #isUserError});
 *   <li>{@value #OUT_OF_MEMORY}: Java or ND4J ran out of memory, with advice on what to change;
 *   <li>{@value #ENDED_EARLY}: code in a plugin jar called {@code System.exit} before the command
 *       finished (see {@link ExitGuard}; after a signal the status is the JVM's usual 128 +
 *       signal).
 * </ul>
 *
 * <p>{@code --debug} adds stack traces and log messages.
 */
@Command(
    name = "javanets",
    mixinStandardHelpOptions = true,
    versionProvider = Javanets.Version.class,
    sortOptions = false,
    description = "Neural-network models with pluggable losses.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Success.",
      "1:Internal error (a bug; --debug shows the stack trace).",
      "2:User error: a bad option, file, column or cell (fix what the message names).",
      "3:Out of memory (see the advice printed).",
      "4:A plugin called System.exit before the command finished."
    },
    subcommands = {
      LossesCommand.class,
      TrainCommand.class,
      PredictCommand.class,
      EvaluateCommand.class,
      CommandLine.HelpCommand.class
    })
@API(status = STABLE, since = "0.1")
public final class Javanets implements Callable<Integer> {
  /** The exit code of an error the user can fix. */
  public static final int USER_ERROR = 2;

  /** The exit code of an unexpected failure. */
  public static final int INTERNAL_ERROR = 1;

  /** The exit code when Java or ND4J ran out of memory. */
  public static final int OUT_OF_MEMORY = 3;

  /** The exit code when plugin code called {@code System.exit} before the command finished. */
  public static final int ENDED_EARLY = 4;

  private static final String DEBUG = "--debug";
  private static final String JAVANETS = "io.github.javanets.";
  private static final Pattern JDK = Pattern.compile("(java|javax|jdk|sun|com\\.sun)\\.");

  @Option(
      names = DEBUG,
      scope = ScopeType.INHERIT,
      description = "Show stack traces and log messages.")
  boolean debug;

  @Option(
      names = "--plugins",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description =
          "Also load losses from the .jar files in DIR (a file that is not a readable jar is left"
              + " out with a warning).")
  Path plugins;

  @Spec CommandSpec spec;

  /**
   * Runs the command and exits with its exit code; an exit by other code before the command
   * finishes is reported and ends with {@link #ENDED_EARLY} ({@link ExitGuard}).
   */
  public static void main(String... args) {
    ExitGuard.install();
    int code = execute(args);
    ExitGuard.finished();
    System.exit(code);
  }

  /**
   * Runs the command without exiting.
   *
   * @param args the command line; not null
   * @return the exit code: 0, {@link #USER_ERROR}, {@link #INTERNAL_ERROR} or {@link
   *     #OUT_OF_MEMORY}
   */
  public static int execute(String... args) {
    boolean debug = Arrays.asList(args).contains(DEBUG);
    configureRuntime(debug);
    CommandLine cli = new CommandLine(new Javanets());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionStrategy(Javanets::run);
    cli.setParameterExceptionHandler(
        (e, a) ->
            report(
                e.getCommandLine(),
                parameterMessage(e, Arrays.asList(a)),
                debug ? e : null,
                USER_ERROR));
    cli.setExecutionExceptionHandler((e, c, r) -> failed(c, e, debug));
    try {
      return cli.execute(args);
    } catch (Error e) {
      // picocli hands only Exceptions to the handler; an Error (OutOfMemoryError...) ends here.
      return failed(cli, e, debug);
    }
  }

  private static int run(ParseResult parsed) {
    Javanets top = parsed.commandSpec().commandLine().getCommand();
    ParseResult command = parsed;
    while (command.hasSubcommand()) {
      command = command.subcommand();
    }
    ExitGuard.command(command.commandSpec().name());
    ExitGuard.phase("loading the --plugins jars");
    try {
      Plugins.install(top.plugins);
    } catch (IllegalArgumentException | IOException e) {
      throw new ExecutionException(top.spec.commandLine(), e.getMessage(), e);
    }
    ExitGuard.phase("running");
    return new CommandLine.RunLast().execute(parsed);
  }

  /** Properties read once, before ND4J, SLF4J or AWT start. */
  private static void configureRuntime(boolean debug) {
    System.setProperty("java.awt.headless", "true");
    if (System.getProperty("org.nd4j.log.initialization") == null) {
      System.setProperty("org.nd4j.log.initialization", String.valueOf(debug));
    }
    if (debug) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
      System.setProperty("org.slf4j.simpleLogger.log.io.github.javanets.loss", "warn");
      System.setProperty("org.slf4j.simpleLogger.log.org.nd4j", "warn");
    }
  }

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(), "Missing command: losses, train, predict or evaluate");
  }

  private static int failed(CommandLine cli, Throwable e, boolean debug) {
    Throwable cause = e;
    while (cause instanceof ExecutionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    OutOfMemoryError oom = OutOfMemory.find(cause);
    if (oom != null) {
      return report(cli, OutOfMemory.message(oom), debug ? cause : null, OUT_OF_MEMORY);
    }
    if (isUserError(cause)) {
      return report(cli, userMessage(cause), debug ? cause : null, USER_ERROR);
    }
    String hint = debug ? "" : " (run with --debug for the stack trace)";
    return report(
        cli,
        "internal error: " + oneLine(cause.toString()) + hint,
        debug ? cause : null,
        INTERNAL_ERROR);
  }

  private static int report(CommandLine cli, String message, Throwable trace, int code) {
    PrintWriter err = cli.getErr();
    err.println("javanets: " + message);
    if (trace != null) {
      trace.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  /**
   * Whether {@code e} is an error the user can fix (exit code 2): javanets' own errors ({@link
   * UserException}, a bad option, a broken or unknown loss), a file that cannot be read, and an
   * {@link IllegalArgumentException} thrown by javanets' code (its first stack frame outside the
   * JDK is in {@code io.github.javanets}), as javanets checks every value it is given. The same
   * exception from inside ND4J, another library or a plugin is a bug, not the user's error.
   */
  static boolean isUserError(Throwable e) {
    if (e instanceof IllegalArgumentException) {
      return thrownByJavanets(e);
    }
    return e instanceof IOException
        || e instanceof UncheckedIOException
        || e instanceof LossProviderException
        || e instanceof UserException
        || e instanceof ParameterException;
  }

  /** Whether the first frame of {@code e}'s stack trace outside the JDK is javanets' code. */
  private static boolean thrownByJavanets(Throwable e) {
    for (StackTraceElement frame : e.getStackTrace()) {
      String type = frame.getClassName();
      if (!JDK.matcher(type).lookingAt()) {
        return type.startsWith(JAVANETS);
      }
    }
    return false;
  }

  /** One line saying what went wrong, for an error the user can fix. */
  static String userMessage(Throwable e) {
    if (e instanceof UncheckedIOException && e.getCause() != null) {
      return userMessage(e.getCause());
    }
    if (e instanceof NoSuchFileException) {
      return "No such file: " + ((NoSuchFileException) e).getFile();
    }
    if (e instanceof AccessDeniedException) {
      return "Permission denied: " + ((AccessDeniedException) e).getFile();
    }
    if (e instanceof ParameterException) {
      return parameterMessage((ParameterException) e, List.of());
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.toString() : oneLine(message);
  }

  /** A bad option's message, and where to read about the options. */
  private static String parameterMessage(ParameterException e, List<String> args) {
    String help = e.getCommandLine().getCommandSpec().qualifiedName() + " --help";
    return oneLine(ParameterMessages.of(e, args)) + " (see '" + help + "')";
  }

  private static String oneLine(String message) {
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  /** The version from the jar's manifest. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Javanets.class.getPackage().getImplementationVersion();
      return new String[] {"javanets " + (v == null ? "(development build)" : v)};
    }
  }
}
