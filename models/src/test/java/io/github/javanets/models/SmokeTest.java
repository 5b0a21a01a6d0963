package io.github.javanets.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SmokeTest {
  @Test
  void regressorLearns() {
    Nd4j.getRandom().setSeed(1);
    INDArray x = Nd4j.rand(DataType.FLOAT, 256, 4).subi(0.5);
    INDArray a = Nd4j.rand(DataType.FLOAT, 4, 2).subi(0.5);
    INDArray y = x.mmul(a);
    Regressor net = Regressor.builder().layers(4, 16, 2).loss("mae").build();
    net.addLoss("mse");
    net.losses().get(1).setWeight(2);
    TrainingResult r = net.train(Dataset.of(x, y), TrainOptions.builder().learningRate(1e-2).maxUpdates(40).validateEvery(5).build());
    Map<String, Double> first = r.history().get(0).train();
    Map<String, Double> last = r.history().get(r.history().size() - 1).train();
    System.out.println(first + " -> " + last + " " + r.stopReason());
    System.out.println("r2 " + net.score(x, y));
    assertThat(last.get("loss")).isLessThan(first.get("loss") / 3);
    assertThat(last.get("loss")).isCloseTo(last.get("mae") + 2 * last.get("mse"), org.assertj.core.api.Assertions.within(1e-5));
  }
}
