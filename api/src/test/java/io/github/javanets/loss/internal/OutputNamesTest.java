package io.github.javanets.loss.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Output names: {@code "<layer>:<output>"}, a bare layer name meaning its {@code :out}. */
class OutputNamesTest {
  @Test
  void aBareLayerNameMeansItsOutput() {
    assertThat(OutputNames.normalize("hid1")).isEqualTo("hid1:out");
    assertThat(OutputNames.normalize(" hid1 ")).isEqualTo("hid1:out");
  }

  @Test
  void aFullNameStaysAsItIs() {
    assertThat(OutputNames.normalize("hid1:pre")).isEqualTo("hid1:pre");
    assertThat(OutputNames.normalize("hid1:out")).isEqualTo("hid1:out");
  }

  @Test
  void theLayerIsThePartBeforeTheColon() {
    assertThat(OutputNames.layer("hid1:pre")).isEqualTo("hid1");
    assertThat(OutputNames.layer("code")).isEqualTo("code");
  }

  @Test
  void malformedNamesAreRejectedQuotingTheName() {
    for (String bad : new String[] {"", "  ", ":out", "hid1:", "a:b:c"}) {
      assertThatThrownBy(() -> OutputNames.normalize(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "Output name '" + bad + "' is not of the form '<layer>' or '<layer>:<output>'.");
    }
    assertThatThrownBy(() -> OutputNames.normalize(null)).isInstanceOf(NullPointerException.class);
  }
}
