package io.github.javanets.dl4j;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Per-example scores: each row's value of the loss on that row alone, with the row's mask as its
 * weights (0 for a row masked out entirely).
 *
 * <p>They come from one pass over the batch. A loss reduces as {@code L = sum(w * err) / sum(w)}
 * (rule 3 of docs/losses.md), so at {@code w = 1} its gradient with respect to the weights is
 * {@code dL/dw = (err - L) / M}, {@code M} the number of weights, and {@code err = L + M dL/dw}
 * recovers every per-element error (per-row for a loss on labels). A row's score is then the mean
 * of its errors weighted by its mask.
 *
 * <p>A loss that does not reduce that way (it ignores its weights, or does not divide by their sum)
 * is caught by the identity {@code sum(dL/dw) = 0}, which holds for any weighting that does not
 * depend on the weights' scale; its scores are then computed by running the same graph on each row
 * in turn: slower, but right for any loss whose value on a batch is the mean of its values on the
 * rows.
 */
final class ExampleScores {
  private static final double DOUBLE_TOLERANCE = 1e-6;
  private static final double FLOAT_TOLERANCE = 1e-3;

  private ExampleScores() {}

  /**
   * The per-example scores of a batch.
   *
   * @param graph the loss's graph; not null
   * @param batch the batch; not null
   * @return the scores, {@code [n, 1]}, in the output's data type; never null
   */
  static INDArray of(LossGraph graph, Dl4jBatch batch) {
    INDArray scores = onePass(graph, batch);
    if (scores == null) {
      scores = rowByRow(graph, batch);
    }
    return scores.reshape(batch.examples, 1);
  }

  /** The scores from the gradient with respect to the weights, or null where rule 3 fails. */
  static INDArray onePass(LossGraph graph, Dl4jBatch batch) {
    LossGraph.Result r =
        graph.gradient(batch.output, batch.target, Nd4j.onesLike(batch.shares), true);
    INDArray g = r.dWeights();
    if (g == null) {
      return null;
    }
    long m = g.length();
    INDArray errors = g.mul(m).addi(r.value());
    double drift = Math.abs(g.sumNumber().doubleValue());
    double scale = Math.abs(r.value()) + errors.norm1Number().doubleValue() / m;
    double tolerance =
        batch.output.dataType() == DataType.DOUBLE ? DOUBLE_TOLERANCE : FLOAT_TOLERANCE;
    if (!(drift <= tolerance * scale + Double.MIN_NORMAL)) {
      return null;
    }
    INDArray weighted = errors.muli(batch.shares);
    return weighted.rank() == 1 ? weighted : weighted.sum(1);
  }

  /** The scores from the graph run on each row that is not masked out. */
  static INDArray rowByRow(LossGraph graph, Dl4jBatch batch) {
    INDArray totals = batch.shares.rank() == 1 ? batch.shares : batch.shares.sum(1);
    double[] scores = new double[(int) batch.examples];
    for (int i = 0; i < scores.length; i++) {
      if (totals.getDouble(i) != 0.0) {
        INDArray target = batch.target == null ? null : row(batch.target, i);
        scores[i] = graph.value(row(batch.output, i), target, row(batch.mask, i));
      }
    }
    return Nd4j.createFromArray(scores).castTo(batch.output.dataType());
  }

  private static INDArray row(INDArray array, long i) {
    INDArrayIndex rows = NDArrayIndex.interval(i, i + 1);
    return (array.rank() == 1 ? array.get(rows) : array.get(rows, NDArrayIndex.all())).dup();
  }
}
