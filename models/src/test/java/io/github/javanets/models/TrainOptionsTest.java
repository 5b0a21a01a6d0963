package io.github.javanets.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class TrainOptionsTest {
  @Test
  void defaultsAreTheanetsWhereTheyMakeSense() {
    TrainOptions o = TrainOptions.defaults();

    assertThat(o.algorithm()).isEqualTo("adam");
    assertThat(o.learningRate()).isEqualTo(1e-3);
    assertThat(o.momentum()).isEqualTo(0.9);
    assertThat(o.batchSize()).isEqualTo(32);
    assertThat(o.maxUpdates()).isEqualTo(100);
    assertThat(o.validateEvery()).isEqualTo(10);
    assertThat(o.patience()).isEqualTo(5);
    assertThat(o.minImprovement()).isEqualTo(0.0);
    assertThat(o.maxGradientNorm()).isEqualTo(0.0);
    assertThat(o.seed()).isEqualTo(13);
    assertThat(o.regularizers()).isEmpty();
  }

  @Test
  void theBuilderSetsEveryOptionAsTheApiShowsIt() {
    TrainOptions o =
        TrainOptions.builder()
            .algorithm(" NAG ")
            .learningRate(0.05)
            .momentum(0.5)
            .batchSize(8)
            .maxUpdates(7)
            .validateEvery(2)
            .patience(3)
            .minImprovement(0.01)
            .maxGradientNorm(1.5)
            .seed(42)
            .regularizer("weight_l2", 1e-4)
            .regularizer("HIDDEN_DROPOUT", 0.25)
            .build();

    assertThat(o.algorithm()).isEqualTo("nag");
    assertThat(o.regularizers())
        .containsExactly(
            entry(Regularizer.WEIGHT_L2, 1e-4), entry(Regularizer.HIDDEN_DROPOUT, 0.25));
    assertThatThrownBy(() -> o.regularizers().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(o.toString())
        .isEqualTo(
            "TrainOptions(algorithm=nag, learningRate=0.05, momentum=0.5, batchSize=8,"
                + " maxUpdates=7, validateEvery=2, patience=3, minImprovement=0.01,"
                + " maxGradientNorm=1.5, seed=42, regularizers={WEIGHT_L2=1.0E-4,"
                + " HIDDEN_DROPOUT=0.25})");
  }

  @Test
  void badNumbersAreRefusedNamingTheOptionAndWhatIsAccepted() {
    TrainOptions.Builder b = TrainOptions.builder();

    assertThatThrownBy(() -> b.learningRate(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Training option 'learningRate' must be finite and > 0, got 0.0.");
    assertThatThrownBy(() -> b.learningRate(Double.NaN))
        .hasMessage("Training option 'learningRate' must be finite and > 0, got NaN.");
    assertThatThrownBy(() -> b.learningRate(Double.POSITIVE_INFINITY))
        .hasMessage("Training option 'learningRate' must be finite and > 0, got Infinity.");
    assertThatThrownBy(() -> b.momentum(1))
        .hasMessage("Training option 'momentum' must be in [0, 1), got 1.0.");
    assertThatThrownBy(() -> b.batchSize(0))
        .hasMessage("Training option 'batchSize' must be a whole number >= 1, got 0.");
    assertThatThrownBy(() -> b.maxUpdates(-1))
        .hasMessage("Training option 'maxUpdates' must be a whole number >= 0, got -1.");
    assertThatThrownBy(() -> b.validateEvery(0))
        .hasMessage("Training option 'validateEvery' must be a whole number >= 1, got 0.");
    assertThatThrownBy(() -> b.patience(-2))
        .hasMessage("Training option 'patience' must be a whole number >= 0, got -2.");
    assertThatThrownBy(() -> b.minImprovement(-0.1))
        .hasMessage("Training option 'minImprovement' must be finite and >= 0, got -0.1.");
    assertThatThrownBy(() -> b.maxGradientNorm(-1))
        .hasMessage("Training option 'maxGradientNorm' must be finite and >= 0, got -1.0.");
  }

  @Test
  void regularizersAreCheckedByNameAndWeight() {
    TrainOptions.Builder b = TrainOptions.builder();

    assertThatThrownBy(() -> b.regularizer("weight_l3", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Unknown regularizer 'weight_l3'. Accepted: weight_l1, weight_l2, hidden_l1,"
                + " input_noise, hidden_noise, input_dropout, hidden_dropout, contractive.");
    assertThatThrownBy(() -> b.regularizer("input_dropout", 1))
        .hasMessage("Regularizer 'input_dropout' needs a weight in [0, 1), got 1.0.");
    assertThatThrownBy(() -> b.regularizer("weight_l2", -1e-3))
        .hasMessage("Regularizer 'weight_l2' needs a weight finite and >= 0, got -0.001.");
    assertThatThrownBy(() -> b.regularizer("hidden_noise", Double.NaN))
        .hasMessage("Regularizer 'hidden_noise' needs a weight finite and >= 0, got NaN.");
    assertThat(Regularizer.CONTRACTIVE.specName()).isEqualTo("contractive");
    assertThat(Regularizer.WEIGHT_L1.isPenalty()).isTrue();
    assertThat(Regularizer.INPUT_NOISE.isPenalty()).isFalse();
  }

  @Test
  void anUnknownAlgorithmIsRefusedWhenTrainingStartsListingTheBoundOnes() {
    Regressor net = new Regressor(2, 1);
    TrainOptions options = TrainOptions.builder().algorithm("adamw").build();

    assertThatThrownBy(() -> net.train(TestData.regression(1, 4, 2, 1), options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Unknown algorithm 'adamw'. Available: adadelta, adagrad, adam, nag, rmsprop, sgd.");
  }
}
