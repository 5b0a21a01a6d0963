package io.github.javanets.cli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.javanets.models.ModelKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Empty class labels and sequence ids are errors, not a class or a sequence named "". */
class DataReaderTest {
  @TempDir Path dir;

  @Test
  void anEmptyLabelIsAnErrorNamingLineAndColumn() throws IOException {
    Path path = Files.writeString(dir.resolve("labels.csv"), "x,y\n1,a\n2,\n3,b\n");
    CsvTable table = CsvTable.read(path, "--data");
    ColumnRoles columns = new ColumnRoles(List.of("x"), List.of("y"), null, null);
    ModelInfo info = new ModelInfo(ModelKind.CLASSIFIER, columns, List.of("a", "b"));

    assertThatThrownBy(() -> DataReader.read(table, info, true, Weights.none()))
        .hasMessage(path + " line 3, column 'y': empty cell; every row needs its class label.");
  }

  @Test
  void anEmptySequenceIdIsAnError() throws IOException {
    Path path = Files.writeString(dir.resolve("seq.csv"), "id,x\ns1,1\ns1,2\n,3\n");
    CsvTable table = CsvTable.read(path, "--data");

    assertThatThrownBy(() -> Sequences.group(table, "id", "--sequence-column"))
        .hasMessage(
            path + " line 4, column 'id': empty cell; every row needs the id of its sequence.");
  }
}
