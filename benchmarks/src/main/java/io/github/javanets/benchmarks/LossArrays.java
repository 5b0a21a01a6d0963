package io.github.javanets.benchmarks;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The arrays of benchmark 3, {@code (4096, 1000)} FLOAT, for one loss: what javanets reads
 * (outputs, logits for {@code xe}, values or class labels) and what DL4J and SameDiff read (one-hot
 * or {@code +-1} labels).
 */
final class LossArrays {
  static final int ROWS = 4096;
  static final int COLUMNS = 1000;

  /** The output (probabilities for kl and bce, logits for xe, values otherwise). */
  final INDArray output;

  /** javanets' target: values, or class labels {@code (ROWS)} INT64 for xe and hinge. */
  final INDArray target;

  /** DL4J's and SameDiff's labels: values, one-hot for xe, {@code 0/1} for hinge and bce. */
  final INDArray labels;

  LossArrays(String loss) {
    Nd4j.getRandom().setSeed(7);
    java.util.Random random = new java.util.Random(7);
    long[] classes = new long[ROWS];
    INDArray oneHot = Nd4j.zeros(DataType.FLOAT, ROWS, COLUMNS);
    for (int i = 0; i < ROWS; i++) {
      classes[i] = random.nextInt(COLUMNS);
      oneHot.putScalar(i, classes[i], 1.0);
    }
    switch (loss) {
      case "mse":
      case "mae":
        output = Nd4j.rand(DataType.FLOAT, ROWS, COLUMNS);
        target = Nd4j.rand(DataType.FLOAT, ROWS, COLUMNS);
        labels = target;
        break;
      case "xe":
      case "hinge":
        output = Nd4j.randn(DataType.FLOAT, ROWS, COLUMNS);
        target = Nd4j.createFromArray(classes);
        labels = oneHot;
        break;
      case "kl":
        output = Transforms.softmax(Nd4j.randn(DataType.FLOAT, ROWS, COLUMNS));
        target = Transforms.softmax(Nd4j.randn(DataType.FLOAT, ROWS, COLUMNS));
        labels = target;
        break;
      case "bce":
        output = Nd4j.rand(DataType.FLOAT, ROWS, COLUMNS).muli(0.98).addi(0.01);
        target = Nd4j.rand(DataType.FLOAT, ROWS, COLUMNS).gt(0.5).castTo(DataType.FLOAT);
        labels = target;
        break;
      default:
        throw new IllegalArgumentException("No arrays for loss '" + loss + "'.");
    }
  }
}
