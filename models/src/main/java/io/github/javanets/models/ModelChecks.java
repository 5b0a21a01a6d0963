package io.github.javanets.models;

import io.github.javanets.loss.Loss;
import io.github.javanets.loss.TargetKind;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a model checks before it takes a loss or trains on a dataset, with the messages users see.
 */
final class ModelChecks {
  private ModelChecks() {}

  /**
   * Checks that a model can feed a loss: the outputs it reads exist and its target kind suits the
   * model's target.
   *
   * @throws IllegalArgumentException saying what to use instead
   */
  static void needs(ModelKind kind, Network network, Loss loss) {
    Set<String> outputs = network.outputNames();
    for (String name : loss.outputNames(network.defaultOutput())) {
      if (!outputs.contains(name)) {
        throw Errors.outputMissing(loss.name(), name, kind, outputs);
      }
    }
    if (!loss.targetName().equals(Dataset.TARGET) || loss.targetKind() == TargetKind.NONE) {
      return;
    }
    boolean labels = loss.targetKind() == TargetKind.LABELS;
    if (labels && kind.targetKind != TargetKind.LABELS) {
      throw Errors.lossNeedsLabels(loss.name(), kind);
    }
    if (!labels && kind.targetKind == TargetKind.LABELS) {
      throw Errors.lossNeedsValues(loss.name(), kind);
    }
  }

  /** Checks that training and validation sequences have one length (for unrolled rnn layers). */
  static void sameLength(Dataset train, Dataset valid) {
    long t = train.inputs().size(1);
    long v = valid.inputs().size(1);
    if (t != v) {
      throw Errors.sequenceLengthsDiffer(v, t);
    }
  }

  /**
   * Checks a dataset against the model's input and every loss's target and weights.
   *
   * @param role "training", "validation" or "evaluation", for messages
   * @throws IllegalArgumentException naming the array and what is wrong
   */
  static void dataset(
      ModelKind kind, Network network, List<Loss> losses, Dataset data, String role) {
    check(kind, network, losses, data, role, true);
  }

  /**
   * Checks one batch of a streamed source as {@link #dataset} checks a whole set, but for the
   * weights: a batch whose weights are all 0 is allowed (it adds nothing), as is a batch of an
   * evaluation.
   *
   * @throws IllegalArgumentException naming the array and what is wrong
   */
  static void batch(ModelKind kind, Network network, List<Loss> losses, Dataset data, String role) {
    check(kind, network, losses, data, role, false);
  }

  private static void check(
      ModelKind kind,
      Network network,
      List<Loss> losses,
      Dataset data,
      String role,
      boolean whole) {
    INDArray x = data.inputs();
    if (!fits(kind, x, network.inputSize())) {
      throw Errors.datasetInputsDoNotFit(role, x.shape(), kind, network.inputSize());
    }
    if (x.length() == 0) {
      throw Errors.emptyDataset(role, x.shape(), kind);
    }
    Set<String> read = new HashSet<>();
    for (Loss loss : losses) {
      String array =
          kind.autoencoder() && loss.targetName().equals(Dataset.TARGET)
              ? Dataset.INPUTS
              : loss.targetName();
      INDArray target =
          loss.targetKind() == TargetKind.NONE ? null : require(data, array, loss, role);
      INDArray w = loss.weighted() ? require(data, Dataset.weightsOf(array), loss, role) : null;
      if (w != null && read.add(Dataset.weightsOf(array)) && whole) {
        notAllZero(Dataset.weightsOf(array), w, role);
      }
      Map<String, long[]> shapes = new LinkedHashMap<>();
      for (String name : loss.outputNames(network.defaultOutput())) {
        long width = outputWidth(network, name);
        shapes.put(
            name,
            kind.recurrent && !name.endsWith(":cell")
                ? new long[] {x.size(0), x.size(1), width}
                : new long[] {x.size(0), width});
      }
      loss.checkArrays(shapes, target, w);
    }
    for (String name : data.names()) {
      if (Dataset.isWeights(name) && !read.contains(name)) {
        throw Errors.weightsUnread(
            role,
            name,
            losses.stream().anyMatch(Loss::weighted),
            kind,
            losses.stream().map(Loss::toString).toList());
      }
    }
  }

  /**
   * Checks that some training or validation weight is above 0: all-zero weights leave nothing to
   * learn or validate on. (Evaluating all-zero weights is allowed: every loss is then 0.)
   */
  private static void notAllZero(String name, INDArray w, String role) {
    if (!role.equals("evaluation") && w.length() > 0 && w.amaxNumber().doubleValue() == 0) {
      throw Errors.allWeightsZero(role, name);
    }
  }

  private static INDArray require(Dataset data, String array, Loss loss, String role) {
    if (!data.has(array)) {
      throw Errors.arrayMissingForLoss(loss.name(), array, role, data.names());
    }
    return data.array(array);
  }

  /** The number of units of output {@code output} ({@code "hid1:out"}). */
  static long outputWidth(Network network, String output) {
    String layer = output.substring(0, output.indexOf(':'));
    for (Layer l : network.layers()) {
      if (l.name().equals(layer)) {
        return l.size();
      }
    }
    throw Errors.noLayerForOutput(output);
  }

  /** Whether {@code x} is (N, features), or (batch, time, features) for recurrent kinds. */
  static boolean fits(ModelKind kind, INDArray x, int features) {
    int rank = kind.recurrent ? 3 : 2;
    return x.rank() == rank && x.size(rank - 1) == features;
  }
}
