package io.github.javanets.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Reading CSV files: encoding, byte order marks, very wide tables and bad cells. */
class CsvTableTest {
  @TempDir Path dir;

  private Path file(String name, byte[] bytes) throws IOException {
    Path path = dir.resolve(name);
    Files.write(path, bytes);
    return path;
  }

  private Path file(String name, String text) throws IOException {
    return file(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheFirstColumnName() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    Path path = file("bom.csv", concat(bom, "x,y\n1,a\n".getBytes(StandardCharsets.UTF_8)));

    CsvTable table = CsvTable.read(path, "--data");

    assertThat(table.header()).containsExactly("x", "y");
    assertThat(table.column("x", "--input-column")).isZero();
  }

  @Test
  void aLatin1ByteIsAnErrorNamingTheFileLineAndByte() throws IOException {
    byte[] latin1 = "x,y\n1,a\n2,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    Path path = file("latin1.csv", latin1);

    assertThatThrownBy(() -> CsvTable.read(path, "--data"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(path + " line 3: not valid UTF-8 (byte 0xE9); save the file as UTF-8.");
  }

  @Test
  void aBadByteFarIntoTheFileNamesItsLine() throws IOException {
    StringBuilder text = new StringBuilder("x,y\n");
    for (int i = 0; i < 20_000; i++) {
      text.append(i).append(",caf\u00e9\n");
    }
    byte[] good = text.toString().getBytes(StandardCharsets.UTF_8);
    Path path = file("late.csv", concat(good, new byte[] {'1', ',', (byte) 0xFF, '\n'}));

    assertThatThrownBy(() -> CsvTable.read(path, "--data"))
        .hasMessage(path + " line 20002: not valid UTF-8 (byte 0xFF); save the file as UTF-8.");
  }

  @Test
  void aTruncatedCharacterAtTheEndIsAnError() throws IOException {
    byte[] text = "x,y\n1,a\n2,".getBytes(StandardCharsets.UTF_8);
    Path path = file("cut.csv", concat(text, new byte[] {(byte) 0xC3}));

    assertThatThrownBy(() -> CsvTable.read(path, "--data"))
        .hasMessage(path + " line 3: not valid UTF-8 (byte 0xC3); save the file as UTF-8.");
  }

  @Test
  void aLineLongerThanTheLimitIsAnErrorNotAHugeCell() throws IOException {
    byte[] line = new byte[io.github.javanets.csv.CsvRows.MAX_LINE + 10];
    java.util.Arrays.fill(line, (byte) '1');
    Path path = file("long.csv", concat("x\n".getBytes(StandardCharsets.UTF_8), line));

    assertThatThrownBy(() -> CsvTable.read(path, "--data"))
        .hasMessage(
            path
                + " line 2: longer than 33,554,432 characters; a line holds one row of cells, so"
                + " check that the file is a CSV file with line breaks.");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aMillionColumnsAreReadAndFoundByName() throws IOException {
    int n = 1_000_000;
    List<String> names = new ArrayList<>(n);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      names.add("c" + i);
      text.append(i == 0 ? "" : ",").append("c").append(i);
    }
    text.append('\n').append("1,".repeat(n - 1)).append("1\n");
    CsvTable table = CsvTable.read(file("wide.csv", text.toString()), "--data");

    long sum = 0;
    for (String name : names) {
      sum += table.column(name, "--input-column");
    }
    assertThat(sum).isEqualTo((long) n * (n - 1) / 2);
    assertThatThrownBy(() -> table.column("nope", "--input-column"))
        .hasMessageEndingWith("c15, c16, c17, c18, c19 ... and 999980 more.")
        .hasMessageStartingWith(
            "Column 'nope' (--input-column) is not in "
                + dir.resolve("wide.csv")
                + ". Columns: c0,");
  }

  @Test
  void aShortRowListsAtMostTwentyColumns() throws IOException {
    StringBuilder header = new StringBuilder("c0");
    for (int i = 1; i < 25; i++) {
      header.append(",c").append(i);
    }
    Path path = file("short.csv", header + "\n1,2\n");

    assertThatThrownBy(() -> CsvTable.read(path, "--data"))
        .hasMessage(
            path
                + " line 2: 2 values, but the header has 25 columns (c0, c1, c2, c3, c4, c5, c6,"
                + " c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19 ... and 5"
                + " more).");
  }

  @Test
  void aHeaderWithAnEmptyOrRepeatedNameIsAnError() throws IOException {
    Path empty = file("empty.csv", "x,,y\n1,2,3\n");
    Path twice = file("twice.csv", "x,y,x\n1,2,3\n");

    assertThatThrownBy(() -> CsvTable.read(empty, "--data"))
        .hasMessage(
            empty + " line 1: the header's column 2 has no name; every column needs a name.");
    assertThatThrownBy(() -> CsvTable.read(twice, "--data"))
        .hasMessage(
            twice
                + " line 1: the header names column 'x' twice (columns 1 and 3); every column"
                + " needs its own name.");
  }

  @Test
  void emptyAndNonFiniteCellsAreErrorsNamingLineAndColumn() throws IOException {
    Path path =
        file("cells.csv", "x,y\n1,a\n,b\nNaN,c\nInfinity,d\n1e999,e\n" + "9".repeat(100) + "x,f\n");
    CsvTable table = CsvTable.read(path, "--data");

    assertThat(table.number(0, 0)).isEqualTo(1.0);
    assertThatThrownBy(() -> table.number(1, 0))
        .hasMessage(path + " line 3, column 'x': empty cell; every row needs a number here.");
    assertThatThrownBy(() -> table.number(2, 0))
        .hasMessage(
            path
                + " line 4, column 'x': 'NaN' is not a number; missing values are not supported,"
                + " so fill it in or drop the row.");
    assertThatThrownBy(() -> table.number(3, 0))
        .hasMessage(path + " line 5, column 'x': 'Infinity' is not a finite number.");
    assertThatThrownBy(() -> table.number(4, 0))
        .hasMessage(path + " line 6, column 'x': '1e999' is not a finite number.");
    assertThatThrownBy(() -> table.number(5, 0))
        .hasMessage(
            path
                + " line 7, column 'x': '"
                + "9".repeat(40)
                + "... (101 characters)' is not a number.");
  }

  @Test
  void aDeviceIsRefusedBeforeItIsOpened() {
    Path zero = Path.of("/dev/zero");

    assertThatThrownBy(() -> CsvTable.read(zero, "--data"))
        .hasMessage(
            "--data file '/dev/zero' is not a regular file (a device, FIFO or socket); give a CSV"
                + " file.");
  }
}
