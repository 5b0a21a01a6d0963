package io.github.javanets.csv;

import io.github.javanets.models.Dataset;
import java.nio.FloatBuffer;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Examples put into one {@link Dataset}, FLOAT values and INT64 class ids: rows as {@code (B, I)}
 * inputs, {@code (B, O)} targets or {@code (B)} labels, and weights shaped like the target (like
 * the inputs for an autoencoder); sequences as {@code (B, steps, ...)}, padded at the end with
 * zeros and weight 0.
 */
final class Batches {
  private Batches() {}

  static Dataset of(List<Example> examples, Layout layout) {
    int b = examples.size();
    int steps = layout.sequence() >= 0 ? layout.steps() : 0;
    int t = Math.max(1, steps);
    Example first = examples.get(0);
    Dataset.Builder d = Dataset.builder();
    d.inputs(values(examples, Example::inputs, b, t, layout.inputs().length, steps));
    if (first.targets() != null) {
      d.target(values(examples, Example::targets, b, t, layout.targets().length, steps));
    } else if (first.labels() != null) {
      long[] labels = new long[b * t];
      for (int i = 0; i < b; i++) {
        long[] l = examples.get(i).labels();
        System.arraycopy(l, 0, labels, i * t, l.length);
      }
      INDArray ids = Nd4j.createFromArray(labels);
      d.target(steps > 0 ? ids.reshape(b, t) : ids);
    }
    if (first.weights() != null) {
      int width = layout.weightWidth();
      INDArray w = values(examples, Example::weights, b, t, width, steps);
      if (first.labels() != null) {
        w = steps > 0 ? w.reshape(b, t) : w.reshape(b);
      }
      d.weights(w);
    }
    return d.build();
  }

  /**
   * One FLOAT array of the examples' {@code part}, each example's values copied once, straight into
   * the array's buffer; a sequence shorter than {@code t} steps leaves zeros after it.
   */
  private static INDArray values(
      List<Example> examples,
      java.util.function.Function<Example, float[]> part,
      int b,
      int t,
      int width,
      int steps) {
    long[] shape = steps > 0 ? new long[] {b, t, width} : new long[] {b, width};
    INDArray array = Nd4j.create(DataType.FLOAT, shape, 'c');
    FloatBuffer buffer = array.data().asNioFloat();
    for (int i = 0; i < b; i++) {
      buffer.put(i * t * width, part.apply(examples.get(i)));
    }
    return array;
  }
}
