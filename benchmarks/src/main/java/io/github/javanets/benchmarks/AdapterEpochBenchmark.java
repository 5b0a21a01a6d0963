package io.github.javanets.benchmarks;

import io.github.javanets.dl4j.LossFunctionAdapter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Benchmark 7: a plain DL4J user's cost of a javanets loss. Benchmark 1's {@code MultiLayerNetwork}
 * (784-256-10, Adam, 8192 rows) trained one epoch per invocation with DL4J's {@code LossMSE}, and
 * the same network with javanets' {@code mse} through {@link LossFunctionAdapter}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AdapterEpochBenchmark {
  /** Rows per minibatch. */
  @Param({"32", "128"})
  public int batch;

  private List<DataSet> batches;
  private MultiLayerNetwork dl4jLoss;
  private MultiLayerNetwork adapter;

  /** Builds both networks and the minibatches. */
  @Setup(Level.Trial)
  public void setUp() {
    batches = new Mlp().batches("regressor_mse", batch);
    dl4jLoss = network(new LossMSE());
    adapter = network(new LossFunctionAdapter("mse"));
  }

  private static MultiLayerNetwork network(ILossFunction loss) {
    MultiLayerConfiguration conf =
        new NeuralNetConfiguration.Builder()
            .seed(Mlp.SEED)
            .dataType(DataType.FLOAT)
            .updater(new Adam(1e-3))
            .weightInit(WeightInit.XAVIER_UNIFORM)
            .list()
            .layer(
                new DenseLayer.Builder()
                    .nIn(Mlp.IN)
                    .nOut(Mlp.HIDDEN)
                    .activation(Activation.RELU)
                    .build())
            .layer(
                new OutputLayer.Builder(loss)
                    .nIn(Mlp.HIDDEN)
                    .nOut(Mlp.OUT)
                    .activation(Activation.IDENTITY)
                    .build())
            .build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    return net;
  }

  /** DL4J's own {@code LossMSE}. */
  @Benchmark
  public Object dl4j() {
    batches.forEach(dl4jLoss::fit);
    return dl4jLoss.score();
  }

  /** javanets' {@code mse} through the adapter. */
  @Benchmark
  public Object javanetsAdapter() {
    batches.forEach(adapter::fit);
    return adapter.score();
  }
}
