package io.github.javanets.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.javanets.models.Classifier;
import io.github.javanets.models.Layer;
import io.github.javanets.models.ModelKind;
import io.github.javanets.models.Regressor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metadata the command line saves with a model: what it writes, and that files written by
 * earlier versions (the same entries, as these literal strings) still load.
 */
class SavedModelTest {
  @TempDir Path dir;

  private CsvTable table(String csv) throws IOException {
    return CsvTable.read(Files.writeString(dir.resolve("d.csv"), csv), "--data");
  }

  @Test
  void theMetadataOfARecurrentClassifierNamesEveryRole() {
    ColumnRoles columns = new ColumnRoles(List.of("a", "b"), List.of("y"), "w", "id");
    ModelInfo info = new ModelInfo(ModelKind.RECURRENT_CLASSIFIER, columns, List.of("lo", "hi"));

    assertThat(ModelMetadata.of(info))
        .containsExactly(
            Map.entry("kind", "classifier"),
            Map.entry("input_columns", "[\"a\",\"b\"]"),
            Map.entry("target_columns", "[\"y\"]"),
            Map.entry("classes", "[\"lo\",\"hi\"]"),
            Map.entry("weights_column", "w"),
            Map.entry("sequence_column", "id"));
    assertThat(ModelMetadata.read(ModelMetadata.of(info), info.kind())).isEqualTo(info);
  }

  @Test
  void aClassifierSavedByAnEarlierVersionLoadsWithItsColumnsAndClasses() throws Exception {
    Classifier clf = Classifier.builder().layers(2, "4:tanh", 3).build();
    clf.metadata()
        .putAll(
            Map.of(
                "kind", "classifier",
                "input_columns", "[\"x1\",\"x2\"]",
                "target_columns", "[\"species\"]",
                "classes", "[\"a\",\"b\",\"c\"]"));
    Path file = dir.resolve("old.zip");
    clf.save(file);

    SavedModel saved = SavedModel.load(file);
    ModelInfo info = saved.info(table("x2,x1\n1,2\n"));

    assertThat(saved.kind()).isEqualTo(ModelKind.CLASSIFIER);
    assertThat(info.columns())
        .isEqualTo(new ColumnRoles(List.of("x1", "x2"), List.of("species"), null, null));
    assertThat(info.classes()).containsExactly("a", "b", "c");
    assertThat(saved.describe()).isEqualTo("Classifier 2,4:tanh,3 (losses xe)");
  }

  @Test
  void aRecurrentRegressorSavedByAnEarlierVersionKeepsItsSequenceAndWeightsColumns()
      throws Exception {
    var net =
        io.github.javanets.models.recurrent.Regressor.builder()
            .layers(1, Layer.parse("4:gru"), 1)
            .weighted(true)
            .build();
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("kind", "regressor");
    metadata.put("input_columns", "[\"x\"]");
    metadata.put("target_columns", "[\"y\"]");
    metadata.put("weights_column", "w");
    metadata.put("sequence_column", "seq");
    net.metadata().putAll(metadata);
    Path file = dir.resolve("seq.zip");
    net.save(file);

    SavedModel saved = SavedModel.load(file);
    ModelInfo info = saved.info(table("seq,x,y\ns,1,2\n"));

    assertThat(info.kind()).isEqualTo(ModelKind.RECURRENT_REGRESSOR);
    assertThat(info.columns()).isEqualTo(new ColumnRoles(List.of("x"), List.of("y"), "w", "seq"));
    assertThat(ModelMetadata.of(info)).isEqualTo(metadata);
    assertThat(saved.describe()).startsWith("recurrent.Regressor 1,4:gru,1 (losses mse");
  }

  @Test
  void aModelWithoutMetadataReadsTheFirstColumnsAsInputsThenTheTargets() throws Exception {
    Path file = dir.resolve("plain.zip");
    Regressor.builder().layers(2, 3, 1).build().save(file);

    ModelInfo info = SavedModel.load(file).info(table("p,q,r,s\n1,2,3,4\n"));

    assertThat(info.columns())
        .isEqualTo(new ColumnRoles(List.of("p", "q"), List.of("r"), null, null));
  }

  @Test
  void aListWithANullNameIsRefusedWithItsEntry() {
    Map<String, String> metadata = Map.of("input_columns", "[\"a\",null]");

    assertThatThrownBy(() -> ModelMetadata.read(metadata, ModelKind.REGRESSOR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The model's metadata entry 'input_columns' is not a JSON list of names:"
                + " [\"a\",null]");
  }
}
