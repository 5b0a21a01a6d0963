package io.github.javanets.cli;

/**
 * Makes sure that the process never ends unnoticed before the command has finished: a shutdown
 * hook, installed by {@link Javanets#main}, that runs when the JVM shuts down before {@link
 * #finished()} was called. When code (a plugin loss, say) called {@code System.exit}, it prints one
 * line naming the caller, the command and what it was doing, and halts with {@link
 * Javanets#ENDED_EARLY}, so that even {@code System.exit(0)} cannot pass for success. After a
 * signal (Ctrl-C, {@code kill}) it prints the line and the JVM ends with the signal's usual status.
 */
final class ExitGuard {
  private static volatile String command = "javanets";
  private static volatile String phase = "starting";
  private static volatile boolean finished;

  private ExitGuard() {}

  /** Installs the shutdown hook. */
  static void install() {
    Runtime.getRuntime().addShutdownHook(new Thread(ExitGuard::onShutdown, "javanets-exit-guard"));
  }

  /** Names the running command, for the line printed on an early end. */
  static void command(String name) {
    command = name;
  }

  /** Says what the command is doing now ({@code "training"}), for the line printed on an end. */
  static void phase(String what) {
    phase = what;
  }

  /** Marks the command as finished: the exit that follows is the command's own. */
  static void finished() {
    finished = true;
  }

  private static void onShutdown() {
    if (finished) {
      return;
    }
    String what = "javanets: " + command + " did not finish: ";
    StackTraceElement caller = exitCaller();
    if (caller == null) {
      System.err.println(what + "the process was ended by a signal while " + phase + ".");
      System.err.flush();
      return;
    }
    System.err.println(
        what
            + describe(caller)
            + " called System.exit while "
            + phase
            + "; code in a plugin jar must not end the process (exit code "
            + Javanets.ENDED_EARLY
            + ").");
    System.err.flush();
    Runtime.getRuntime().halt(Javanets.ENDED_EARLY);
  }

  /** The frame that called {@code System.exit} or {@code Runtime.exit}, in any thread, or null. */
  static StackTraceElement exitCaller() {
    for (StackTraceElement[] stack : Thread.getAllStackTraces().values()) {
      StackTraceElement caller = exitCaller(stack);
      if (caller != null) {
        return caller;
      }
    }
    return null;
  }

  /** The frame of {@code stack} that called {@code Runtime.exit} (through {@code System.exit}). */
  static StackTraceElement exitCaller(StackTraceElement[] stack) {
    for (int i = 0; i < stack.length; i++) {
      if (is(stack[i], "java.lang.Runtime", "exit")) {
        int j = i + 1;
        if (j < stack.length && is(stack[j], "java.lang.System", "exit")) {
          j++;
        }
        return j < stack.length ? stack[j] : stack[i];
      }
    }
    return null;
  }

  /** {@code demo.Quit.<init>(Quit.java:7)}, without the class loader's or module's name. */
  static String describe(StackTraceElement frame) {
    String where =
        frame.getFileName() == null
            ? "unknown source"
            : frame.getLineNumber() < 0
                ? frame.getFileName()
                : frame.getFileName() + ":" + frame.getLineNumber();
    return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
  }

  private static boolean is(StackTraceElement frame, String type, String method) {
    return frame.getClassName().equals(type) && frame.getMethodName().equals(method);
  }
}
