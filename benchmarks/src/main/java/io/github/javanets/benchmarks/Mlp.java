package io.github.javanets.benchmarks;

import io.github.javanets.models.Classifier;
import io.github.javanets.models.Dataset;
import io.github.javanets.models.Layer;
import io.github.javanets.models.Model;
import io.github.javanets.models.Regressor;
import io.github.javanets.models.TrainOptions;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The MLP of benchmarks 1 and 2, built the same way in javanets and in DL4J: 784-256(relu)-10,
 * weights uniform in {@code +-sqrt(6 / (in + out))} (DL4J's {@code XAVIER_UNIFORM}), biases 0, Adam
 * with learning rate 1e-3, 8192 random rows of FLOAT data.
 */
final class Mlp {
  static final int ROWS = 8192;
  static final int IN = 784;
  static final int HIDDEN = 256;
  static final int OUT = 10;
  static final long SEED = 13;

  final INDArray inputs;
  final INDArray values;
  final INDArray labels;
  final INDArray oneHot;

  Mlp() {
    Nd4j.getRandom().setSeed(SEED);
    inputs = Nd4j.rand(DataType.FLOAT, ROWS, IN);
    values = Nd4j.rand(DataType.FLOAT, ROWS, OUT);
    java.util.Random random = new java.util.Random(SEED);
    long[] classes = new long[ROWS];
    oneHot = Nd4j.zeros(DataType.FLOAT, ROWS, OUT);
    for (int i = 0; i < ROWS; i++) {
      classes[i] = random.nextInt(OUT);
      oneHot.putScalar(i, classes[i], 1.0);
    }
    labels = Nd4j.createFromArray(classes);
  }

  /**
   * A javanets model: {@code regressor_mse}, {@code regressor_mse_mae} or {@code classifier_xe}.
   */
  static Model javanets(String kind) {
    Object[] layers = {IN, Layer.of(HIDDEN, "relu"), OUT};
    switch (kind) {
      case "regressor_mse":
        return Regressor.builder().layers(layers).loss("mse").seed(SEED).build();
      case "regressor_mse_mae":
        Regressor r = Regressor.builder().layers(layers).loss("mse").seed(SEED).build();
        r.addLoss("mae");
        return r;
      case "classifier_xe":
        return Classifier.builder().layers(layers).loss("xe").seed(SEED).build();
      default:
        throw new IllegalArgumentException("Unknown model kind '" + kind + "'.");
    }
  }

  /** The training set a javanets model of {@code kind} reads. */
  Dataset dataset(String kind) {
    return kind.startsWith("classifier") ? Dataset.of(inputs, labels) : Dataset.of(inputs, values);
  }

  /**
   * A one-batch validation set: the trainer validates before the first epoch and after the last,
   * which a one-batch set keeps out of the epoch's time.
   */
  Dataset validation(String kind, int batch) {
    return dataset(kind).rows(0, batch);
  }

  /** Options for {@code epochs} epochs of Adam, validating only where the trainer must. */
  static TrainOptions options(int batch, int epochs) {
    return TrainOptions.builder()
        .algorithm("adam")
        .learningRate(1e-3)
        .batchSize(batch)
        .maxUpdates(epochs)
        .validateEvery(1_000_000)
        .patience(1_000_000)
        .seed(SEED)
        .build();
  }

  /** The same network as a MultiLayerNetwork: MSE on identity outputs, or MCXENT on softmax. */
  static MultiLayerNetwork dl4j(String kind) {
    boolean classifier = kind.startsWith("classifier");
    MultiLayerConfiguration conf =
        new NeuralNetConfiguration.Builder()
            .seed(SEED)
            .dataType(DataType.FLOAT)
            .updater(new Adam(1e-3))
            .weightInit(WeightInit.XAVIER_UNIFORM)
            .list()
            .layer(
                new DenseLayer.Builder().nIn(IN).nOut(HIDDEN).activation(Activation.RELU).build())
            .layer(
                new OutputLayer.Builder(
                        classifier
                            ? LossFunctions.LossFunction.MCXENT
                            : LossFunctions.LossFunction.MSE)
                    .nIn(HIDDEN)
                    .nOut(OUT)
                    .activation(classifier ? Activation.SOFTMAX : Activation.IDENTITY)
                    .build())
            .build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    return net;
  }

  /** The minibatches a MultiLayerNetwork is fitted on, one epoch. */
  List<DataSet> batches(String kind, int batch) {
    INDArray y = kind.startsWith("classifier") ? oneHot : values;
    List<DataSet> out = new ArrayList<>();
    for (int from = 0; from < ROWS; from += batch) {
      int to = Math.min(ROWS, from + batch);
      out.add(new DataSet(inputs.get(rows(from, to)).dup(), y.get(rows(from, to)).dup()));
    }
    return out;
  }

  private static org.nd4j.linalg.indexing.INDArrayIndex[] rows(int from, int to) {
    return new org.nd4j.linalg.indexing.INDArrayIndex[] {
      org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to),
      org.nd4j.linalg.indexing.NDArrayIndex.all()
    };
  }
}
