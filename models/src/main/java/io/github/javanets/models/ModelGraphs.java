package io.github.javanets.models;

import io.github.javanets.loss.Loss;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The graphs of one model, built when first needed and kept: the forward graph (one per sequence
 * length when an {@code rnn} layer is unrolled, else one for every length), the training graphs by
 * what they were built from, and the decoders of an autoencoder. Every graph reads the model's live
 * parameter arrays, so training through one graph is seen by all. Not thread-safe: the model asks
 * for its graphs, and runs them, under its lock.
 */
final class ModelGraphs {
  /** The training graphs kept, the most recently used. */
  private static final int TRAINING_GRAPHS = 4;

  private final ModelKind kind;
  private final Network network;
  private final Map<String, INDArray> parameters;
  private final DataType type;
  private final Map<Integer, ModelGraph> forward = new HashMap<>();
  private final Map<DecoderKey, ModelGraph> decoders = new HashMap<>();

  /**
   * Training graphs by what they were built from, so that training again, or evaluating, does not
   * rebuild the graph and its gradient function; the most recently used are kept.
   */
  private final Map<TrainingKey, ModelGraph> training =
      new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TrainingKey, ModelGraph> eldest) {
          return size() > TRAINING_GRAPHS;
        }
      };

  /** What a training graph is built from; losses compare by identity. */
  private record TrainingKey(
      List<Loss> losses, List<Double> weights, Map<Regularizer, Double> regularizers, int steps) {}

  /** What a decoder is built from: the layer whose codes it takes, and the steps. */
  private record DecoderKey(int from, int steps) {}

  /**
   * @param kind the model's kind
   * @param network its layers
   * @param parameters its live parameters by name, which every graph reads
   * @param type the data type of parameters and computations
   */
  ModelGraphs(ModelKind kind, Network network, Map<String, INDArray> parameters, DataType type) {
    this.kind = kind;
    this.network = network;
    this.parameters = parameters;
    this.type = type;
  }

  /** The forward graph for inputs {@code x}: rows {@code (N, F)} or sequences {@code (B, T, F)}. */
  ModelGraph forward(INDArray x) {
    return forward.computeIfAbsent(
        steps(x), t -> ModelGraph.forward(kind, network, parameters, type, t));
  }

  /**
   * The graph of {@code losses} (their weights as they are now) and {@code regularizers}, for
   * inputs shaped as {@code x}.
   *
   * @throws IllegalArgumentException for a regularizer the layers do not support, or a loss that
   *     reads an output the network lacks
   */
  ModelGraph training(List<Loss> losses, Map<Regularizer, Double> regularizers, INDArray x) {
    return training(losses, regularizers, steps(x));
  }

  /**
   * The graph of {@code losses} and {@code regularizers} for sequences of {@code steps} steps, as
   * {@link #steps} gives them.
   *
   * @see #training(List, Map, INDArray)
   */
  ModelGraph training(List<Loss> losses, Map<Regularizer, Double> regularizers, int steps) {
    List<Loss> current = List.copyOf(losses);
    List<Double> weights = current.stream().map(Loss::weight).toList();
    TrainingKey key = new TrainingKey(current, weights, Map.copyOf(regularizers), steps);
    ModelGraph g = training.get(key);
    if (g == null) {
      g = ModelGraph.training(kind, network, parameters, type, steps, current, regularizers);
      training.put(key, g);
    }
    return g;
  }

  /** The layers after layer {@code from}, fed with codes {@code z} in place of its output. */
  ModelGraph decoder(int from, INDArray z) {
    return decoders.computeIfAbsent(
        new DecoderKey(from, steps(z)),
        k -> ModelGraph.decoder(kind, network, parameters, type, k.steps(), from));
  }

  /**
   * The steps a graph for inputs {@code x} is built for: the length of its sequences when the
   * network unrolls an {@code rnn} layer, else -1 (any).
   */
  int steps(INDArray x) {
    return ModelGraph.steps(network, kind.recurrent ? x.size(1) : 0);
  }

  /** The training graphs kept, least recently used first: a live, unmodifiable view. */
  Map<?, ModelGraph> trainingGraphs() {
    return Collections.unmodifiableMap(training);
  }
}
