package io.github.javanets.cli;

import java.util.List;
import picocli.CommandLine.MaxValuesExceededException;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The text of picocli's errors for bad options, as javanets prints them: without picocli's {@code
 * "Error: "} prefix, and with picocli's usual {@code "option '--valid' (FILE.csv) should be
 * specified only once"} for an option of an argument group given twice, where picocli would
 * otherwise print its group matches.
 */
final class ParameterMessages {
  private static final String PREFIX = "Error: ";

  private ParameterMessages() {}

  /**
   * The message of {@code e}.
   *
   * @param e the error; not null
   * @param args the command line, to find a repeated option; not null
   */
  static String of(ParameterException e, List<String> args) {
    if (e instanceof MaxValuesExceededException) {
      for (OptionSpec option : e.getCommandLine().getCommandSpec().options()) {
        if (option.group() != null && !option.isMultiValue() && count(option, args) > 1) {
          return "option '"
              + option.longestName()
              + "' ("
              + option.paramLabel()
              + ") should be specified only once";
        }
      }
    }
    String message = String.valueOf(e.getMessage());
    return message.startsWith(PREFIX) ? message.substring(PREFIX.length()) : message;
  }

  /**
   * How many times {@code option} is given in {@code args}, as {@code --name} or {@code --name=}.
   */
  private static long count(OptionSpec option, List<String> args) {
    return args.stream()
        .filter(
            arg -> {
              for (String name : option.names()) {
                if (arg.equals(name) || arg.startsWith(name + "=")) {
                  return true;
                }
              }
              return false;
            })
        .count();
  }
}
