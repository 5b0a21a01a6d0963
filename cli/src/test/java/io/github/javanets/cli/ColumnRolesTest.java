package io.github.javanets.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.javanets.models.ModelKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The roles of the columns: defaults from the header, and columns asked to play two parts. */
class ColumnRolesTest {
  @TempDir Path dir;
  private Path path;
  private CsvTable table;

  @BeforeEach
  void readATable() throws IOException {
    path = Files.writeString(dir.resolve("t.csv"), "id,a,w,b,y\ns,1,1,2,3\n");
    table = CsvTable.read(path, "--data");
  }

  private static ColumnRoles asked(List<String> inputs, List<String> targets, String w, String s) {
    return new ColumnRoles(inputs, targets, w, s);
  }

  @Test
  void byDefaultTheLastColumnIsTheTargetAndEveryOtherOneAnInput() {
    ColumnRoles roles = asked(List.of(), List.of(), null, null).resolve(ModelKind.REGRESSOR, table);

    assertThat(roles).isEqualTo(asked(List.of("id", "a", "w", "b"), List.of("y"), null, null));
  }

  @Test
  void theWeightsAndSequenceColumnsAreNoInputs() {
    ColumnRoles roles =
        asked(List.of(), List.of(), "w", "id").resolve(ModelKind.RECURRENT_CLASSIFIER, table);

    assertThat(roles).isEqualTo(asked(List.of("a", "b"), List.of("y"), "w", "id"));
  }

  @Test
  void anAutoencoderHasNoTargetByDefault() {
    ColumnRoles roles =
        asked(List.of(), List.of(), null, null).resolve(ModelKind.AUTOENCODER, table);

    assertThat(roles.targets()).isEmpty();
    assertThat(roles.inputs()).containsExactly("id", "a", "w", "b", "y");
  }

  @Test
  void inputsKeepTheirOrderAndCountOnceEach() {
    ColumnRoles roles =
        asked(List.of("b", "a", "b"), List.of("y"), null, null).resolve(ModelKind.REGRESSOR, table);

    assertThat(roles.inputs()).containsExactly("b", "a");
  }

  @Test
  void anAutoencoderRefusesATarget() {
    assertThatThrownBy(
            () -> asked(List.of(), List.of("y"), null, null).resolve(ModelKind.AUTOENCODER, table))
        .hasMessage(
            "An autoencoder reconstructs its inputs and has no target: drop --target-column.");
  }

  @Test
  void aClassifierHasOneTarget() {
    assertThatThrownBy(
            () ->
                asked(List.of(), List.of("b", "y"), null, null)
                    .resolve(ModelKind.CLASSIFIER, table))
        .hasMessage("A classifier has one --target-column of class labels, got 2.");
  }

  @Test
  void aMissingColumnNamesItsOption() {
    assertThatThrownBy(
            () -> asked(List.of("z"), List.of(), null, null).resolve(ModelKind.REGRESSOR, table))
        .hasMessage("Column 'z' (--input-column) is not in " + path + ". Columns: id, a, w, b, y.");
  }

  @Test
  void aColumnCannotBeTargetAndWeights() {
    assertThatThrownBy(
            () -> asked(List.of(), List.of("w"), "w", null).resolve(ModelKind.REGRESSOR, table))
        .hasMessage("Column 'w' cannot be both a target and the weights column.");
  }

  @Test
  void aColumnCannotBeInputAndTarget() {
    assertThatThrownBy(
            () ->
                asked(List.of("a", "y"), List.of("y"), null, null)
                    .resolve(ModelKind.REGRESSOR, table))
        .hasMessage("Column 'y' cannot be both an input and a target or the weights column.");
  }

  @Test
  void theSequenceColumnHasNoOtherRole() {
    assertThatThrownBy(
            () ->
                asked(List.of("id", "a"), List.of(), null, "id")
                    .resolve(ModelKind.RECURRENT_REGRESSOR, table))
        .hasMessage(
            "Column 'id' is the --sequence-column: it cannot also be an input, a target or the"
                + " weights column.");
  }

  @Test
  void aTableWithoutAnInputLeftSaysSo() throws IOException {
    Path twoPath = Files.writeString(dir.resolve("two.csv"), "w,y\n1,2\n");
    CsvTable two = CsvTable.read(twoPath, "--data");

    assertThatThrownBy(
            () -> asked(List.of(), List.of(), "w", null).resolve(ModelKind.REGRESSOR, two))
        .hasMessage(
            twoPath + " has no input column left: every column is a target or the weights.");
  }
}
