package io.github.javanets.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving never destroys what it does not own, and leaves the target whole or as it was. */
class AtomicFileTest {
  @TempDir Path dir;

  private static void write(Path target, String text) throws IOException {
    AtomicFile.write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  private String[] names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
    }
  }

  @Test
  void aSymbolicLinkIsRefusedAndNeitherItNorItsTargetChanges() throws IOException {
    Path real = Files.writeString(dir.resolve("real.txt"), "kept");
    Path link = Files.createSymbolicLink(dir.resolve("link.zip"), real);

    assertThatThrownBy(() -> write(link, "new"))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "'"
                + link
                + "' is a symbolic link (to '"
                + real
                + "'): javanets neither replaces nor follows links; write to the file it points"
                + " to.");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).isEqualTo("kept");
    assertThat(names()).containsExactly("link.zip", "real.txt");
  }

  @Test
  void aFifoADirectoryAndTheRootAreRefusedBeforeAnythingIsWritten()
      throws IOException, InterruptedException {
    Path folder = Files.createDirectory(dir.resolve("folder"));
    Path fifo = dir.resolve("fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeThat(mkfifo.waitFor()).as("mkfifo").isZero();

    assertThatThrownBy(() -> AtomicFile.check(fifo))
        .hasMessage(
            "'"
                + fifo
                + "' is not a regular file (a device, FIFO or socket): javanets creates a new file"
                + " or replaces a regular one; choose another path.");
    assertThatThrownBy(() -> write(fifo, "x")).isInstanceOf(IOException.class);
    assertThat(Files.isRegularFile(fifo)).isFalse();
    assertThatThrownBy(() -> write(folder, "x"))
        .hasMessage("'" + folder + "' is a directory: name a file.");
    assertThatThrownBy(() -> AtomicFile.check(Path.of("/")))
        .hasMessage("'/' is a directory: name a file.");
    assertThat(names()).containsExactly("fifo", "folder");
  }

  @Test
  void aReadOnlyFileOrDirectoryIsFoundByTheCheck() throws IOException {
    assumeThat(System.getProperty("user.name")).as("root may write anything").isNotEqualTo("root");
    Path readOnly = Files.writeString(dir.resolve("ro.zip"), "kept");
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r--r--r--"));
    Path locked = Files.createDirectory(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assertThatThrownBy(() -> AtomicFile.check(readOnly))
          .hasMessage("'" + readOnly + "' is read-only: make it writable or choose another path.");
      assertThatThrownBy(() -> AtomicFile.check(locked.resolve("model.zip")))
          .hasMessageStartingWith(
              "'"
                  + locked.resolve("model.zip")
                  + "' cannot be written: directory '"
                  + locked
                  + "' does not take a new file (AccessDeniedException");
      assertThatThrownBy(() -> AtomicFile.check(locked.resolve("sub/model.zip")))
          .hasMessage(
              "'"
                  + locked.resolve("sub/model.zip")
                  + "' cannot be written: directory '"
                  + locked
                  + "' is not writable, so '"
                  + locked.resolve("sub")
                  + "' cannot be created in it.");
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void aFileAsAParentIsRefusedAndMissingDirectoriesAreCreated() throws IOException {
    Path file = Files.writeString(dir.resolve("plain"), "kept");

    assertThatThrownBy(() -> AtomicFile.check(file.resolve("model.zip")))
        .hasMessage(
            "'"
                + file.resolve("model.zip")
                + "' cannot be written: '"
                + file
                + "' is not a directory.");
    AtomicFile.check(dir.resolve("a/b/model.zip"));
    assertThat(Files.exists(dir.resolve("a"))).isFalse();
    write(dir.resolve("a/b/model.zip"), "new");
    assertThat(Files.readString(dir.resolve("a/b/model.zip"))).isEqualTo("new");
  }

  @Test
  void aFailedWriteLeavesTheTargetAsItWasAndNoTemporaryFile() throws IOException {
    Path target = Files.writeString(dir.resolve("model.zip"), "old");

    assertThatThrownBy(
            () ->
                AtomicFile.write(
                    target,
                    out -> {
                      out.write(new byte[1000]);
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");
    assertThat(Files.readString(target)).isEqualTo("old");
    assertThat(names()).containsExactly("model.zip");
    write(target, "new");
    assertThat(Files.readString(target)).isEqualTo("new");
    assertThat(names()).containsExactly("model.zip");
  }

  @Test
  void theTemporaryFileOfAKilledProcessIsRemovedByTheNextWrite() throws IOException {
    Process dead = new ProcessBuilder("true").start();
    long pid = dead.pid();
    dead.onExit().join();
    Path abandoned = Files.writeString(dir.resolve(".model.zip." + pid + ".x.tmp"), "half");
    Path live =
        Files.writeString(
            dir.resolve(".model.zip." + ProcessHandle.current().pid() + ".y.tmp"), "busy");
    Path other = Files.writeString(dir.resolve(".other.zip." + pid + ".z.tmp"), "not ours");

    write(dir.resolve("model.zip"), "new");

    assertThat(abandoned).doesNotExist();
    assertThat(live).exists();
    assertThat(other).exists();
  }
}
