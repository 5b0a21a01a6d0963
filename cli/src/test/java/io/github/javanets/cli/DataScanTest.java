package io.github.javanets.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.javanets.csv.CsvRows;
import io.github.javanets.models.ModelKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streamed scan of a recurrent model's file: consecutive sequences are counted; an id that
 * comes back after others fails {@code train}'s scan and ends {@code predict}'s and {@code
 * evaluate}'s, which then read the file whole.
 */
class DataScanTest {
  private static final ModelInfo INFO =
      new ModelInfo(
          ModelKind.RECURRENT_REGRESSOR,
          new ColumnRoles(List.of("x"), List.of("y"), null, "id"),
          List.of());

  @TempDir Path dir;

  private CsvRows rows(String csv) throws IOException {
    return CsvRows.open(Files.writeString(dir.resolve("d.csv"), csv), "--data");
  }

  @Test
  void consecutiveSequencesAreCountedWithTheirLongest() throws IOException {
    DataScan scan =
        DataScan.allowingInterleaved(
            rows("id,x,y\na,1,0\na,2,1\nb,3,0\nc,4,0\nc,5,4\nc,6,5\n"), INFO, false, null, null);

    assertThat(scan.interleaved()).isFalse();
    assertThat(scan.longest()).isEqualTo(3);
    assertThat(scan.summary(true)).isEqualTo("3 sequences of 1-3 steps (6 rows)");
  }

  @Test
  void anIdThatComesBackEndsTheScanOrFailsTrainsScan() throws IOException {
    String csv = "id,x,y\na,1,0\nb,2,0\na,3,1\nb,x,2\n";

    assertThat(DataScan.allowingInterleaved(rows(csv), INFO, true, null, null).interleaved())
        .isTrue();
    assertThatThrownBy(() -> DataScan.of(rows(csv), INFO, true, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 4, column 'id'")
        .hasMessageContaining("sort the file by this column");
  }
}
