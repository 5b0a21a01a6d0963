package io.github.javanets.models.recurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.javanets.loss.Loss;
import io.github.javanets.models.Dataset;
import io.github.javanets.models.Model;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Every built-in loss runs on a recurrent model's 3-D output, weighted with padding, and the
 * model's monitor equals {@code loss.value} on the same arrays within 1e-9 (DOUBLE).
 */
class RecurrentLossesTest {
  static final int BATCH = 5;
  static final int STEPS = 4;

  @ParameterizedTest
  @CsvSource({
    "mse, 3:rnn;2",
    "mae, 3:lstm;2",
    "huber(delta=0.5), 3:gru;2",
    "mmd(bandwidth=2), 3:rnn;2",
    "bce, 3:lstm;2:logistic",
    "kl, 3:gru;2:softmax",
    "'gll(mean=hid1, covar=out)', 2:rnn;2",
    "xe, 3:rnn;3",
    "hinge(margin=1), 3:gru;3",
  })
  void eachBuiltInLossMatchesItsValueOnTheModelsOutputs(String spec, String hidden) {
    boolean labels = spec.startsWith("xe") || spec.startsWith("hinge");
    Object[] layers = ("3;" + hidden).split(";");
    Model.Builder<?, ?> b = labels ? Classifier.builder() : Regressor.builder();
    Model net = b.layers(layers).loss(spec).weighted(true).dataType(DataType.DOUBLE).build();
    INDArray x = Sequences.uniform(1, BATCH, STEPS, 3);
    int[] lengths = Sequences.lengths(2, BATCH, 1, STEPS);
    INDArray target;
    INDArray w;
    if (labels) {
      target = Nd4j.createFromArray(new long[BATCH * STEPS]).reshape(BATCH, STEPS);
      for (int i = 0; i < target.length(); i++) {
        target.putScalar(i, i % 3);
      }
      w = Sequences.mask(lengths, STEPS, 0);
    } else {
      target = Transforms.sigmoid(Sequences.uniform(3, BATCH, STEPS, 2));
      if (spec.startsWith("kl")) {
        target.divi(target.sum(true, 2).broadcast(target.shape()));
      }
      w = Sequences.mask(lengths, STEPS, 2);
    }

    double monitor = net.evaluate(Dataset.of(x, target, w)).get(net.losses().get(0).name());

    Loss loss = net.losses().get(0);
    Map<String, INDArray> all = net.feedForward(x);
    Map<String, INDArray> read = new HashMap<>();
    for (String name : loss.outputNames("out:out")) {
      read.put(name, all.get(name));
    }
    assertThat(monitor).isCloseTo(loss.value(read, target, w), within(1e-9));
    assertThat(monitor).isFinite().isPositive();
  }
}
