package io.github.javanets.models;

import io.github.javanets.loss.internal.OutputNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network's resolved layers: every layer named ({@code in}, {@code hid1}, ..., {@code out}) and
 * given an activation, tied layers matched with their mirrors, parameter shapes known. Immutable.
 */
final class Network {
  /** The activation of hidden dense layers that name none. */
  static final Activation HIDDEN_DEFAULT = Activation.RELU;

  /** The activation of hidden recurrent layers ({@code rnn}, {@code lstm}, {@code gru}). */
  static final Activation RECURRENT_DEFAULT = Activation.TANH;

  private final List<Layer> layers;
  private final List<Layer> given;

  private Network(List<Layer> layers, List<Layer> given) {
    this.layers = Collections.unmodifiableList(layers);
    this.given = List.copyOf(given);
  }

  /**
   * Resolves layer specs: the first is the input (a size), the last the output.
   *
   * @throws IllegalArgumentException for too few layers, a recurrent form, a tied layer without a
   *     partner, or duplicated names
   */
  static Network of(List<Layer> specs, Activation outputActivation) {
    return of(specs, outputActivation, false);
  }

  /**
   * Resolves the layers of a model of {@code kind}.
   *
   * @throws IllegalArgumentException as {@link #of(List, Activation, boolean)} does, and for an
   *     autoencoder whose output layer is not the size of its input
   */
  static Network of(List<Layer> specs, ModelKind kind) {
    Network net = of(specs, kind.outputActivation, kind.recurrent);
    if (kind.autoencoder() && net.outputSize() != net.inputSize()) {
      throw Errors.autoencoderOutputSize(net.inputSize(), net.outputSize());
    }
    return net;
  }

  /**
   * Resolves layer specs, allowing recurrent forms when {@code sequences}.
   *
   * @throws IllegalArgumentException for too few layers, a recurrent form in a feed-forward
   *     network, an activation a recurrent op cannot compute, a tied layer without a partner, or
   *     duplicated names
   */
  static Network of(List<Layer> specs, Activation outputActivation, boolean sequences) {
    if (specs.size() < 2) {
      throw Errors.tooFewLayers(specs);
    }
    List<Layer> resolved = new ArrayList<>();
    int last = specs.size() - 1;
    for (int i = 0; i <= last; i++) {
      Layer l = specs.get(i);
      String name = i == 0 ? "in" : i == last ? "out" : "hid" + i;
      if (i == 0 && (l.form() != Layer.Form.FF || l.activation() != null)) {
        throw Errors.inputLayerNotASize(l);
      }
      if (l.form().recurrent() && !sequences) {
        throw Errors.recurrentLayerInFeedForward(l);
      }
      Activation fallback =
          i == last ? outputActivation : l.form().recurrent() ? RECURRENT_DEFAULT : HIDDEN_DEFAULT;
      Layer named =
          i == 0
              ? l.withDefaultName(name)
              : l.withDefaultName(name).withDefaultActivation(fallback);
      RecurrentLayers.checkActivation(named, l);
      resolved.add(named);
    }
    Set<String> names = new HashSet<>();
    for (Layer l : resolved) {
      if (!names.add(l.name())) {
        throw Errors.layerNameTwice(l.name());
      }
    }
    Network net = new Network(resolved, specs);
    for (int i = 1; i <= last; i++) {
      if (resolved.get(i).form() == Layer.Form.TIED) {
        net.mirror(i);
      }
    }
    return net;
  }

  /** The layers, input first. */
  List<Layer> layers() {
    return layers;
  }

  /** The number of weight layers (all but the input). */
  int depth() {
    return layers.size() - 1;
  }

  Layer layer(int i) {
    return layers.get(i);
  }

  /** The input size. */
  int inputSize() {
    return layers.get(0).size();
  }

  /** The output size. */
  int outputSize() {
    return layers.get(depth()).size();
  }

  /** The default output, {@code "out:out"} (or the last layer's own name). */
  String defaultOutput() {
    return OutputNames.normalize(layers.get(depth()).name());
  }

  /**
   * The encoder layer whose transposed weights tied layer {@code i} reuses: layer {@code depth + 1
   * - i}, which must be an earlier dense layer mapping this layer's size to its input's size.
   */
  int mirror(int i) {
    int m = depth() + 1 - i;
    Layer tied = layers.get(i);
    Layer spec = given.get(i);
    if (m < 1
        || m >= i
        || layers.get(m).form() != Layer.Form.FF
        || layers.get(m - 1).size() != tied.size()
        || layers.get(m).size() != layers.get(i - 1).size()) {
      throw Errors.tiedLayerWithoutPartner(spec, i, m, tied.size(), layers.get(i - 1).size());
    }
    return m;
  }

  /**
   * The names of every output: {@code in:out}, then {@code <layer>:pre} and {@code :out}, and
   * {@code :cell} for an lstm layer.
   */
  Set<String> outputNames() {
    Set<String> names = new TreeSet<>();
    names.add(layers.get(0).name() + ":out");
    for (int i = 1; i <= depth(); i++) {
      names.add(layers.get(i).name() + ":pre");
      names.add(layers.get(i).name() + ":out");
      if (layers.get(i).form() == Layer.Form.LSTM) {
        names.add(layers.get(i).name() + ":cell");
      }
    }
    return names;
  }

  /** The name of layer {@code i}'s weight matrix. */
  String weightName(int i) {
    return layers.get(i).name() + ".w";
  }

  /** The name of recurrent layer {@code i}'s recurrent weight matrix. */
  String recurrentWeightName(int i) {
    return layers.get(i).name() + ".u";
  }

  /**
   * The names of layer {@code i}'s own weight matrices: none (tied), {@code .w}, or also {@code
   * .u}.
   */
  List<String> weightNames(int i) {
    Layer l = layers.get(i);
    if (l.form() == Layer.Form.TIED) {
      return List.of();
    }
    return l.form().recurrent()
        ? List.of(weightName(i), recurrentWeightName(i))
        : List.of(weightName(i));
  }

  /** Whether any layer is an Elman {@code rnn}, unrolled over a fixed number of steps. */
  boolean unrolled() {
    return layers.stream().anyMatch(l -> l.form() == Layer.Form.RNN);
  }

  /** The name of layer {@code i}'s bias. */
  String biasName(int i) {
    return layers.get(i).name() + ".b";
  }

  /**
   * The name and shape of every parameter, in layer order: {@code <layer>.w} {@code (in, out)} (not
   * for tied layers) and {@code <layer>.b} {@code (out)}.
   */
  Map<String, long[]> parameterShapes() {
    Map<String, long[]> shapes = new LinkedHashMap<>();
    for (int i = 1; i <= depth(); i++) {
      long in = layers.get(i - 1).size();
      long out = layers.get(i).size();
      long gates = RecurrentLayers.gates(layers.get(i).form());
      if (layers.get(i).form() != Layer.Form.TIED) {
        shapes.put(weightName(i), new long[] {in, gates * out});
      }
      if (layers.get(i).form().recurrent()) {
        shapes.put(recurrentWeightName(i), new long[] {out, gates * out});
      }
      shapes.put(biasName(i), new long[] {gates * out});
    }
    return shapes;
  }

  /**
   * Fresh parameters: weights from Glorot's uniform distribution {@code U(-s, s)}, {@code s =
   * sqrt(6 / (in + out))} ({@code out} the layer's units, also for each gate block of a recurrent
   * layer, whose recurrent {@code .u} follows its {@code .w}), drawn from {@code seed} in layer
   * order; biases 0.
   */
  Map<String, INDArray> initialParameters(long seed, DataType type) {
    Random random = new Random(seed);
    Map<String, INDArray> params = new LinkedHashMap<>();
    Map<String, long[]> shapes = parameterShapes();
    for (int i = 1; i <= depth(); i++) {
      int out = layers.get(i).size();
      for (String w : weightNames(i)) {
        long[] shape = shapes.get(w);
        params.put(w, glorot(random, shape, Math.sqrt(6.0 / (shape[0] + out)), type));
      }
      params.put(biasName(i), Nd4j.zeros(type, shapes.get(biasName(i))[0]));
    }
    return params;
  }

  private static INDArray glorot(Random random, long[] shape, double s, DataType type) {
    double[] w = new double[(int) (shape[0] * shape[1])];
    for (int k = 0; k < w.length; k++) {
      w[k] = (2 * random.nextDouble() - 1) * s;
    }
    return Nd4j.create(w, shape, DataType.DOUBLE).castTo(type);
  }
}
