package io.github.javanets.cli;

import io.github.javanets.models.Dataset;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The numbers of a CSV table as one model reads them: inputs, real targets (regressors) or class
 * ids (classifiers), and weights shaped like the target (or like the inputs, for an autoencoder),
 * or null. Arrays are not copied.
 */
final class TableData {
  private final double[][] inputs;
  private final double[][] targets;
  private final long[] labels;
  private final double[][] weights;

  TableData(double[][] inputs, double[][] targets, long[] labels, double[][] weights) {
    this.inputs = inputs;
    this.targets = targets;
    this.labels = labels;
    this.weights = weights;
  }

  int rows() {
    return inputs.length;
  }

  /** The rows at {@code indexes}, in that order. */
  TableData select(int[] indexes) {
    double[][] x = new double[indexes.length][];
    double[][] y = targets == null ? null : new double[indexes.length][];
    long[] l = labels == null ? null : new long[indexes.length];
    double[][] w = weights == null ? null : new double[indexes.length][];
    for (int i = 0; i < indexes.length; i++) {
      int r = indexes[i];
      x[i] = inputs[r];
      if (y != null) {
        y[i] = targets[r];
      }
      if (l != null) {
        l[i] = labels[r];
      }
      if (w != null) {
        w[i] = weights[r];
      }
    }
    return new TableData(x, y, l, w);
  }

  /** The input rows, {@code [N][I]}; not copied. */
  double[][] inputRows() {
    return inputs;
  }

  /** The target rows {@code [N][O]} of a regressor, or null; not copied. */
  double[][] targetRows() {
    return targets;
  }

  /** The class ids of a classifier's rows, or null; not copied. */
  long[] labelRows() {
    return labels;
  }

  /** The weight rows, or null; not copied. */
  double[][] weightRows() {
    return weights;
  }

  /** The width of a row's values target: the targets', or the inputs' for an autoencoder. */
  int outputWidth() {
    double[][] values = targets != null ? targets : inputs;
    return values.length == 0 ? 0 : values[0].length;
  }

  /** The inputs, {@code (N, I)} FLOAT. */
  INDArray inputs() {
    return matrix(inputs);
  }

  /** The model's dataset: inputs, then the target and weights the model type reads. */
  Dataset dataset() {
    Dataset.Builder b = Dataset.builder().inputs(inputs());
    if (targets != null) {
      b.target(matrix(targets));
    } else if (labels != null) {
      b.target(Nd4j.createFromArray(labels));
    }
    if (weights != null) {
      INDArray w = matrix(weights);
      b.weights(labels != null ? w.reshape(w.size(0)) : w);
    }
    return b.build();
  }

  private static INDArray matrix(double[][] values) {
    return Nd4j.createFromArray(values).castTo(DataType.FLOAT);
  }
}
