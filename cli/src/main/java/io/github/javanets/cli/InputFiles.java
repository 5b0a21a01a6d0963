package io.github.javanets.cli;

import io.github.javanets.csv.CsvRows;
import java.nio.file.Path;

/**
 * Checks a file named on the command line before it is opened: only a regular file is read (a
 * directory cannot be, and a device such as {@code /dev/zero} or a FIFO would never end or block
 * the command). The CSV module's rule, for the model file too.
 */
final class InputFiles {
  private InputFiles() {}

  /**
   * Checks that {@code path} is a regular file (or a link to one).
   *
   * @param path the file; not null
   * @param option the option that named it ({@code --data}), for messages
   * @param kind what it must be ({@code "a CSV file"}), for messages
   * @throws IllegalArgumentException if it does not exist, is a directory or is not a regular file
   */
  static void requireRegularFile(Path path, String option, String kind) {
    CsvRows.requireRegularFile(path, option, kind);
  }
}
