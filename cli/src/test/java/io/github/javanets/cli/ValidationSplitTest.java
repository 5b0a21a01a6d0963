package io.github.javanets.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.javanets.models.ModelKind;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Holding out a shuffled share of the examples for validation. */
class ValidationSplitTest {
  private static Examples rows(int n) {
    double[][] x = new double[n][1];
    return Examples.of(new TableData(x, null, null, null), null, info(), "--sequence-column");
  }

  private static ModelInfo info() {
    ColumnRoles columns = new ColumnRoles(List.of("x"), List.of(), null, null);
    return new ModelInfo(ModelKind.AUTOENCODER, columns, List.of());
  }

  @Test
  void theShareIsRoundedAndEveryExampleIsInExactlyOnePart() {
    ValidationSplit split = ValidationSplit.shuffle(rows(10), 0.25, 13, "d.csv");

    assertThat(split.valid()).hasSize(3);
    assertThat(split.train()).hasSize(7);
    assertThat(IntStream.concat(IntStream.of(split.train()), IntStream.of(split.valid())).sorted())
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void theSameSeedGivesTheSameSplit() {
    ValidationSplit a = ValidationSplit.shuffle(rows(20), 0.2, 7, "d.csv");
    ValidationSplit b = ValidationSplit.shuffle(rows(20), 0.2, 7, "d.csv");

    assertThat(a.valid()).containsExactly(b.valid());
  }

  @Test
  void eachPartKeepsAtLeastOneExample() {
    assertThat(ValidationSplit.shuffle(rows(3), 0.01, 13, "d.csv").valid()).hasSize(1);
    assertThat(ValidationSplit.shuffle(rows(3), 0.99, 13, "d.csv").train()).hasSize(1);
  }

  @Test
  void oneExampleCannotBeSplit() {
    assertThatThrownBy(() -> ValidationSplit.shuffle(rows(1), 0.2, 13, "d.csv"))
        .hasMessage(
            "d.csv has 1 row: too few to hold out validation rows; use --valid-fraction 0.");
  }
}
