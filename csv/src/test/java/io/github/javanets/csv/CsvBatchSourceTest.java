package io.github.javanets.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.javanets.models.BatchIterator;
import io.github.javanets.models.BatchSource;
import io.github.javanets.models.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/** The batches a CSV file gives: values, shapes, weights, labels, sequences and the header. */
class CsvBatchSourceTest {
  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  static List<Dataset> pass(BatchSource source) {
    List<Dataset> batches = new ArrayList<>();
    try (BatchIterator it = source.open()) {
      it.forEachRemaining(batches::add);
    }
    return batches;
  }

  @Test
  void aRegressorsBatchesHoldTheChosenColumnsAsFloats() throws IOException {
    Path path = file("d.csv", "a,b,w,y\n1,2,0.5,10\n3,4,1,20\n5,6,2,30\n");
    CsvBatchSource source =
        CsvBatchSource.builder(path).targetColumns("y").weightsColumn("w").batchSize(2).build();

    List<Dataset> batches = pass(source);

    assertThat(source.inputColumns()).containsExactly("a", "b");
    assertThat(batches).hasSize(2);
    Dataset first = batches.get(0);
    assertThat(first.inputs().dataType()).isEqualTo(DataType.FLOAT);
    assertThat(first.inputs().shape()).containsExactly(2, 2);
    assertThat(first.inputs().toFloatMatrix()).isEqualTo(new float[][] {{1, 2}, {3, 4}});
    assertThat(first.target().toFloatMatrix()).isEqualTo(new float[][] {{10}, {20}});
    assertThat(first.weights().toFloatMatrix()).isEqualTo(new float[][] {{0.5f}, {1}});
    assertThat(batches.get(1).inputs().toFloatMatrix()).isEqualTo(new float[][] {{5, 6}});
    assertThat(pass(source)).hasSize(2);
  }

  @Test
  void aClassifiersLabelsBecomeClassIdsWithWeightsPerRow() throws IOException {
    Path path = file("c.csv", "x,species,w\n1,b,2\n2,a,3\n3,c,4\n");
    CsvBatchSource source =
        CsvBatchSource.builder(path)
            .labelColumn("species", List.of("a", "b", "c"))
            .weightsColumn("w")
            .batchSize(10)
            .build();

    Dataset batch = pass(source).get(0);

    assertThat(source.inputColumns()).containsExactly("x");
    assertThat(batch.target().dataType()).isEqualTo(DataType.INT64);
    assertThat(batch.target().toLongVector()).containsExactly(1, 0, 2);
    assertThat(batch.weights().shape()).containsExactly(3);
    assertThat(batch.weights().toFloatVector()).containsExactly(2, 3, 4);
  }

  @Test
  void anAutoencodersBatchesHaveNoTargetAndUnitWeightsShapedLikeTheInputs() throws IOException {
    Path path = file("a.csv", "a,b\n1,2\n3,4\n");
    CsvBatchSource source = CsvBatchSource.builder(path).unitWeights(true).build();

    Dataset batch = pass(source).get(0);

    assertThat(batch.has(Dataset.TARGET)).isFalse();
    assertThat(batch.weights().toFloatMatrix()).isEqualTo(new float[][] {{1, 1}, {1, 1}});
  }

  @Test
  void aWeightsFileIsReadBesideTheDataRowForRow() throws IOException {
    Path data = file("d.csv", "x,y1,y2\n1,2,3\n4,5,6\n");
    Path weights = file("w.csv", "w1,w2\n0.5,1\n2,0\n");
    CsvBatchSource source =
        CsvBatchSource.builder(data).targetColumns("y1", "y2").weightsFile(weights).build();

    assertThat(pass(source).get(0).weights().toFloatMatrix())
        .isEqualTo(new float[][] {{0.5f, 1}, {2, 0}});
  }

  @Test
  void consecutiveRowsOfOneIdArePaddedSequencesWithWeightZeroOnThePadding() throws IOException {
    Path path =
        file("s.csv", "seq,x,label\ns1,1,hi\ns1,2,lo\ns2,3,hi\ns3,4,lo\ns3,5,lo\ns3,6,hi\n");
    CsvBatchSource source =
        CsvBatchSource.builder(path)
            .sequenceColumn("seq", 4)
            .labelColumn("label", List.of("lo", "hi"))
            .batchSize(2)
            .build();

    List<Dataset> batches = pass(source);

    assertThat(batches).hasSize(2);
    Dataset first = batches.get(0);
    assertThat(first.inputs().shape()).containsExactly(2, 4, 1);
    assertThat(first.inputs().reshape(2, 4).toFloatMatrix())
        .isEqualTo(new float[][] {{1, 2, 0, 0}, {3, 0, 0, 0}});
    assertThat(first.target().toLongMatrix()).isEqualTo(new long[][] {{1, 0, 0, 0}, {1, 0, 0, 0}});
    assertThat(first.weights().toFloatMatrix())
        .isEqualTo(new float[][] {{1, 1, 0, 0}, {1, 0, 0, 0}});
    Dataset second = batches.get(1);
    assertThat(second.inputs().reshape(1, 4).toFloatMatrix())
        .isEqualTo(new float[][] {{4, 5, 6, 0}});
    assertThat(second.weights().toFloatMatrix()).isEqualTo(new float[][] {{1, 1, 1, 0}});
  }

  @Test
  void aRegressorsSequencesHaveTargetsAndWeightsPerStep() throws IOException {
    Path path = file("r.csv", "seq,x,y,w\na,1,2,3\na,4,5,6\nb,7,8,9\n");
    CsvBatchSource source =
        CsvBatchSource.builder(path)
            .sequenceColumn("seq", 2)
            .targetColumns("y")
            .weightsColumn("w")
            .build();

    Dataset batch = pass(source).get(0);

    assertThat(batch.target().shape()).containsExactly(2, 2, 1);
    assertThat(batch.target().reshape(2, 2).toFloatMatrix())
        .isEqualTo(new float[][] {{2, 5}, {8, 0}});
    assertThat(batch.weights().reshape(2, 2).toFloatMatrix())
        .isEqualTo(new float[][] {{3, 6}, {9, 0}});
  }

  @Test
  void examplesAreKeptByIndex() throws IOException {
    Path path = file("k.csv", "x\n0\n1\n2\n3\n4\n");
    CsvBatchSource odd =
        CsvBatchSource.builder(path).examples(i -> i % 2 == 1).batchSize(10).build();

    assertThat(pass(odd).get(0).inputs().toFloatVector()).containsExactly(1, 3);
  }

  @Test
  void theHeaderIsCheckedWhenTheSourceIsBuilt() throws IOException {
    Path path = file("h.csv", "x,y\n1,2\n");

    assertThatThrownBy(() -> CsvBatchSource.builder(path).targetColumns("z").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Column 'z' (a target column) is not in " + path + ". Columns: x, y.");
    assertThatThrownBy(
            () -> CsvBatchSource.builder(path).targetColumns("y").weightsColumn("y").build())
        .hasMessage(
            "Column 'y' cannot be both the weights column and a target, the label or another"
                + " role.");
    assertThatThrownBy(() -> CsvBatchSource.builder(path).targetColumns("x", "y").build())
        .hasMessage(
            path
                + " has no input column left: every column is a target, the weights or the"
                + " sequence.");
    assertThatThrownBy(() -> CsvBatchSource.builder(path).batchSize(0).build())
        .hasMessage("The batch size must be >= 1, got 0.");
    assertThatThrownBy(
            () ->
                CsvBatchSource.builder(path)
                    .sequenceColumn("y", 4)
                    .batchSize(Integer.MAX_VALUE / 4 + 1)
                    .build())
        .hasMessage(
            "A batch of 536870912 sequences of 4 steps of 1 values each holds more than"
                + " 2147483647 values; use a smaller batch size.");
    assertThatThrownBy(() -> CsvBatchSource.builder(dir.resolve("none.csv")).build())
        .hasMessage("CSV file '" + dir.resolve("none.csv") + "' does not exist.");
    assertThatThrownBy(() -> CsvBatchSource.builder(dir).build())
        .hasMessage("CSV file '" + dir + "' is a directory, not a CSV file.");
    assertThatThrownBy(
            () -> CsvBatchSource.builder(path).labelColumn("y", List.of("a", "a")).build())
        .hasMessage("The classes must be distinct names, at least 1, got [a, a].");
  }
}
