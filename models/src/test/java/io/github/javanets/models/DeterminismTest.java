package io.github.javanets.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;

/** Same seed, same data, same options: the same parameters, bit for bit. */
class DeterminismTest {
  private static final Dataset DATA = TestData.regression(21, 40, 3, 2);

  private static Regressor model(long seed) {
    return Regressor.builder()
        .layers(3, "6:tanh", 2)
        .loss("mse")
        .loss("mae(weight=0.5)")
        .seed(seed)
        .build();
  }

  private static TrainOptions.Builder options(String algorithm) {
    return TrainOptions.builder()
        .algorithm(algorithm)
        .learningRate(1e-2)
        .batchSize(8)
        .maxUpdates(3)
        .validateEvery(2)
        .regularizer("weight_l2", 1e-3)
        .regularizer("input_noise", 0.1)
        .regularizer("hidden_dropout", 0.2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sgd", "nag", "rmsprop", "adam", "adadelta", "adagrad"})
  void sameSeedDataAndOptionsGiveBitIdenticalParameters(String algorithm) {
    Regressor a = model(3);
    Regressor b = model(3);

    TrainingResult ra = a.train(DATA, options(algorithm).build());
    TrainingResult rb = b.train(DATA, options(algorithm).build());

    TestData.assertBitIdentical(b.parameters(), a.parameters());
    assertThat(TestData.differ(a.parameters(), model(3).parameters())).isTrue();
    for (int e = 0; e < 3; e++) {
      assertThat(rb.history().get(e).train()).isEqualTo(ra.history().get(e).train());
      assertThat(rb.history().get(e).valid()).isEqualTo(ra.history().get(e).valid());
    }
  }

  @Test
  void aSecondTrainCallContinuesDeterministically() {
    Regressor a = model(3);
    Regressor b = model(3);

    a.train(DATA, options("adam").build());
    a.train(DATA, options("adam").seed(5).build());
    b.train(DATA, options("adam").build());
    b.train(DATA, options("adam").seed(5).build());

    TestData.assertBitIdentical(b.parameters(), a.parameters());
  }

  @Test
  void theTrainingSeedAndTheModelSeedEachChangeTheResult() {
    Regressor base = model(3);
    Regressor otherTrainingSeed = model(3);
    Regressor otherModelSeed = model(4);

    base.train(DATA, options("adam").build());
    otherTrainingSeed.train(DATA, options("adam").seed(99).build());
    otherModelSeed.train(DATA, options("adam").build());

    assertThat(TestData.differ(base.parameters(), otherTrainingSeed.parameters())).isTrue();
    assertThat(TestData.differ(base.parameters(), otherModelSeed.parameters())).isTrue();
  }

  @Test
  void doubleModelsAreDeterministicToo() {
    Regressor a = Regressor.builder().layers(3, 4, 2).dataType(DataType.DOUBLE).build();
    Regressor b = Regressor.builder().layers(3, 4, 2).dataType(DataType.DOUBLE).build();

    a.train(DATA, options("nag").build());
    b.train(DATA, options("nag").build());

    TestData.assertBitIdentical(b.parameters(), a.parameters());
  }
}
