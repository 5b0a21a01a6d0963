package io.github.javanets.train;

import static io.github.javanets.models.TestData.firstTrain;
import static io.github.javanets.models.TestData.lastTrain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import io.github.javanets.models.Dataset;
import io.github.javanets.models.Regressor;
import io.github.javanets.models.TestData;
import io.github.javanets.models.TrainOptions;
import io.github.javanets.models.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class TrainerTest {
  private static final Dataset DATA = TestData.regression(11, 160, 4, 2);

  /** Records every minibatch's monitors, by epoch. */
  static final class BatchRecorder implements TrainingListener {
    final List<List<Map<String, Double>>> epochs = new ArrayList<>();

    @Override
    public void onBatch(TrainingRun run, int batch, Map<String, Double> monitors) {
      while (epochs.size() <= run.epoch()) {
        epochs.add(new ArrayList<>());
      }
      assertThat(batch).isEqualTo(epochs.get(run.epoch()).size());
      epochs.get(run.epoch()).add(monitors);
    }
  }

  private static Injector withListener(TrainingListener listener) {
    return Guice.createInjector(
        new JavanetsModule(),
        new AbstractModule() {
          @Override
          protected void configure() {
            Multibinder.newSetBinder(binder(), TrainingListener.class)
                .addBinding()
                .toInstance(listener);
          }
        });
  }

  @ParameterizedTest
  @CsvSource({
    "sgd, 0.05, 20",
    "nag, 0.02, 50",
    "rmsprop, 0.01, 20",
    "adam, 0.01, 20",
    "adadelta, 1, 4",
    "adagrad, 0.1, 20"
  })
  void everyAlgorithmLowersTheLossByAStatedFactor(String algorithm, double rate, double factor) {
    Regressor net = Regressor.builder().layers(4, 16, 2).build();

    TrainingResult result =
        net.train(
            DATA,
            TrainOptions.builder()
                .algorithm(algorithm.toUpperCase(java.util.Locale.ROOT))
                .learningRate(rate)
                .maxUpdates(12)
                .validateEvery(6)
                .build());

    assertThat(lastTrain(result).get("loss")).isLessThan(firstTrain(result).get("loss") / factor);
    assertThat(result.history()).hasSize(12);
  }

  @Test
  void maxGradientNormRescalesTheWholeStep() {
    Regressor clipped = Regressor.builder().layers(4, 16, 2).dataType(DataType.DOUBLE).build();
    Regressor free = Regressor.builder().layers(4, 16, 2).dataType(DataType.DOUBLE).build();
    Map<String, INDArray> start = clipped.parameters();
    TrainOptions.Builder oneStep =
        TrainOptions.builder().algorithm("sgd").learningRate(0.1).batchSize(160).maxUpdates(1);

    clipped.train(DATA, oneStep.maxGradientNorm(0.01).build());
    free.train(DATA, oneStep.maxGradientNorm(0).build());

    assertThat(stepNorm(start, clipped.parameters())).isCloseTo(0.1 * 0.01, within(1e-15));
    assertThat(stepNorm(start, free.parameters())).isGreaterThan(0.1 * 0.05);
  }

  private static double stepNorm(Map<String, INDArray> a, Map<String, INDArray> b) {
    double squares = 0;
    for (String name : a.keySet()) {
      double n = a.get(name).sub(b.get(name)).norm2Number().doubleValue();
      squares += n * n;
    }
    return Math.sqrt(squares);
  }

  @Test
  void minibatchesAreContiguousSlicesShuffledByTheSeedEachEpoch() {
    BatchRecorder first = new BatchRecorder();
    BatchRecorder again = new BatchRecorder();
    BatchRecorder otherSeed = new BatchRecorder();
    // A learning rate so small that no parameter moves: each batch's loss identifies its rows.
    TrainOptions.Builder still =
        TrainOptions.builder().algorithm("sgd").learningRate(1e-300).batchSize(32).maxUpdates(4);
    Regressor net = Regressor.builder().layers(4, 16, 2).dataType(DataType.DOUBLE).build();
    List<Double> slices = new ArrayList<>();
    for (int from = 0; from < 160; from += 32) {
      slices.add(net.evaluate(DATA.rows(from, from + 32)).get("mse"));
    }

    train(first, still.seed(1).build());
    train(again, still.seed(1).build());
    train(otherSeed, still.seed(2).build());

    List<List<Double>> orders = new ArrayList<>();
    for (List<Map<String, Double>> epoch : first.epochs) {
      List<Double> losses = epoch.stream().map(m -> m.get("mse")).toList();
      assertThat(losses).hasSize(5);
      for (double v : losses) {
        assertThat(slices).anySatisfy(s -> assertThat(s).isCloseTo(v, within(1e-12)));
      }
      assertThat(losses.stream().sorted().toList())
          .usingElementComparator(TrainerTest::close)
          .isEqualTo(slices.stream().sorted().toList());
      orders.add(losses);
    }
    assertThat(orders.stream().distinct().count()).isGreaterThan(1);
    assertThat(again.epochs).isEqualTo(first.epochs);
    assertThat(otherSeed.epochs).isNotEqualTo(first.epochs);
  }

  private static int close(Double a, Double b) {
    return Math.abs(a - b) <= 1e-12 ? 0 : Double.compare(a, b);
  }

  private static void train(BatchRecorder recorder, TrainOptions options) {
    Regressor net =
        Regressor.builder()
            .layers(4, 16, 2)
            .dataType(DataType.DOUBLE)
            .injector(withListener(recorder))
            .build();
    net.train(DATA, options);
  }

  @Test
  void anEpochsMonitorsAreTheMeanOfItsMinibatchesMonitors() {
    BatchRecorder recorder = new BatchRecorder();
    Regressor net =
        Regressor.builder()
            .layers(4, 16, 2)
            .loss("mse")
            .loss("mae")
            .injector(withListener(recorder))
            .dataType(DataType.DOUBLE)
            .build();

    TrainingResult result =
        net.train(DATA, TrainOptions.builder().batchSize(40).maxUpdates(2).build());

    for (int e = 0; e < 2; e++) {
      Map<String, Double> epoch = result.history().get(e).train();
      for (String name : List.of("loss", "err", "mse", "mae")) {
        double mean =
            recorder.epochs.get(e).stream().mapToDouble(m -> m.get(name)).average().orElseThrow();
        assertThat(epoch.get(name)).as(name).isCloseTo(mean, within(1e-12));
      }
    }
  }
}
