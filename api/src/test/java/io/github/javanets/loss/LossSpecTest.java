package io.github.javanets.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

/** The spec grammar: names, parameters, quoting, white space and errors. */
class LossSpecTest {
  @Test
  void aBareNameHasNoParameters() {
    LossSpec spec = LossSpec.parse("MSE");

    assertThat(spec.name()).isEqualTo("MSE");
    assertThat(spec.parameters()).isEmpty();
  }

  @Test
  void emptyParenthesesAreNoParameters() {
    LossSpec spec = LossSpec.parse("mse( )");

    assertThat(spec.name()).isEqualTo("mse");
    assertThat(spec.parameters()).isEmpty();
  }

  @Test
  void parametersKeepTheirOrderAndText() {
    LossSpec spec = LossSpec.parse("mmd(bandwidth=0.5, estimator=unbiased, weight=2)");

    assertThat(spec.name()).isEqualTo("mmd");
    assertThat(spec.parameters())
        .containsExactly(
            entry("bandwidth", "0.5"), entry("estimator", "unbiased"), entry("weight", "2"));
  }

  @Test
  void whiteSpaceIsAllowedAroundEveryToken() {
    LossSpec spec = LossSpec.parse("  \tmmd ( bandwidth = 0.5 ,estimator= unbiased\n)  ");

    assertThat(spec.name()).isEqualTo("mmd");
    assertThat(spec.parameters())
        .containsExactly(entry("bandwidth", "0.5"), entry("estimator", "unbiased"));
  }

  @Test
  void namesMayHoldDigitsUnderscoresDashesAndDots() {
    LossSpec spec = LossSpec.parse("my.loss-2_b(out_1=hid1:pre, x=-1.5e-3)");

    assertThat(spec.name()).isEqualTo("my.loss-2_b");
    assertThat(spec.parameters())
        .containsExactly(entry("out_1", "hid1:pre"), entry("x", "-1.5e-3"));
  }

  @Test
  void quotedValuesMayHoldSpacesCommasParenthesesAndEscapedQuotes() {
    LossSpec spec =
        LossSpec.parse(
            "x(a='one, two (three)', b=\"it's\", c='it\\'s', d='back\\\\slash', e='', f=\"=\")");

    assertThat(spec.parameters())
        .containsExactly(
            entry("a", "one, two (three)"),
            entry("b", "it's"),
            entry("c", "it's"),
            entry("d", "back\\slash"),
            entry("e", ""),
            entry("f", "="));
  }

  @Test
  void theParametersAreUnmodifiable() {
    LossSpec spec = LossSpec.parse("x(a=1)");

    assertThatThrownBy(() -> spec.parameters().put("b", "2"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aMissingValueIsAnError() {
    assertThatThrownBy(() -> LossSpec.parse("mmd(bandwidth=)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot read loss spec 'mmd(bandwidth=)': expected a value at position 14.");
  }

  @Test
  void aMissingEqualsSignIsAnError() {
    assertThatThrownBy(() -> LossSpec.parse("mmd(bandwidth 2)"))
        .hasMessage("Cannot read loss spec 'mmd(bandwidth 2)': expected '=' at position 14.");
  }

  @Test
  void anUnclosedQuoteIsAnError() {
    assertThatThrownBy(() -> LossSpec.parse("x(label='abc)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot read loss spec 'x(label='abc)': the quoted value is not closed at position 13.");
  }

  @Test
  void anUnclosedParenthesisIsAnError() {
    assertThatThrownBy(() -> LossSpec.parse("mmd(bandwidth=2"))
        .hasMessage("Cannot read loss spec 'mmd(bandwidth=2': expected ')' at position 15.");
  }

  @Test
  void trailingTextIsAnError() {
    assertThatThrownBy(() -> LossSpec.parse("mse(weight=2) extra"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot read loss spec 'mse(weight=2) extra': expected the end of the spec at position"
                + " 14.");
    assertThatThrownBy(() -> LossSpec.parse("mse mae"))
        .hasMessage("Cannot read loss spec 'mse mae': expected the end of the spec at position 4.");
  }

  @Test
  void aParameterGivenTwiceIsAnError() {
    assertThatThrownBy(() -> LossSpec.parse("mmd(bandwidth=1, bandwidth=2)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot read loss spec 'mmd(bandwidth=1, bandwidth=2)': parameter 'bandwidth' is given"
                + " twice at position 28.");
  }

  @Test
  void anEmptyOrNamelessSpecIsAnError() {
    assertThatThrownBy(() -> LossSpec.parse(""))
        .hasMessage("Cannot read loss spec '': expected a loss name at position 0.");
    assertThatThrownBy(() -> LossSpec.parse("   "))
        .hasMessage("Cannot read loss spec '   ': expected a loss name at position 3.");
    assertThatThrownBy(() -> LossSpec.parse("(a=1)"))
        .hasMessage("Cannot read loss spec '(a=1)': expected a loss name at position 0.");
  }

  @Test
  void aTrailingCommaIsAnError() {
    assertThatThrownBy(() -> LossSpec.parse("mmd(bandwidth=1,)"))
        .hasMessage(
            "Cannot read loss spec 'mmd(bandwidth=1,)': expected a parameter name at position 16.");
  }

  @Test
  void aNullSpecIsRejected() {
    assertThatThrownBy(() -> LossSpec.parse(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void textThatNeedsNoQuotesIsWrittenBare() {
    assertThat(LossSpec.quoteIfNeeded("hid1:out")).isEqualTo("hid1:out");
    assertThat(LossSpec.quoteIfNeeded("-1.5e-3")).isEqualTo("-1.5e-3");
  }

  @Test
  void textThatNeedsQuotesIsQuotedAndEscaped() {
    assertThat(LossSpec.quoteIfNeeded("")).isEqualTo("''");
    assertThat(LossSpec.quoteIfNeeded("a b")).isEqualTo("'a b'");
    assertThat(LossSpec.quoteIfNeeded("a,b")).isEqualTo("'a,b'");
    assertThat(LossSpec.quoteIfNeeded("f(x)=y")).isEqualTo("'f(x)=y'");
    assertThat(LossSpec.quoteIfNeeded("it's")).isEqualTo("'it\\'s'");
    assertThat(LossSpec.quoteIfNeeded("say \"hi\"")).isEqualTo("'say \"hi\"'");
    assertThat(LossSpec.quoteIfNeeded("a\\b")).isEqualTo("'a\\\\b'");
  }

  @Test
  void quotedTextReadsBackAsItWas() {
    for (String text : new String[] {"", "a b", "it's", "a\\b", "(,=)", "say \"hi\"", "x"}) {
      String spec = "x(v=" + LossSpec.quoteIfNeeded(text) + ")";
      assertThat(LossSpec.parse(spec).parameters()).as(spec).containsExactly(entry("v", text));
    }
  }
}
