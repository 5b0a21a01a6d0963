package io.github.javanets.models;

import static org.apiguardian.api.API.Status.STABLE;

import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * A file that {@link Model#load} refuses: not a javanets model file, a version this javanets does
 * not read, or an entry that is malformed, duplicated, truncated, too large for the file, of the
 * wrong shape or data type, or holding a value that is not finite. The message is one line naming
 * the file and, where one is to blame, the entry. Thrown before the parameters it concerns are
 * allocated. Immutable, so thread-safe.
 */
@API(status = STABLE, since = "0.1")
public final class InvalidModelFileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The model file. */
  private final transient Path file;

  /** The zip entry to blame, or null. */
  private final String entry;

  InvalidModelFileException(Path file, String entry, String message, Throwable cause) {
    super(message, cause);
    this.file = file;
    this.entry = entry;
  }

  /** The file that was refused; never null. */
  public Path file() {
    return file;
  }

  /**
   * The zip entry to blame ({@code "model.json"}, {@code "params/out.w"}), or null when the file as
   * a whole is refused.
   */
  public String entry() {
    return entry;
  }
}
