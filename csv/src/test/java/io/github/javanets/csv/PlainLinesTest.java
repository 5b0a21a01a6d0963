package io.github.javanets.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The plain path of {@link CsvRows} (lines of printable ASCII without quotes split without Commons
 * CSV) reads every file exactly as Commons CSV alone reads it: the same header, rows, cell texts,
 * numbers (bit for bit), line numbers and error messages, and hands a file over to Commons CSV at
 * the first line that is not plain.
 */
class PlainLinesTest {
  /** Everything one reading of a file shows, in order: header, then row by row, then the end. */
  private static List<String> transcript(byte[] file, boolean plain) {
    List<String> out = new ArrayList<>();
    ByteArrayInputStream in = new ByteArrayInputStream(file);
    try (CsvRows rows =
        plain ? CsvRows.read(in, "f.csv") : CsvRows.readWithCommonsCsv(in, "f.csv")) {
      out.add("header " + rows.header());
      while (rows.next()) {
        StringBuilder row = new StringBuilder("line " + rows.line() + ":");
        for (int c = 0; c < rows.header().size(); c++) {
          row.append(" [").append(rows.text(c)).append("] ");
          try {
            row.append(Double.doubleToRawLongBits(rows.number(c)));
          } catch (IllegalArgumentException e) {
            row.append(e.getMessage());
          }
          try {
            row.append(" w ").append(rows.weight(c));
          } catch (IllegalArgumentException e) {
            row.append(" w ").append(e.getMessage());
          }
        }
        out.add(row.toString());
      }
      out.add("end after " + rows.rows() + " rows");
    } catch (IllegalArgumentException | IOException e) {
      out.add(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    return out;
  }

  /**
   * Both paths read the same; but Commons CSV decodes ahead, so a byte that is not UTF-8 stops it
   * before rows the plain path still gives (the error is the same, naming the same line).
   */
  private static void assertSame(byte[] file) {
    List<String> plain = transcript(file, true);
    List<String> commons = transcript(file, false);
    String text = new String(file, StandardCharsets.ISO_8859_1);
    if (commons.get(commons.size() - 1).contains("not valid UTF-8")) {
      assertThat(plain.get(plain.size() - 1)).as(text).isEqualTo(commons.get(commons.size() - 1));
      int before = commons.size() - 1;
      assertThat(plain.size()).as(text).isGreaterThanOrEqualTo(commons.size());
      assertThat(plain.subList(0, before)).as(text).isEqualTo(commons.subList(0, before));
    } else {
      assertThat(plain).as(text).isEqualTo(commons);
    }
  }

  private static void assertSame(String file) {
    assertSame(file.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void randomFilesReadTheSameByBothPaths() {
    String[] pieces = {
      "1",
      "0",
      "-2.5",
      "3.25",
      "007",
      ".5",
      "1e3",
      "-0",
      "x",
      "",
      " ",
      "\t",
      ",",
      ",",
      ",",
      "\n",
      "\n",
      "\r\n",
      "\r",
      "\"",
      "\"a,b\"",
      "\"\"",
      "é",
      "NaN",
      "Infinity",
      "12345678901234567",
      "\u0001"
    };
    Random random = new Random(11);
    for (int i = 0; i < 4000; i++) {
      StringBuilder text = new StringBuilder();
      if (random.nextInt(10) == 0) {
        text.append('\uFEFF');
      }
      // Mostly plain files, so that the hand-over happens at various lines or not at all.
      boolean plainOnly = random.nextBoolean();
      text.append(random.nextInt(4) == 0 ? " a ,b,\tc" : "a,b,c").append('\n');
      int n = random.nextInt(40);
      for (int j = 0; j < n; j++) {
        String p = pieces[random.nextInt(pieces.length)];
        if (plainOnly
            && (p.contains("\"") || p.contains("é") || p.contains("\r") || p.contains("\u0001"))) {
          p = random.nextBoolean() ? "," : "\n";
        }
        text.append(p);
      }
      assertSame(text.toString());
    }
  }

  @Test
  void numericFilesReadTheSameByBothPaths() {
    Random random = new Random(12);
    for (int i = 0; i < 300; i++) {
      StringBuilder text =
          new StringBuilder("x,y,w\r\n".substring(0, random.nextBoolean() ? 7 : 5));
      if (text.charAt(text.length() - 1) != '\n') {
        text.append('\n');
      }
      int rows = random.nextInt(30);
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < 3; c++) {
          double v = (random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(8) - 3);
          text.append(c == 0 ? "" : ",").append(random.nextInt(5) == 0 ? " " : "").append(v);
        }
        text.append(random.nextInt(3) == 0 ? "\r\n" : "\n");
        if (random.nextInt(10) == 0) {
          text.append("\n");
        }
      }
      if (random.nextBoolean() && text.length() > 0) {
        text.setLength(text.length() - 1);
      }
      assertSame(text.toString());
    }
  }

  @Test
  void aFileOfManyBuffersIsReadPlainToTheEnd() throws IOException {
    Random random = new Random(13);
    StringBuilder text = new StringBuilder("x,y,label\n");
    for (int r = 0; r < 40_000; r++) {
      text.append(random.nextInt(1000) / 1000.0)
          .append(',')
          .append(random.nextInt(7) - 3)
          .append(",c")
          .append(random.nextInt(3))
          .append(r % 3 == 0 ? "\r\n" : "\n");
    }
    byte[] file = text.toString().getBytes(StandardCharsets.UTF_8);
    assertThat(file.length).isGreaterThan(4 << 16);
    assertSame(file);
    try (CsvRows rows = CsvRows.read(new ByteArrayInputStream(file), "f.csv")) {
      long n = 0;
      while (rows.next()) {
        n++;
        assertThat(rows.line()).isEqualTo(n + 1);
      }
      assertThat(n).isEqualTo(40_000);
      assertThat(rows.readsPlainLines()).isTrue();
    }
  }

  @Test
  void aQuotedCellHandsTheRestOfTheFileToCommonsCsv() throws IOException {
    try (CsvRows rows =
        CsvRows.read(
            new ByteArrayInputStream("a,b\n1,2\n\"3\",4\n".getBytes(StandardCharsets.UTF_8)),
            "f.csv")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.readsPlainLines()).isTrue();
      assertThat(rows.next()).isTrue();
      assertThat(rows.readsPlainLines()).isFalse();
      assertThat(rows.text(0)).isEqualTo("3");
      assertThat(rows.line()).isEqualTo(3);
    }
    assertSame("a,b\n1,2\n3,\"4\n5\"\n6,7\n");
    assertSame("\"a\",b\n1,2\n");
    assertSame("a,b\n1,2\n3,é\n");
    assertSame("a,b\n1,2\n3\r4,5\n");
    List<String> t =
        transcript("a,b\n1,2\n\n3,\"x\ny\"\n6,7\n".getBytes(StandardCharsets.UTF_8), true);
    assertThat(t.get(2)).startsWith("line 5: [3]").contains("[x\ny]");
    assertThat(t.get(3)).startsWith("line 6: [6]");
  }

  @Test
  void errorsNameTheLineWhicheverPathReadsIt() {
    byte[] notUtf8 = "a,b\n1,2\n3,\u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
    assertSame(notUtf8);
    assertThat(transcript(notUtf8, true)).last().asString().contains("f.csv line 3");
    assertSame("a,b\n1,2\n3\n");
    assertThat(transcript("a,b\n1,2\n3\n".getBytes(StandardCharsets.UTF_8), true))
        .last()
        .asString()
        .contains("line 3");
  }

  @Test
  void textThatIsNotCsvIsAnErrorNamingItsLine() {
    byte[] file = "a,b\n1,2\n3,\"4\"x\n".getBytes(StandardCharsets.UTF_8);
    assertSame(file);
    assertThat(transcript(file, true))
        .last()
        .isEqualTo(
            "IllegalArgumentException: f.csv line 3: not valid CSV (Invalid character between"
                + " encapsulated token and delimiter).");
  }

  @Test
  void aLineLongerThanThePlainLimitIsReadByCommonsCsv() {
    StringBuilder text = new StringBuilder("a,b\n1,2\n");
    text.append("3,").append("4".repeat((1 << 20) + 10)).append("\n5,6\n");
    List<String> t = transcript(text.toString().getBytes(StandardCharsets.UTF_8), true);
    assertThat(t).hasSize(5);
    assertThat(t.get(2)).startsWith("line 3: [3]");
    assertThat(t.get(3)).startsWith("line 4: [5]");
    assertSame(text.toString());
  }
}
