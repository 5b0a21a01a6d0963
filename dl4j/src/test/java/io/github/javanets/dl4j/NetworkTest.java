package io.github.javanets.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * Inside a DOUBLE MultiLayerNetwork the adapter gives the network the same score and parameter
 * gradients as DL4J's own loss (to 1e-10), in an OutputLayer and in a LossLayer, with and without a
 * label mask; {@code scoreExamples} sums to the network's score times the minibatch size.
 */
class NetworkTest {
  private static final double TOLERANCE = 1e-10;
  private static final INDArray FEATURES = TestArrays.uniform(31, 8, 3, -1, 1);
  private static final INDArray VALUES = TestArrays.uniform(32, 8, 2, -1, 1);
  private static final INDArray ONE_HOT = TestArrays.oneHot(2, 0, 1, 1, 0, 1, 0, 0, 1);
  private static final INDArray MASK = TestArrays.column(1, 1, 0, 1, 1, 1, 0, 1);

  private static MultiLayerNetwork network(Layer last) {
    MultiLayerConfiguration conf =
        new NeuralNetConfiguration.Builder()
            .seed(3)
            .dataType(DataType.DOUBLE)
            .list()
            .layer(new DenseLayer.Builder().nIn(3).nOut(2).activation(Activation.TANH).build())
            .layer(last)
            .build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    return net;
  }

  private static MultiLayerNetwork withOutputLayer(ILossFunction loss) {
    return network(
        new OutputLayer.Builder(loss).nIn(2).nOut(2).activation(Activation.SIGMOID).build());
  }

  private static MultiLayerNetwork withLossLayer(ILossFunction loss) {
    return network(new LossLayer.Builder(loss).activation(Activation.SOFTMAX).build());
  }

  private static void assertSameScoreAndGradient(
      MultiLayerNetwork adapted, MultiLayerNetwork dl4j, INDArray labels, INDArray mask) {
    adapted.setParams(dl4j.params());
    for (MultiLayerNetwork net : new MultiLayerNetwork[] {adapted, dl4j}) {
      net.setInput(FEATURES);
      net.setLabels(labels);
      net.setLayerMaskArrays(null, mask);
      net.computeGradientAndScore();
    }
    assertThat(adapted.score()).isCloseTo(dl4j.score(), within(TOLERANCE));
    INDArray difference = adapted.gradient().gradient().sub(dl4j.gradient().gradient());
    assertThat(difference.amaxNumber().doubleValue()).isLessThan(TOLERANCE);
  }

  @Test
  void mseInAnOutputLayerGivesTheNetworkDl4jsScoreAndGradient() {
    assertSameScoreAndGradient(
        withOutputLayer(new LossFunctionAdapter("mse")),
        withOutputLayer(new LossMSE()),
        VALUES,
        null);
  }

  @Test
  void mseWithALabelMaskGivesTheNetworkDl4jsScoreAndGradient() {
    assertSameScoreAndGradient(
        withOutputLayer(new LossFunctionAdapter("mse")),
        withOutputLayer(new LossMSE()),
        VALUES,
        MASK);
  }

  @Test
  void xeInALossLayerGivesTheNetworkDl4jsScoreAndGradient() {
    assertSameScoreAndGradient(
        withLossLayer(new LossFunctionAdapter("xe")),
        withLossLayer(new LossMCXENT()),
        ONE_HOT,
        null);
  }

  @Test
  void scoreExamplesSumsToTheNetworksScoreTimesTheMinibatchSize() {
    MultiLayerNetwork net = withOutputLayer(new LossFunctionAdapter("pinball(tau=0.9)"));
    DataSet data = new DataSet(FEATURES, VALUES);
    INDArray perExample = net.scoreExamples(data, false);
    assertThat(perExample.shape()).isEqualTo(new long[] {8, 1});
    assertThat(perExample.sumNumber().doubleValue())
        .isCloseTo(net.score(data) * 8, within(TOLERANCE));
  }
}
