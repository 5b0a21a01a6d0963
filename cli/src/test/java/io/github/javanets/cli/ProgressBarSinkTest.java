package io.github.javanets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.train.ProgressSink;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bar's label: the epoch while the minibatches per epoch are known, else the count. */
class ProgressBarSinkTest {
  private static String[] labels(long total, long... done) {
    PrintStream err = System.err;
    System.setErr(new PrintStream(OutputStream.nullOutputStream()));
    ProgressBarSink sink = new ProgressBarSink(4);
    try {
      sink.start(total);
      String[] labels = new String[done.length];
      for (int i = 0; i < done.length; i++) {
        sink.step(done[i], Map.of("loss", 0.5));
        labels[i] = sink.where(done[i]);
      }
      return labels;
    } finally {
      sink.end();
      System.setErr(err);
    }
  }

  @Test
  void aKnownTotalShowsTheEpochOfEachMinibatch() {
    assertThat(labels(12, 1, 3, 4, 12))
        .containsExactly("epoch 1/4: ", "epoch 1/4: ", "epoch 2/4: ", "epoch 4/4: ");
  }

  @Test
  void aStreamOfUnknownLengthShowsTheMinibatchCountNotAnEpochItCannotKnow() {
    assertThat(labels(ProgressSink.UNKNOWN, 1, 7, 250))
        .containsExactly("batch 1: ", "batch 7: ", "batch 250: ");
  }
}
