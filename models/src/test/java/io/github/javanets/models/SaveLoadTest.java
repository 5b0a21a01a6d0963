package io.github.javanets.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.javanets.loss.Loss;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class SaveLoadTest {
  @TempDir Path dir;

  private static Regressor trainedRegressor() {
    Regressor net =
        Regressor.builder()
            .layers(3, "5:tanh:name=code", "2")
            .loss("mae(weight=2)")
            .loss("huber(delta=0.5)")
            .weighted(true)
            .seed(7)
            .dataType(DataType.DOUBLE)
            .build();
    Dataset base = TestData.regression(1, 24, 3, 2);
    net.train(
        Dataset.of(base.inputs(), base.target(), TestData.uniform(2, 24, 2, 0, 1)),
        TrainOptions.builder().batchSize(8).maxUpdates(2).build());
    net.metadata().put("columns", "a, b, c");
    return net;
  }

  @Test
  void aRegressorRoundTripsAndPredictsIdentically() throws IOException {
    Regressor net = trainedRegressor();
    Path file = dir.resolve("net.jnet");
    INDArray x = TestData.gaussian(3, 10, 3);

    net.save(file);
    Regressor again = Regressor.load(file);

    TestData.assertSameBits("prediction", again.predict(x), net.predict(x));
    TestData.assertBitIdentical(again.parameters(), net.parameters());
    assertThat(again.layers()).isEqualTo(net.layers());
    assertThat(again.losses())
        .extracting(Loss::toString)
        .containsExactly("mae(weighted=true, weight=2.0)", "huber(delta=0.5, weighted=true)");
    assertThat(again.weighted()).isTrue();
    assertThat(again.seed()).isEqualTo(7);
    assertThat(again.dataType()).isEqualTo(DataType.DOUBLE);
    assertThat(again.outputNames()).contains("code:out");
    assertThat(again.metadata())
        .containsExactly(org.assertj.core.api.Assertions.entry("columns", "a, b, c"));
    assertThat(Model.load(file)).isInstanceOf(Regressor.class);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void theFileHoldsLayersLossSpecsAndProviders() throws IOException {
    Regressor net = trainedRegressor();
    Path file = dir.resolve("net.jnet");
    net.save(file);

    Map<String, byte[]> entries = ModelZips.read(file);
    JsonNode json = ModelZips.JSON.readTree(entries.get("model.json"));

    assertThat(entries.keySet())
        .containsExactly(
            "model.json", "params/code.w", "params/code.b", "params/out.w", "params/out.b");
    assertThat(json.path("format").asText()).isEqualTo("javanets-model");
    assertThat(json.path("kind").asText()).isEqualTo("REGRESSOR");
    assertThat(json.path("layers").toString()).isEqualTo("[\"3\",\"5:tanh:name=code\",\"2\"]");
    JsonNode mae = json.path("losses").get(0);
    Loss loss = net.losses().get(0);
    assertThat(mae.path("spec").asText()).isEqualTo("mae(weighted=true, weight=2.0)");
    assertThat(mae.path("name").asText()).isEqualTo("mae");
    assertThat(mae.path("class").asText())
        .isEqualTo("io.github.javanets.loss.builtin.MeanAbsoluteError");
    assertThat(mae.path("jar").asText())
        .isEqualTo(Path.of(loss.info().source()).getFileName().toString());
    assertThat(mae.has("source")).isFalse();
    assertThat(mae.has("version")).isTrue();
  }

  @Test
  void aClassifierAndATiedAutoencoderRoundTrip() throws IOException {
    Classifier clf =
        Classifier.builder().layers(2, "4:tanh", 3).loss("xe").loss("hinge(margin=1)").build();
    Autoencoder ae = Autoencoder.builder().layers(4, "2:logistic", "4:tied").seed(3).build();
    INDArray x = TestData.gaussian(4, 6, 2);
    INDArray z = TestData.gaussian(5, 6, 4);

    clf.save(dir.resolve("clf.jnet"));
    ae.save(dir.resolve("ae.jnet"));
    Classifier clf2 = Classifier.load(dir.resolve("clf.jnet"));
    Autoencoder ae2 = (Autoencoder) Model.load(dir.resolve("ae.jnet"));

    TestData.assertSameBits("probabilities", clf2.predictProba(x), clf.predictProba(x));
    assertThat(clf2.losses()).extracting(Loss::toString).containsExactly("xe", "hinge(margin=1.0)");
    TestData.assertSameBits("reconstruction", ae2.predict(z), ae.predict(z));
    TestData.assertSameBits("codes", ae2.encode(z), ae.encode(z));
    assertThat(ae2.parameters().keySet()).containsExactly("hid1.w", "hid1.b", "out.b");
  }

  @Test
  void savingAgainReplacesTheFile() throws IOException {
    Path file = dir.resolve("net.jnet");
    Regressor first = Regressor.builder().layers(3, 2).seed(1).build();
    Regressor second = Regressor.builder().layers(3, 2).seed(2).build();
    INDArray x = TestData.gaussian(6, 4, 3);

    first.save(file);
    second.save(file);

    TestData.assertSameBits("prediction", Regressor.load(file).predict(x), second.predict(x));
  }

  @Test
  void aFailedSaveLeavesNoPartialFile() throws IOException {
    Path target = dir.resolve("net.jnet");
    Files.createDirectory(target);
    Files.writeString(target.resolve("keep.txt"), "kept");

    assertThatThrownBy(() -> new Regressor(3, 2).save(target)).isInstanceOf(IOException.class);

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
    assertThat(Files.readString(target.resolve("keep.txt"))).isEqualTo("kept");
  }

  @Test
  void aMissingLossProviderIsNamedWithItsJar() throws IOException {
    Path file = dir.resolve("net.jnet");
    trainedRegressor().save(file);
    ModelZips.rewriteJson(
        file,
        json -> {
          ObjectNode loss = (ObjectNode) json.path("losses").get(1);
          loss.put("spec", "nosuchloss(alpha=2)");
          loss.put("name", "nosuchloss");
          loss.put("class", "com.example.losses.NoSuchLoss");
          loss.put("jar", "nosuch-losses-1.2.jar");
          loss.put("version", "1.2");
        });

    assertThatThrownBy(() -> Regressor.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            file
                + " needs loss 'nosuchloss' (class com.example.losses.NoSuchLoss, version 1.2, from"
                + " nosuch-losses-1.2.jar), which is not on the class path. Add that jar to load"
                + " the model.");
  }

  @Test
  void loadSaysWhatIsWrongWithTheFile() throws IOException {
    Path clf = dir.resolve("clf.jnet");
    new Classifier(2, 3).save(clf);
    Path text = dir.resolve("text.jnet");
    Files.writeString(text, "not a model");
    Path future = dir.resolve("future.jnet");
    new Regressor(2, 1).save(future);
    ModelZips.rewriteJson(future, json -> json.put("version", 99));

    assertThatThrownBy(() -> Regressor.load(clf))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(clf + " holds a Classifier, not a Regressor.");
    assertThatThrownBy(() -> Model.load(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            text + " is not a javanets model file (not a zip archive: zip END header not found).");
    assertThatThrownBy(() -> Model.load(future))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(future + " has model file version 99; this javanets reads version 1.");
    assertThatThrownBy(() -> Model.load(dir.resolve("absent.jnet")))
        .isInstanceOf(java.nio.file.NoSuchFileException.class);
  }

  @Test
  void parametersThatDoNotFitTheLayersAreRefused() throws IOException {
    Path missing = dir.resolve("missing.jnet");
    Path reshaped = dir.resolve("reshaped.jnet");
    Path extra = dir.resolve("extra.jnet");
    for (Path p : List.of(missing, reshaped, extra)) {
      new Regressor(3, 4, 2).save(p);
    }
    ModelZips.editEntries(missing, entries -> entries.remove("params/out.b"));
    ModelZips.editEntries(
        reshaped, entries -> entries.put("params/hid1.w", entries.get("params/out.w")));
    ModelZips.editEntries(
        extra, entries -> entries.put("params/hid2.w", entries.get("params/out.w")));

    assertThatThrownBy(() -> Regressor.load(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(missing + " lacks parameter 'out.b' of shape [2] that its layers need.");
    assertThatThrownBy(() -> Regressor.load(reshaped))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            reshaped + " has parameter 'hid1.w' of shape [4, 2] where its layers need [3, 4].");
    assertThatThrownBy(() -> Regressor.load(extra))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(extra + " has parameter 'hid2.w', which its layers do not use.");
  }
}
