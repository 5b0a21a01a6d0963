package io.github.javanets.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The graphs a model keeps: built once for what they are built from, then reused. */
class ModelGraphsTest {
  private static INDArray sequences(long seed, int batch, int steps) {
    Random random = new Random(seed);
    double[] v = new double[batch * steps * 2];
    for (int i = 0; i < v.length; i++) {
      v[i] = 2 * random.nextDouble() - 1;
    }
    return Nd4j.create(v, new long[] {batch, steps, 2}, DataType.FLOAT);
  }

  private static Model recurrent(String hidden) {
    return io.github.javanets.models.recurrent.Regressor.builder().layers(2, hidden, 2).build();
  }

  private static ModelGraphs graphs(Model model) {
    return model.graphs();
  }

  @Test
  void anUnrolledRnnGetsOneForwardGraphPerSequenceLength() {
    ModelGraphs graphs = graphs(recurrent("3:rnn"));

    ModelGraph three = graphs.forward(sequences(1, 4, 3));

    assertThat(graphs.forward(sequences(2, 7, 3))).isSameAs(three);
    assertThat(graphs.forward(sequences(3, 4, 5))).isNotSameAs(three);
    assertThat(graphs.steps(sequences(3, 4, 5))).isEqualTo(5);
  }

  @Test
  void otherNetworksGetOneForwardGraphForEveryLengthAndRowCount() {
    ModelGraphs lstm = graphs(recurrent("3:lstm"));
    ModelGraphs dense = new Regressor(3, 4, 2).graphs();

    assertThat(lstm.forward(sequences(1, 4, 5))).isSameAs(lstm.forward(sequences(2, 3, 9)));
    assertThat(lstm.steps(sequences(2, 3, 9))).isEqualTo(-1);
    assertThat(dense.forward(TestData.gaussian(1, 4, 3)))
        .isSameAs(dense.forward(TestData.gaussian(2, 9, 3)));
  }

  @Test
  void aDecoderIsBuiltOnceAndGivesTheSameBitsOnEveryCall() {
    INDArray x = TestData.lowRank(3, 30, 6, 2);
    Autoencoder ae = Autoencoder.builder().layers(6, "4:tanh", 2, "4:tanh", 6).seed(2).build();
    INDArray codes = ae.encode(x);

    INDArray first = ae.decode(codes);
    ModelGraph decoder = ae.graphs().decoder(ae.middle(), codes);
    INDArray second = ae.decode(codes);

    assertThat(ae.graphs().decoder(ae.middle(), codes.dup())).isSameAs(decoder);
    assertThat(second.shape()).containsExactly(30, 6);
    assertThat(TestData.flat(second)).containsExactly(TestData.flat(first));
  }
}
