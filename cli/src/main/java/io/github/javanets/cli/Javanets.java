package io.github.javanets.cli;

import io.github.javanets.loss.LossProviderException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
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
 * <p>Exit codes: 0 on success, {@value #USER_ERROR} for an error the user can fix (a missing file,
 * a bad CSV row, an unknown column, loss or option, a bad layer spec...), reported as one line
 * {@code javanets: <message>} on stderr, and {@value #INTERNAL_ERROR} for anything unexpected.
 * {@code --debug} adds stack traces and log messages.
 */
@Command(
    name = "javanets",
    mixinStandardHelpOptions = true,
    versionProvider = Javanets.Version.class,
    sortOptions = false,
    description = "Neural-network models with pluggable losses.",
    subcommands = {
      LossesCommand.class,
      TrainCommand.class,
      PredictCommand.class,
      EvaluateCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Javanets implements Callable<Integer> {
  /** The exit code of an error the user can fix. */
  public static final int USER_ERROR = 2;

  /** The exit code of an unexpected failure. */
  public static final int INTERNAL_ERROR = 1;

  private static final String DEBUG = "--debug";

  @Option(
      names = DEBUG,
      scope = ScopeType.INHERIT,
      description = "Show stack traces and log messages.")
  boolean debug;

  @Option(
      names = "--plugins",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description = "Also load losses from the .jar files in DIR.")
  Path plugins;

  @Spec CommandSpec spec;

  /** Runs the command and exits with its exit code. */
  public static void main(String... args) {
    System.exit(execute(args));
  }

  /**
   * Runs the command without exiting.
   *
   * @param args the command line; not null
   * @return the exit code: 0, {@link #USER_ERROR} or {@link #INTERNAL_ERROR}
   */
  public static int execute(String... args) {
    boolean debug = Arrays.asList(args).contains(DEBUG);
    configureRuntime(debug);
    CommandLine cli = new CommandLine(new Javanets());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionStrategy(Javanets::run);
    cli.setParameterExceptionHandler(
        (e, a) -> report(e.getCommandLine(), userMessage(e), debug ? e : null, USER_ERROR));
    cli.setExecutionExceptionHandler((e, c, r) -> failed(c, e, debug));
    return cli.execute(args);
  }

  private static int run(ParseResult parsed) {
    Javanets top = parsed.commandSpec().commandLine().getCommand();
    try {
      Plugins.install(top.plugins);
    } catch (IllegalArgumentException | IOException e) {
      throw new ExecutionException(top.spec.commandLine(), e.getMessage(), e);
    }
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
    if (isUserError(cause)) {
      return report(cli, userMessage(cause), debug ? cause : null, USER_ERROR);
    }
    String hint = debug ? "" : " (run with --debug for the stack trace)";
    return report(cli, "internal error: " + cause + hint, debug ? cause : null, INTERNAL_ERROR);
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

  /** Whether {@code e} is an error the user can fix (exit code 2). */
  static boolean isUserError(Throwable e) {
    return e instanceof IllegalArgumentException
        || e instanceof IOException
        || e instanceof UncheckedIOException
        || e instanceof LossProviderException
        || e instanceof UserException
        || e instanceof ParameterException;
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
      CommandSpec command = ((ParameterException) e).getCommandLine().getCommandSpec();
      String help = command.qualifiedName() + " --help";
      return oneLine(e.getMessage()) + " (see '" + help + "')";
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.toString() : oneLine(message);
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
