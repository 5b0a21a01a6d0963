package io.github.javanets.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.runtime.TestLosses.SquaredError;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

/** The filter drops SameDiff's "Added differentiated op" lines from System.out, and only those. */
class GradientLogFilterTest {
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream original;

  @BeforeEach
  void capture() {
    original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(original);
  }

  private String out() {
    System.out.flush();
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void onlyDifferentiatedOpLinesAreDropped() {
    GradientLogFilter.install();

    System.out.println("Added differentiated op mul");
    System.out.println("keep me");
    System.out.println("Note: Added differentiated op is mentioned here");
    System.out.println((String) null);
    System.out.print("partial ");
    System.out.println(42);

    assertThat(out())
        .isEqualTo(
            String.join(
                System.lineSeparator(),
                "keep me",
                "Note: Added differentiated op is mentioned here",
                "null",
                "partial 42",
                ""));
  }

  @Test
  void installingTwiceWrapsOnce() {
    GradientLogFilter.install();
    PrintStream first = System.out;

    GradientLogFilter.install();

    assertThat(System.out).isSameAs(first).isInstanceOf(GradientLogFilter.class);
  }

  @Test
  void sameDiffPrintsTheLinesWithoutTheFilter() {
    SameDiff sd = SameDiff.create();
    SDVariable x = sd.var("x", Nd4j.createFromArray(1.0, 2.0));
    SDVariable loss = x.mul(x).sum();
    sd.setLossVariables(loss.name());

    sd.calculateGradients(Map.of(), "x");

    assertThat(out()).contains("Added differentiated op ");
  }

  @Test
  void aGradientPrintsNoDifferentiatedOpLines() {
    new SquaredError()
        .gradient(
            Nd4j.createFromArray(new double[][] {{1, 2}}),
            Nd4j.createFromArray(new double[][] {{0, 0}}),
            null);

    assertThat(out()).doesNotContain("Added differentiated op");
  }
}
