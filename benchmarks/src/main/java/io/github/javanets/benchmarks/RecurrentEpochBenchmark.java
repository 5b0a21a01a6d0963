package io.github.javanets.benchmarks;

import io.github.javanets.models.Dataset;
import io.github.javanets.models.Model;
import io.github.javanets.models.TrainOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
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
 * Benchmark 4: one training epoch of a recurrent regressor, {@value #SEQUENCES} sequences of
 * {@value #STEPS} steps, {@value #INPUTS} inputs, one recurrent layer of {@value #UNITS} units, a
 * linear output of {@value #OUTPUTS} per step, MSE, Adam, batch {@value #BATCH}. The DL4J baseline
 * is a MultiLayerNetwork with {@code SimpleRnn} (for rnn) or {@code LSTM} (for lstm, and for gru:
 * DL4J 1.0.0-M2.1 has no GRU layer) and an {@code RnnOutputLayer}.
 *
 * <p>The javanets side needs {@code io.github.javanets.models.recurrent.Regressor}; it is found by
 * reflection, and when it is absent the javanets benchmark fails in its setup with a note saying so
 * (the run script reports it as skipped).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RecurrentEpochBenchmark {
  static final int SEQUENCES = 1024;
  static final int STEPS = 50;
  static final int INPUTS = 16;
  static final int UNITS = 64;
  static final int OUTPUTS = 4;
  static final int BATCH = 32;
  static final String RECURRENT_REGRESSOR = "io.github.javanets.models.recurrent.Regressor";

  /** The recurrent layer's form. */
  @Param({"rnn", "lstm", "gru"})
  public String form;

  private INDArray inputs;
  private INDArray targets;

  /** Random sequences, {@code (sequences, steps, features)}. */
  @Setup(Level.Trial)
  public void data() {
    Nd4j.getRandom().setSeed(13);
    inputs = Nd4j.rand(DataType.FLOAT, SEQUENCES, STEPS, INPUTS);
    targets = Nd4j.rand(DataType.FLOAT, SEQUENCES, STEPS, OUTPUTS);
  }

  /** The javanets side, when the recurrent models are on the class path. */
  @State(Scope.Benchmark)
  public static class Javanets {
    Model model;
    Dataset train;
    Dataset valid;

    /** Builds the model by reflection. */
    @Setup(Level.Trial)
    public void setUp(RecurrentEpochBenchmark b) throws ReflectiveOperationException {
      Class<?> type;
      try {
        type = Class.forName(RECURRENT_REGRESSOR);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(
            "SKIPPED: " + RECURRENT_REGRESSOR + " is not on the class path (not installed yet).",
            e);
      }
      Object builder = type.getMethod("builder").invoke(null);
      Object[] layers = {INPUTS, UNITS + ":" + b.form, OUTPUTS};
      builder.getClass().getMethod("layers", Object[].class).invoke(builder, (Object) layers);
      builder.getClass().getMethod("seed", long.class).invoke(builder, 13L);
      model = (Model) builder.getClass().getMethod("build").invoke(builder);
      train = Dataset.of(b.inputs, b.targets);
      valid = train.rows(0, BATCH);
    }
  }

  /** The DL4J side. */
  @State(Scope.Benchmark)
  public static class Dl4j {
    MultiLayerNetwork network;
    List<DataSet> batches = new ArrayList<>();

    /** Builds the network and the minibatches, {@code (batch, features, steps)}. */
    @Setup(Level.Trial)
    public void setUp(RecurrentEpochBenchmark b) {
      NeuralNetConfiguration.ListBuilder list =
          new NeuralNetConfiguration.Builder()
              .seed(13)
              .dataType(DataType.FLOAT)
              .updater(new Adam(1e-3))
              .weightInit(WeightInit.XAVIER_UNIFORM)
              .list();
      if (b.form.equals("rnn")) {
        list.layer(
            new SimpleRnn.Builder().nIn(INPUTS).nOut(UNITS).activation(Activation.TANH).build());
      } else {
        list.layer(new LSTM.Builder().nIn(INPUTS).nOut(UNITS).activation(Activation.TANH).build());
      }
      MultiLayerConfiguration conf =
          list.layer(
                  new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE)
                      .nIn(UNITS)
                      .nOut(OUTPUTS)
                      .activation(Activation.IDENTITY)
                      .build())
              .build();
      network = new MultiLayerNetwork(conf);
      network.init();
      for (int from = 0; from < SEQUENCES; from += BATCH) {
        INDArray x = b.inputs.get(NDArrayIndex.interval(from, from + BATCH)).permute(0, 2, 1).dup();
        INDArray y =
            b.targets.get(NDArrayIndex.interval(from, from + BATCH)).permute(0, 2, 1).dup();
        batches.add(new DataSet(x, y));
      }
    }
  }

  /** javanets: {@code Model.train} for one epoch (plus one validation batch before and after). */
  @Benchmark
  public Object javanets(Javanets j) {
    TrainOptions options =
        TrainOptions.builder()
            .algorithm("adam")
            .batchSize(BATCH)
            .maxUpdates(1)
            .validateEvery(1_000_000)
            .seed(13)
            .build();
    return j.model.train(j.train, j.valid, options);
  }

  /** DL4J: {@code MultiLayerNetwork.fit} on each minibatch. */
  @Benchmark
  public Object dl4j(Dl4j d) {
    for (DataSet batch : d.batches) {
      d.network.fit(batch);
    }
    return d.network.params();
  }
}
