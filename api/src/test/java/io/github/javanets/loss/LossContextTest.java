package io.github.javanets.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/** What a loss sees: outputs by normalized name, the target, the weights and softmax logits. */
class LossContextTest {
  private SameDiff sd;
  private SDVariable hidden;
  private SDVariable logits;
  private SDVariable probabilities;

  @BeforeEach
  void graph() {
    sd = SameDiff.create();
    hidden = sd.placeHolder("hidden", DataType.DOUBLE, -1, 4);
    logits = sd.placeHolder("logits", DataType.DOUBLE, -1, 3);
    probabilities = sd.nn().softmax(logits, -1);
  }

  private LossContext context() {
    return LossContext.builder(sd)
        .output("hid1", hidden)
        .output("out:pre", logits)
        .output("out", probabilities, -1, 3)
        .softmaxLogits("out", logits)
        .mainOutput("out:out")
        .build();
  }

  @Test
  void outputsAreFoundByBareOrFullName() {
    LossContext ctx = context();

    assertThat(ctx.sameDiff()).isSameAs(sd);
    assertThat(ctx.outputName()).isEqualTo("out:out");
    assertThat(ctx.output()).isSameAs(probabilities);
    assertThat(ctx.output("hid1")).isSameAs(hidden);
    assertThat(ctx.output("hid1:out")).isSameAs(hidden);
    assertThat(ctx.output("out:pre")).isSameAs(logits);
    assertThat(ctx.outputNames()).containsExactly("hid1:out", "out:out", "out:pre");
  }

  @Test
  void aMissingOutputListsTheOutputsThatExist() {
    assertThatThrownBy(() -> context().output("hid2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No output 'hid2:out'. Available outputs: hid1:out, out:out, out:pre.");
    assertThatThrownBy(() -> context().outputShape("hid2:pre"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No output 'hid2:pre'. Available outputs: hid1:out, out:out, out:pre.");
  }

  @Test
  void outputShapesAreTheVariablesOrThoseGivenWithMinusOneForTheBatch() {
    LossContext ctx = context();

    assertThat(ctx.outputShape()).containsExactly(-1, 3);
    assertThat(ctx.outputShape("hid1")).containsExactly(-1, 4);
    assertThat(ctx.outputShape("out:pre")).containsExactly(-1, 3);
    ctx.outputShape("hid1")[1] = 99;
    assertThat(ctx.outputShape("hid1")).containsExactly(-1, 4);
  }

  @Test
  void theShapeGivenIsCopied() {
    long[] shape = {-1, 3};
    LossContext ctx = LossContext.builder(sd).output("out", probabilities, shape).build();

    shape[1] = 7;

    assertThat(ctx.outputShape()).containsExactly(-1, 3);
  }

  @Test
  void anOutputWhoseShapeIsNotKnownMustBeGivenItsShape() {
    assertThatThrownBy(() -> LossContext.builder(sd).output("out", probabilities))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The shape of output 'out' is not known; give it with output(name, value, shape).");
  }

  @Test
  void softmaxLogitsAreKnownOnlyForTheOutputsGiven() {
    LossContext ctx = context();

    assertThat(ctx.softmaxLogits("out")).containsSame(logits);
    assertThat(ctx.softmaxLogits("hid1")).isEmpty();
  }

  @Test
  void withoutTargetAndWeightsTheContextIsUnweighted() {
    LossContext ctx = context();

    assertThat(ctx.target()).isNull();
    assertThat(ctx.weights()).isNull();
    assertThat(ctx.weighted()).isFalse();
  }

  @Test
  void targetAndWeightsAreThoseGiven() {
    SDVariable t = sd.placeHolder("t", DataType.DOUBLE, -1, 4);
    SDVariable w = sd.placeHolder("w", DataType.DOUBLE, -1, 4);

    LossContext ctx = LossContext.builder(sd).output("hid1", hidden).target(t).weights(w).build();

    assertThat(ctx.target()).isSameAs(t);
    assertThat(ctx.weights()).isSameAs(w);
    assertThat(ctx.weighted()).isTrue();
  }

  @Test
  void theFirstOutputIsTheMainOneUnlessTold() {
    LossContext ctx =
        LossContext.builder(sd).output("hid1", hidden).output("out", probabilities, -1, 3).build();

    assertThat(ctx.outputName()).isEqualTo("hid1:out");
    assertThat(ctx.output()).isSameAs(hidden);
  }

  @Test
  void aContextNeedsAnOutputAndAMainOutputAmongThem() {
    assertThatThrownBy(() -> LossContext.builder(sd).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("A loss context needs at least one output.");
    assertThatThrownBy(
            () ->
                LossContext.builder(sd)
                    .output("hid1", hidden)
                    .output("out:pre", logits)
                    .mainOutput("code")
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The main output 'code:out' is not among the outputs [hid1:out, out:pre].");
  }

  @Test
  void theOutputNamesAreUnmodifiable() {
    assertThatThrownBy(() -> context().outputNames().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aBadOutputNameIsRejectedWhenAdded() {
    assertThatThrownBy(() -> LossContext.builder(sd).output("a:b:c", hidden))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Output name 'a:b:c' is not of the form '<layer>' or '<layer>:<output>'.");
  }
}
