package io.github.javanets.benchmarks;

import io.github.javanets.models.Dataset;
import io.github.javanets.models.Model;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Benchmarks 1 and 2: one training epoch (8192 rows) of the MLP 784-256-10 with Adam, javanets
 * against the same MultiLayerNetwork, in one JMH fork. Each invocation runs {@link #EPOCHS} epochs
 * through one {@code train} call (which also builds its graph and validates one batch before and
 * after), and the score is per epoch. The {@code regressor_mse_mae} kind adds a second loss; its
 * DL4J baseline is the plain MSE network.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TrainingEpochBenchmark {
  /** Epochs per invocation. */
  public static final int EPOCHS = 3;

  /** The minibatch size. */
  @Param({"32", "128"})
  public int batch;

  /** {@code regressor_mse}, {@code regressor_mse_mae} or {@code classifier_xe}. */
  @Param({"regressor_mse", "regressor_mse_mae", "classifier_xe"})
  public String kind;

  private Model model;
  private Dataset train;
  private Dataset valid;
  private MultiLayerNetwork network;
  private List<DataSet> batches;

  /** Builds both models and the data. */
  @Setup(Level.Trial)
  public void setUp() {
    Mlp mlp = new Mlp();
    model = Mlp.javanets(kind);
    train = mlp.dataset(kind);
    valid = mlp.validation(kind, batch);
    network = Mlp.dl4j(kind);
    batches = mlp.batches(kind, batch);
  }

  /** javanets: {@code Model.train} for {@link #EPOCHS} epochs. */
  @Benchmark
  @OperationsPerInvocation(EPOCHS)
  public Object javanets() {
    return model.train(train, valid, Mlp.options(batch, EPOCHS));
  }

  /** DL4J: {@code MultiLayerNetwork.fit} on each minibatch, {@link #EPOCHS} times. */
  @Benchmark
  @OperationsPerInvocation(EPOCHS)
  public Object dl4j() {
    for (int e = 0; e < EPOCHS; e++) {
      for (DataSet d : batches) {
        network.fit(d);
      }
    }
    return network.params();
  }
}
