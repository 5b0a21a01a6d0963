package io.github.javanets.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.javanets.models.Autoencoder;
import io.github.javanets.models.Classifier;
import io.github.javanets.models.Layer;
import io.github.javanets.models.ModelKind;
import io.github.javanets.models.Regressor;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** The command line's names for the kinds of model, and the kind of a loaded model. */
class ModelKindsTest {
  @Test
  void modelOptionNamesTheThreeFeedForwardKindsInAnyCase() {
    ModelKinds.Converter converter = new ModelKinds.Converter();

    assertThat(converter.convert("regressor")).isEqualTo(ModelKind.REGRESSOR);
    assertThat(converter.convert("Classifier")).isEqualTo(ModelKind.CLASSIFIER);
    assertThat(converter.convert("AUTOENCODER")).isEqualTo(ModelKind.AUTOENCODER);
  }

  @Test
  void anUnknownModelListsTheKindsAsPicocliListsAnEnum() {
    ModelKinds.Converter converter = new ModelKinds.Converter();

    assertThatThrownBy(() -> converter.convert("recurrent_regressor"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessage(
            "expected one of [REGRESSOR, CLASSIFIER, AUTOENCODER] (case-insensitive) but was"
                + " 'recurrent_regressor'");
  }

  @Test
  void recurrentTurnsEachKindIntoItsRecurrentCounterpart() {
    assertThat(ModelKinds.of(ModelKind.REGRESSOR, true)).isEqualTo(ModelKind.RECURRENT_REGRESSOR);
    assertThat(ModelKinds.of(ModelKind.CLASSIFIER, true)).isEqualTo(ModelKind.RECURRENT_CLASSIFIER);
    assertThat(ModelKinds.of(ModelKind.AUTOENCODER, true))
        .isEqualTo(ModelKind.RECURRENT_AUTOENCODER);
    assertThat(ModelKinds.of(ModelKind.CLASSIFIER, false)).isEqualTo(ModelKind.CLASSIFIER);
    for (ModelKind kind : ModelKind.values()) {
      assertThat(ModelKinds.of(ModelKinds.feedForward(kind), kind.recurrent())).isEqualTo(kind);
    }
  }

  @Test
  void theOptionNameIsTheSameForAFeedForwardAndARecurrentModel() {
    assertThat(ModelKinds.option(ModelKind.CLASSIFIER)).isEqualTo("classifier");
    assertThat(ModelKinds.option(ModelKind.RECURRENT_CLASSIFIER)).isEqualTo("classifier");
    assertThat(ModelKinds.option(ModelKind.RECURRENT_REGRESSOR)).isEqualTo("regressor");
    assertThat(ModelKinds.option(ModelKind.AUTOENCODER)).isEqualTo("autoencoder");
  }

  @Test
  void eachKindHasExactlyOneTarget() {
    for (ModelKind kind : ModelKind.values()) {
      int roles =
          (ModelKinds.isRegressor(kind) ? 1 : 0)
              + (ModelKinds.isClassifier(kind) ? 1 : 0)
              + (ModelKinds.isAutoencoder(kind) ? 1 : 0);
      assertThat(roles).as(kind.name()).isEqualTo(1);
    }
    assertThat(ModelKinds.isClassifier(ModelKind.RECURRENT_CLASSIFIER)).isTrue();
    assertThat(ModelKinds.isAutoencoder(ModelKind.RECURRENT_AUTOENCODER)).isTrue();
  }

  @Test
  void aLoadedModelHasTheKindItWasBuiltAs() {
    Layer rnn = Layer.parse("4:rnn");

    assertThat(ModelKinds.of(Regressor.builder().layers(2, 4, 1).build()))
        .isEqualTo(ModelKind.REGRESSOR);
    assertThat(ModelKinds.of(Classifier.builder().layers(2, 4, 3).build()))
        .isEqualTo(ModelKind.CLASSIFIER);
    assertThat(ModelKinds.of(Autoencoder.builder().layers(2, 1, 2).build()))
        .isEqualTo(ModelKind.AUTOENCODER);
    assertThat(
            ModelKinds.of(
                io.github.javanets.models.recurrent.Regressor.builder().layers(2, rnn, 1).build()))
        .isEqualTo(ModelKind.RECURRENT_REGRESSOR);
    assertThat(
            ModelKinds.of(
                io.github.javanets.models.recurrent.Classifier.builder().layers(2, rnn, 3).build()))
        .isEqualTo(ModelKind.RECURRENT_CLASSIFIER);
    assertThat(
            ModelKinds.of(
                io.github.javanets.models.recurrent.Autoencoder.builder()
                    .layers(2, rnn, 2)
                    .build()))
        .isEqualTo(ModelKind.RECURRENT_AUTOENCODER);
  }
}
