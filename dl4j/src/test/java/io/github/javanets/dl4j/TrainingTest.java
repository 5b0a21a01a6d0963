package io.github.javanets.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.adapter.SingletonDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * MultiLayerNetworks trained with adapted losses learn their task: a plugin loss by name learns a
 * quantile, and {@code xe} classifies as well as DL4J's own cross-entropy.
 */
class TrainingTest {

  private static MultiLayerNetwork network(
      int in, int out, Activation outputActivation, ILossFunction loss) {
    MultiLayerConfiguration conf =
        new NeuralNetConfiguration.Builder()
            .seed(42)
            .dataType(DataType.FLOAT)
            .updater(new Adam(0.02))
            .weightInit(WeightInit.XAVIER)
            .list()
            .layer(new DenseLayer.Builder().nIn(in).nOut(16).activation(Activation.TANH).build())
            .layer(
                new OutputLayer.Builder(loss)
                    .nIn(16)
                    .nOut(out)
                    .activation(outputActivation)
                    .build())
            .build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    return net;
  }

  private static void fit(MultiLayerNetwork net, DataSet data, int epochs) {
    for (int epoch = 0; epoch < epochs; epoch++) {
      net.fit(data);
    }
  }

  /** {@code y = x + u}, {@code x} uniform in [-1, 1], {@code u} uniform in [0, 1]. */
  private static DataSet noisyLine(long seed, int rows) {
    Random random = new Random(seed);
    float[][] x = new float[rows][1];
    float[][] y = new float[rows][1];
    for (int i = 0; i < rows; i++) {
      x[i][0] = (float) (2 * random.nextDouble() - 1);
      y[i][0] = x[i][0] + (float) random.nextDouble();
    }
    return new DataSet(Nd4j.create(x), Nd4j.create(y));
  }

  /**
   * The 0.9-quantile of {@code y} given {@code x} is {@code x + 0.9}: on fresh data, 90% of the
   * targets lie below the prediction (within 0.05; 0.915 seen).
   */
  @Test
  void pinballLossFromThePluginJarLearnsTheNinetiethPercentile() {
    MultiLayerNetwork net =
        network(1, 1, Activation.IDENTITY, new LossFunctionAdapter("pinball(tau=0.9)"));
    fit(net, noisyLine(1, 2048), 150);

    DataSet test = noisyLine(2, 4000);
    INDArray predicted = net.output(test.getFeatures());
    double below =
        test.getLabels().lt(predicted).castTo(DataType.DOUBLE).meanNumber().doubleValue();
    assertThat(below).isBetween(0.85, 0.95);
  }

  /** Three Gaussian blobs in the plane, centres 2 apart, standard deviation 0.4. */
  private static DataSet blobs(long seed, int rows) {
    Random random = new Random(seed);
    double[][] centres = {{0, 1.15}, {-1, -0.58}, {1, -0.58}};
    float[][] x = new float[rows][2];
    float[][] y = new float[rows][3];
    for (int i = 0; i < rows; i++) {
      int c = i % 3;
      x[i][0] = (float) (centres[c][0] + 0.4 * random.nextGaussian());
      x[i][1] = (float) (centres[c][1] + 0.4 * random.nextGaussian());
      y[i][c] = 1;
    }
    return new DataSet(Nd4j.create(x), Nd4j.create(y));
  }

  private static double accuracy(MultiLayerNetwork net, DataSet test) {
    return net.evaluate(new SingletonDataSetIterator(test)).accuracy();
  }

  /**
   * The blobs overlap little (the best possible accuracy is about 0.99): {@code xe} through a
   * softmax reaches at least 0.95 on fresh data, and its network predicts the same probabilities as
   * one trained with DL4J's {@code LossMCXENT} from the same start (within 1e-4; 3e-7 seen).
   */
  @Test
  void crossEntropyThroughSoftmaxClassifiesThreeBlobsLikeDl4jsOwn() {
    DataSet train = blobs(1, 300);
    DataSet test = blobs(2, 3000);
    MultiLayerNetwork adapted = network(2, 3, Activation.SOFTMAX, new LossFunctionAdapter("xe"));
    MultiLayerNetwork dl4j = network(2, 3, Activation.SOFTMAX, new LossMCXENT());
    fit(adapted, train, 150);
    fit(dl4j, train, 150);

    assertThat(accuracy(adapted, test)).isGreaterThanOrEqualTo(0.95);
    INDArray difference = adapted.output(test.getFeatures()).sub(dl4j.output(test.getFeatures()));
    assertThat(difference.amaxNumber().doubleValue()).isLessThan(1e-4);
  }
}
