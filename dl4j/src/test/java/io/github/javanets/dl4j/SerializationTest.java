package io.github.javanets.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.conventions.SameBits;
import io.github.javanets.loss.LossRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The adapter is its spec: equality, text, DL4J's JSON and model files, and Java serialisation all
 * carry the spec, never a graph.
 */
class SerializationTest {

  private static MultiLayerConfiguration config(String spec) {
    return new NeuralNetConfiguration.Builder()
        .seed(7)
        .dataType(DataType.DOUBLE)
        .list()
        .layer(new DenseLayer.Builder().nIn(2).nOut(5).activation(Activation.TANH).build())
        .layer(
            new OutputLayer.Builder(new LossFunctionAdapter(spec))
                .nIn(5)
                .nOut(1)
                .activation(Activation.IDENTITY)
                .build())
        .build();
  }

  private static LossFunctionAdapter lossOf(MultiLayerConfiguration conf) {
    return (LossFunctionAdapter) ((OutputLayer) conf.getConf(1).getLayer()).getLossFn();
  }

  private static DataSet data() {
    return new DataSet(TestArrays.uniform(1, 8, 2, -1, 1), TestArrays.uniform(2, 8, 1, -1, 1));
  }

  @Test
  void theSpecIsCanonicalAndDefinesEqualityAndText() {
    LossFunctionAdapter quantile = new LossFunctionAdapter("QUANTILE(tau=0.90)");
    LossFunctionAdapter pinball = new LossFunctionAdapter("pinball(tau=0.9)");

    assertThat(quantile.spec()).isEqualTo("pinball(tau=0.9)");
    assertThat(quantile).isEqualTo(pinball).hasSameHashCodeAs(pinball);
    assertThat(quantile).isNotEqualTo(new LossFunctionAdapter("pinball(tau=0.5)"));
    assertThat(quantile.toString()).isEqualTo("LossFunctionAdapter(pinball(tau=0.9))");
    assertThat(quantile.name()).isEqualTo(quantile.toString());
    assertThat(new LossFunctionAdapter(quantile.spec())).isEqualTo(quantile);
  }

  @Test
  void anAdapterFromALossInstanceKeepsItsConfiguration() {
    LossFunctionAdapter adapter =
        LossFunctionAdapter.of(LossRegistry.discover().create("huber(delta=0.5, weight=2)"));
    assertThat(adapter.spec()).isEqualTo("huber(delta=0.5, weight=2.0)");
  }

  @Test
  void jsonRoundTripGivesAnEqualConfigurationWithTheSameSpec() {
    MultiLayerConfiguration conf = config("pinball(tau=0.9)");
    String json = conf.toJson();
    MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(json);

    assertThat(json)
        .contains("\"@class\" : \"io.github.javanets.dl4j.LossFunctionAdapter\"")
        .contains("\"spec\" : \"pinball(tau=0.9)\"");
    assertThat(back).isEqualTo(conf);
    assertThat(lossOf(back).spec()).isEqualTo("pinball(tau=0.9)");
  }

  @Test
  void modelFileRoundTripGivesTheSameOutputAndScore(@TempDir Path dir) throws Exception {
    MultiLayerNetwork net = new MultiLayerNetwork(config("pinball(tau=0.9)"));
    net.init();
    net.fit(data());
    File file = dir.resolve("model.zip").toFile();
    ModelSerializer.writeModel(net, file, true);
    MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file, true);

    assertThat(lossOf(restored.getLayerWiseConfigurations()))
        .isEqualTo(lossOf(net.getLayerWiseConfigurations()));
    SameBits.assertSameBits(
        "output", restored.output(data().getFeatures()), net.output(data().getFeatures()));
    assertThat(restored.score(data())).isEqualTo(net.score(data()));
  }

  @Test
  void javaSerialisationKeepsTheSpecAndFindsTheLossAgain() throws Exception {
    LossFunctionAdapter adapter = new LossFunctionAdapter("pinball(tau=0.9)");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(adapter);
    }
    LossFunctionAdapter back;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      back = (LossFunctionAdapter) in.readObject();
    }
    INDArray labels = TestArrays.uniform(3, 4, 2, -1, 1);
    INDArray pre = TestArrays.uniform(4, 4, 2, -1, 1);
    assertThat(back).isEqualTo(adapter);
    assertThat(back.computeScore(labels, pre, new ActivationTanH(), null, true))
        .isEqualTo(adapter.computeScore(labels, pre, new ActivationTanH(), null, true));
  }
}
