package io.github.javanets.models.recurrent;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.javanets.models.BatchSource;
import io.github.javanets.models.Dataset;
import io.github.javanets.models.TestData;
import io.github.javanets.models.TrainOptions;
import io.github.javanets.train.BatchFailedException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Streams of sequences, for an unrolled rnn: one length, read from the first batch. */
class StreamedSequencesTest {
  private static Dataset sequences(long seed, int batch, int steps) {
    Nd4j.getRandom().setSeed(seed);
    INDArray x = Nd4j.rand(DataType.DOUBLE, batch, steps, 3);
    INDArray y = x.sum(true, 2).repeat(2, 2);
    return Dataset.of(x, y);
  }

  private static Regressor net() {
    return Regressor.builder().layers(3, "4:rnn", 2).dataType(DataType.DOUBLE).build();
  }

  private static final TrainOptions OPTIONS =
      TrainOptions.builder().batchSize(5).maxUpdates(3).seed(4).build();

  @Test
  void anUnrolledRnnTrainsOnAStreamAsOnTheDataset() {
    Dataset data = sequences(1, 20, 6);
    Dataset valid = sequences(2, 8, 6);
    Regressor inMemory = net();
    Regressor streamed = net();

    inMemory.train(data, valid, OPTIONS);
    streamed.train(BatchSource.shuffled(data, 5, 4), BatchSource.of(valid, 5), OPTIONS);

    TestData.assertBitIdentical(streamed.parameters(), inMemory.parameters());
  }

  @Test
  void aBatchOfAnotherLengthIsNamed() {
    Dataset data = sequences(1, 5, 6);
    Dataset longer = sequences(3, 5, 7);
    AtomicInteger calls = new AtomicInteger();
    BatchSource source =
        BatchSource.generate(() -> calls.getAndIncrement() == 5 ? longer : data, 4)
            .named("sequences");
    Regressor net = net();
    Map<String, INDArray> before = net.parameters();

    assertThatThrownBy(() -> net.train(source, BatchSource.of(data, 5), OPTIONS))
        .isInstanceOf(BatchFailedException.class)
        .hasMessage(
            "Batch 1 of sequences failed: The batch has sequences of 7 steps but the first"
                + " training batch has 6; a network with an rnn layer is unrolled over one length:"
                + " pad every batch of a source to one length (with weights 0 on the padding).");
    TestData.assertBitIdentical(net.parameters(), before);
  }
}
