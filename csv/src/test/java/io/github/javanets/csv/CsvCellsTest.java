package io.github.javanets.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Numbers read as Double.parseDouble reads them, bit for bit, and the cells that are errors. */
class CsvCellsTest {
  private static double number(String text) {
    return CsvCells.number("f.csv", 7, "x", text);
  }

  @Test
  void plainDecimalsReadExactlyAsParseDoubleReadsThem() {
    Random random = new Random(5);
    for (int i = 0; i < 200_000; i++) {
      int places = random.nextInt(9);
      double v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12));
      String text = String.format(Locale.ROOT, "%." + places + "f", v);
      assertThat(Double.doubleToRawLongBits(number(text)))
          .as(text)
          .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }
    for (String text :
        new String[] {
          "0",
          "-0",
          "+1",
          "1.",
          ".5",
          "-.25",
          "007",
          "123456789012345",
          "1234567890123456",
          "0.1",
          "0.30000000000000004",
          "9007199254740993",
          "1e3",
          "1.5E-7",
          "0x1p3",
          "2f",
          "3d"
        }) {
      assertThat(Double.doubleToRawLongBits(number(text)))
          .as(text)
          .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }
  }

  @Test
  void emptyTextNanAndInfinityAreErrorsNamingTheCell() {
    assertThatThrownBy(() -> number(""))
        .hasMessage("f.csv line 7, column 'x': empty cell; every row needs a number here.");
    assertThatThrownBy(() -> number("abc"))
        .hasMessage("f.csv line 7, column 'x': 'abc' is not a number.");
    assertThatThrownBy(() -> number("."))
        .hasMessage("f.csv line 7, column 'x': '.' is not a number.");
    assertThatThrownBy(() -> number("1.2.3"))
        .hasMessage("f.csv line 7, column 'x': '1.2.3' is not a number.");
    assertThatThrownBy(() -> number("NaN"))
        .hasMessage(
            "f.csv line 7, column 'x': 'NaN' is not a number; missing values are not supported,"
                + " so fill it in or drop the row.");
    assertThatThrownBy(() -> number("-Infinity"))
        .hasMessage("f.csv line 7, column 'x': '-Infinity' is not a finite number.");
    assertThatThrownBy(() -> number("1e400"))
        .hasMessage("f.csv line 7, column 'x': '1e400' is not a finite number.");
    assertThatThrownBy(() -> CsvCells.weight("f.csv", 7, "w", "-0.5"))
        .hasMessage("f.csv line 7, column 'w': weight -0.5 is negative; weights must be >= 0.");
  }
}
