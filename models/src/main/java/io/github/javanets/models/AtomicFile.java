package io.github.javanets.models;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * Writes a file so that nothing is destroyed: the target must be absent or a regular file (never a
 * symbolic link, directory, device, FIFO or socket), and its contents are written to a temporary
 * file beside it, forced to disk, and renamed over it, so that the target holds either its old
 * contents or the whole new ones. The temporary file is removed on every failure, on {@code
 * SIGINT}/{@code SIGTERM} (a shutdown hook), and, when a process was killed outright, by the next
 * write to the same target.
 *
 * <p>A symbolic link at the target is refused, not followed or replaced: write to the file it
 * points to instead. Links among the parent directories are followed. Checks and rename are not one
 * atomic step: in a directory that others may write, someone could plant a link between them.
 *
 * <p>Thread-safe: concurrent writes to one target each write a whole file, and the last rename
 * wins.
 *
 * <p>What {@link Model#save} writes with, public for the command line's {@code --save} and {@code
 * --plot}: internal to javanets, outside use is unsupported.
 */
@API(status = INTERNAL, since = "0.1", consumers = "io.github.javanets.cli")
public final class AtomicFile {
  /** What to write. */
  @FunctionalInterface
  @API(status = INTERNAL, since = "0.1", consumers = "io.github.javanets.cli")
  public interface Content {
    /**
     * Writes the contents to {@code out}; closing {@code out} only flushes it.
     *
     * @throws IOException if writing fails
     */
    void writeTo(OutputStream out) throws IOException;
  }

  private static final String SUFFIX = ".tmp";
  private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> PENDING.forEach(AtomicFile::deleteQuietly), "javanets-temp-file-cleanup"));
  }

  private AtomicFile() {}

  /**
   * Checks, without writing it, that {@link #write} can create or replace {@code target}: the
   * target is absent or a writable regular file, and its directory exists and takes a new file (or
   * can be created).
   *
   * @param target the file; not null
   * @throws IOException saying in one line what is wrong and what is accepted
   */
  public static void check(Path target) throws IOException {
    Path file = target.toAbsolutePath();
    checkTarget(target, file);
    if (!checkParents(target, file)) {
      return;
    }
    Path dir = file.getParent();
    Path probe = temporary(file);
    try {
      Files.createFile(probe);
    } catch (IOException e) {
      throw ModelFileErrors.directoryRefusesFile(target, dir, e);
    } finally {
      Files.deleteIfExists(probe);
    }
  }

  /**
   * Checks that the nearest existing ancestor of {@code file} is a directory, writable if {@code
   * file}'s own directory must be created in it.
   *
   * @return whether {@code file}'s directory exists
   */
  private static boolean checkParents(Path target, Path file) throws IOException {
    Path dir = file.getParent();
    Path existing = dir;
    while (!Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (!Files.isDirectory(existing)) {
      throw ModelFileErrors.parentNotADirectory(target, existing);
    }
    if (!existing.equals(dir)) {
      if (!Files.isWritable(existing)) {
        throw ModelFileErrors.parentNotWritable(target, existing, dir);
      }
      return false;
    }
    return true;
  }

  /**
   * Writes {@code content} to {@code target} through a temporary file in the same directory (whose
   * missing parents are created), forced to disk and then renamed over the target. On failure the
   * target is as it was and the temporary file is gone.
   *
   * @param target the file; not null
   * @param content what to write; not null
   * @throws IOException if {@link #check} refuses the target or writing fails
   */
  public static void write(Path target, Content content) throws IOException {
    Path file = target.toAbsolutePath();
    checkTarget(target, file);
    checkParents(target, file);
    Path dir = file.getParent();
    Files.createDirectories(dir);
    removeAbandoned(file);
    Path tmp = temporary(file);
    PENDING.add(tmp);
    try {
      try (FileChannel channel =
          FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
        content.writeTo(
            new FilterOutputStream(out) {
              @Override
              public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
              }

              @Override
              public void close() throws IOException {
                flush();
              }
            });
        out.flush();
        channel.force(true);
      }
      checkTarget(target, file);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      forceDirectory(dir);
    } finally {
      deleteQuietly(tmp);
      PENDING.remove(tmp);
    }
  }

  /** Refuses a target that is a link, a directory or a special file, or read-only. */
  private static void checkTarget(Path target, Path file) throws IOException {
    if (file.getFileName() == null) {
      throw ModelFileErrors.targetIsDirectory(target);
    }
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return;
    } catch (FileSystemException e) {
      return; // A parent is not a directory: checkParents says so.
    }
    if (a.isSymbolicLink()) {
      throw ModelFileErrors.targetIsLink(target, Files.readSymbolicLink(file));
    }
    if (a.isDirectory()) {
      throw ModelFileErrors.targetIsDirectory(target);
    }
    if (!a.isRegularFile()) {
      throw ModelFileErrors.targetNotRegular(target);
    }
    if (!Files.isWritable(file)) {
      throw ModelFileErrors.targetReadOnly(target);
    }
  }

  /** {@code .<name>.<pid>.<random>.tmp} beside {@code file}. */
  private static Path temporary(Path file) {
    return file.resolveSibling(
        "."
            + file.getFileName()
            + "."
            + ProcessHandle.current().pid()
            + "."
            + UUID.randomUUID()
            + SUFFIX);
  }

  /** Removes the temporary files of earlier writes to {@code file} whose process is gone. */
  private static void removeAbandoned(Path file) throws IOException {
    String prefix = "." + file.getFileName() + ".";
    DirectoryStream.Filter<Path> mine =
        p -> {
          String n = p.getFileName().toString();
          return n.startsWith(prefix) && n.endsWith(SUFFIX);
        };
    try (DirectoryStream<Path> files = Files.newDirectoryStream(file.getParent(), mine)) {
      for (Path p : files) {
        String rest = p.getFileName().toString().substring(prefix.length());
        int dot = rest.indexOf('.');
        long pid;
        try {
          pid = Long.parseLong(rest.substring(0, Math.max(dot, 0)));
        } catch (NumberFormatException e) {
          continue;
        }
        if (ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)
            && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          deleteQuietly(p);
        }
      }
    }
  }

  /** Makes the rename durable; a platform that cannot open a directory skips it. */
  private static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Not every platform opens directories; the rename itself has happened.
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // Best effort: on a failed write the original exception is the one to report.
    }
  }
}
