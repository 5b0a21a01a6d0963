package io.github.javanets.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code spark-submit}'s main class gives {@code train} the master it was submitted with. */
class SparkMainTest {
  @Test
  void trainGetsTheSubmittedMasterUnlessItNamesOne() {
    assertThat(SparkMain.withMaster("yarn", "--plugins", "p", "train", "--epochs", "3"))
        .containsExactly("--plugins", "p", "train", "--spark", "yarn", "--epochs", "3");
    assertThat(SparkMain.withMaster("yarn", "train", "--spark", "local[2]"))
        .containsExactly("train", "--spark", "local[2]");
    assertThat(SparkMain.withMaster("yarn", "losses")).containsExactly("losses");
  }
}
