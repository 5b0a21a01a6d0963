package io.github.javanets.models.recurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.javanets.models.Dataset;
import io.github.javanets.models.Layer;
import io.github.javanets.models.Model;
import io.github.javanets.models.TestData;
import io.github.javanets.models.TrainOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Recurrent models save to one file and load back predicting identically. */
class RecurrentSaveLoadTest {
  @TempDir Path dir;

  static final TrainOptions OPTIONS = TrainOptions.builder().batchSize(4).maxUpdates(2).build();

  @ParameterizedTest
  @ValueSource(strings = {"rnn", "lstm", "gru"})
  void aRegressorOfEachFormRoundTrips(String form) throws Exception {
    INDArray x = Sequences.uniform(1, 8, 5, 3);
    Regressor net = Regressor.builder().layers(3, "6:" + form, 2).loss("mae").build();
    net.train(Dataset.of(x, Sequences.uniform(2, 8, 5, 2)), OPTIONS);
    net.metadata().put("columns", "a,b,c");
    Path file = dir.resolve(form + ".jnet");

    net.save(file);
    Regressor again = Regressor.load(file);

    assertThat(again.layers()).isEqualTo(net.layers());
    assertThat(again.losses().get(0).name()).isEqualTo("mae");
    assertThat(again.metadata()).containsEntry("columns", "a,b,c");
    TestData.assertBitIdentical(again.parameters(), net.parameters());
    assertThat(TestData.flat(again.predict(x))).containsExactly(TestData.flat(net.predict(x)));
  }

  @Test
  void aClassifierAndAnAutoencoderRoundTripAndLoadAsTheirKind() throws Exception {
    INDArray x = Sequences.uniform(3, 6, 4, 3);
    Classifier clf = Classifier.builder().layers(3, "5:lstm", "4:gru", 3).build();
    clf.train(Dataset.of(x, Nd4j.zeros(DataType.INT64, 6, 4)), OPTIONS);
    Autoencoder ae = Autoencoder.builder().layers(3, Layer.of(10, "rnn"), 3).weighted(true).build();
    clf.save(dir.resolve("clf.jnet"));
    ae.save(dir.resolve("ae.jnet"));

    Model loaded = Model.load(dir.resolve("clf.jnet"));
    Autoencoder aeAgain = Autoencoder.load(dir.resolve("ae.jnet"));

    assertThat(loaded).isInstanceOf(Classifier.class);
    assertThat(TestData.flat(((Classifier) loaded).predictProba(x)))
        .containsExactly(TestData.flat(clf.predictProba(x)));
    assertThat(aeAgain.weighted()).isTrue();
    assertThat(TestData.flat(aeAgain.predict(x))).containsExactly(TestData.flat(ae.predict(x)));
    assertThatThrownBy(() -> Regressor.load(dir.resolve("ae.jnet")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("holds a recurrent.Autoencoder, not a recurrent.Regressor.");
    assertThatThrownBy(() -> io.github.javanets.models.Autoencoder.load(dir.resolve("ae.jnet")))
        .hasMessageEndingWith("holds a recurrent.Autoencoder, not a Autoencoder.");
  }
}
