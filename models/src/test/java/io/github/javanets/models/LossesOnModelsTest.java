package io.github.javanets.models;

import static io.github.javanets.models.TestData.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossRegistry;
import io.github.javanets.loss.UnknownLossException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class LossesOnModelsTest {
  private static final LossRegistry REGISTRY = Defaults.registry();

  private static Regressor regressor() {
    return Regressor.builder().layers(3, "5:tanh", 2).dataType(DataType.DOUBLE).build();
  }

  private static void assertObjective(Map<String, Double> m, Map<String, Double> weights) {
    double sum = 0;
    for (Map.Entry<String, Double> w : weights.entrySet()) {
      sum += w.getValue() * m.get(w.getKey());
    }
    assertThat(m.get("loss")).as("loss of %s", m).isCloseTo(sum, within(1e-12 * Math.max(1, sum)));
  }

  @Test
  void lossesAreAnUnmodifiableListInOrder() {
    Regressor net = regressor();
    net.addLoss("mae");
    net.addLoss("huber", Map.of("delta", 0.5));
    net.addLoss(REGISTRY.create("mse(weight=3)"));

    assertThat(net.losses())
        .extracting(Loss::toString)
        .containsExactly("mse", "mae", "huber(delta=0.5)", "mse(weight=3.0)");
    assertThatThrownBy(() -> net.losses().remove(0))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(net.evaluate(TestData.regression(1, 10, 3, 2)).keySet())
        .containsExactly("loss", "err", "mse", "mae", "huber", "mse#2");
  }

  @Test
  void setLossReplacesEveryLoss() {
    Regressor net = Regressor.builder().layers(3, 2).loss("mae").loss("mse").build();

    net.setLoss("huber(delta=2)");
    assertThat(net.losses()).extracting(Loss::toString).containsExactly("huber(delta=2.0)");
    net.setLoss("mse", Map.of("weight", 1));
    assertThat(net.losses()).extracting(Loss::toString).containsExactly("mse");
    net.setLoss(REGISTRY.create("mae"));
    assertThat(net.losses()).extracting(Loss::name).containsExactly("mae");
  }

  @Test
  void objectiveIsTheWeightedSumOfLossMonitors() {
    Regressor net = regressor();
    net.losses().get(0).setWeight(1.5);
    net.addLoss("mae(weight=0.5)");
    net.addLoss("huber(weight=2, delta=0.3)");
    Dataset train = TestData.regression(2, 48, 3, 2);
    Dataset valid = TestData.regression(3, 20, 3, 2);

    TrainingResult result =
        net.train(
            train,
            valid,
            TrainOptions.builder().batchSize(16).maxUpdates(3).validateEvery(1).build());

    assertThat(result.history()).hasSize(3);
    Map<String, Double> weights = Map.of("mse", 1.5, "mae", 0.5, "huber", 2.0);
    for (TrainingResult.Epoch e : result.history()) {
      assertThat(e.train().keySet()).containsExactly("loss", "err", "mse", "mae", "huber");
      assertObjective(e.train(), weights);
      assertObjective(e.valid(), weights);
      assertThat(e.train().get("err")).isEqualTo(e.train().get("mse"));
      assertThat(e.valid().get("err")).isEqualTo(e.valid().get("mse"));
    }
    assertObjective(result.bestValid(), weights);
  }

  @Test
  void monitorsEqualEachLossComputedOutsideTheModel() {
    Regressor net = regressor();
    net.addLoss("mae");
    net.addLoss("huber(delta=0.3)");
    Dataset data = TestData.regression(4, 30, 3, 2);
    INDArray p = net.predict(data.inputs());

    Map<String, Double> m = net.evaluate(data);

    for (String name : List.of("mse", "mae", "huber(delta=0.3)")) {
      double expected = REGISTRY.create(name).value(p, data.target(), null);
      assertThat(m.get(REGISTRY.create(name).name())).as(name).isCloseTo(expected, within(1e-12));
    }
  }

  @Test
  void changingALossWeightBetweenTrainCallsChangesTheObjective() {
    Regressor net = regressor();
    net.addLoss("mae");
    Dataset data = TestData.regression(5, 32, 3, 2);
    TrainOptions options = TrainOptions.builder().batchSize(32).maxUpdates(2).build();
    TrainingResult first = net.train(data, options);
    Map<String, Double> at = net.evaluate(data);

    net.losses().get(1).setWeight(3);
    TrainingResult second = net.train(data, options);

    assertObjective(first.history().get(0).train(), Map.of("mse", 1.0, "mae", 1.0));
    Map<String, Double> start = second.history().get(0).valid();
    assertThat(start.get("mse")).isCloseTo(at.get("mse"), within(1e-12));
    assertThat(start.get("mae")).isCloseTo(at.get("mae"), within(1e-12));
    assertThat(start.get("loss")).isCloseTo(at.get("mse") + 3 * at.get("mae"), within(1e-12));
    assertThat(at.get("loss")).isCloseTo(at.get("mse") + at.get("mae"), within(1e-12));
    for (TrainingResult.Epoch e : second.history()) {
      assertObjective(e.train(), Map.of("mse", 1.0, "mae", 3.0));
    }
  }

  @Test
  void trainingGraphsAreBuiltOncePerLossesWeightsAndRegularizers() {
    Regressor net = regressor();
    Dataset data = TestData.regression(5, 32, 3, 2);
    TrainOptions options = TrainOptions.builder().batchSize(32).maxUpdates(1).build();
    Map<?, ?> graphs = net.graphs().trainingGraphs();

    net.train(data, options);
    Object first = graphs.values().iterator().next();
    net.train(data, options);
    net.evaluate(data);
    assertThat(graphs).hasSize(1);
    assertThat(graphs.values().iterator().next()).isSameAs(first);

    net.losses().get(0).setWeight(2);
    net.evaluate(data);
    net.train(
        data,
        TrainOptions.builder().batchSize(32).maxUpdates(1).regularizer("weight_l2", 0.1).build());
    assertThat(graphs).hasSize(3);
    for (int w = 3; w < 8; w++) {
      net.losses().get(0).setWeight(w);
      assertThat(net.evaluate(data).get("loss"))
          .isCloseTo(w * net.evaluate(data).get("mse"), within(1e-12));
    }
    assertThat(graphs).hasSize(4);
  }

  @Test
  void theBuildersLossesAreAddedInTheOrderGivenThoseByNameMadeAsTheModelSays() {
    Loss given = LossRegistry.discover().create("mae(weight=3)");

    Regressor net =
        Regressor.builder()
            .layers(3, 2)
            .weighted(true)
            .loss("huber(weight=2)")
            .loss("mse", Map.of("weight", 0.5))
            .loss(given)
            .build();

    assertThat(net.losses()).extracting(Loss::name).containsExactly("huber", "mse", "mae");
    assertThat(net.losses()).extracting(Loss::weight).containsExactly(2.0, 0.5, 3.0);
    assertThat(net.losses()).extracting(Loss::weighted).containsExactly(true, true, false);
    assertThat(net.losses().get(2)).isSameAs(given);
  }

  @Test
  void errIsTheFirstLossWithoutItsImportance() {
    Regressor net = Regressor.builder().layers(3, 2).loss("mae(weight=4)").loss("mse").build();

    Map<String, Double> m = net.evaluate(TestData.regression(6, 20, 3, 2));

    assertThat(m.get("err")).isEqualTo(m.get("mae"));
    assertThat(m.get("loss")).isCloseTo(4 * m.get("mae") + m.get("mse"), within(1e-6));
  }

  @Test
  void aLossCanReadAHiddenOutputAndANamedDatasetArray() {
    Regressor net = regressor();
    net.addLoss("mse(output=hid1:pre, target=code, weight=0.25)");
    Dataset base = TestData.regression(7, 24, 3, 2);
    INDArray code = TestData.gaussian(8, 24, 5);
    Dataset data =
        Dataset.builder().inputs(base.inputs()).target(base.target()).array("code", code).build();

    Map<String, Double> m = net.evaluate(data);

    double[][] pre = rows(net.feedForward(data.inputs()).get("hid1:pre"));
    double[][] c = rows(code);
    double sum = 0;
    for (int i = 0; i < 24; i++) {
      for (int j = 0; j < 5; j++) {
        sum += (pre[i][j] - c[i][j]) * (pre[i][j] - c[i][j]);
      }
    }
    assertThat(m.keySet()).containsExactly("loss", "err", "mse", "mse#2");
    assertThat(m.get("mse#2")).isCloseTo(sum / (24 * 5), within(1e-12));
    assertThat(m.get("loss")).isCloseTo(m.get("mse") + 0.25 * m.get("mse#2"), within(1e-12));
  }

  @Test
  void anUnknownLossFailsWithTheRegistryMessage() {
    assertThatThrownBy(() -> Regressor.builder().layers(3, 2).loss("msee").build())
        .isInstanceOf(UnknownLossException.class)
        .hasMessage(
            "Unknown loss 'msee'. Did you mean 'mse'? Available: bce, gll, hinge, huber, kl, mae,"
                + " mmd, mse, xe. Add the jar that provides it to the class path.");
  }

  @Test
  void aLossOnLabelsIsRefusedByARegressorWithAHint() {
    Regressor net = new Regressor(3, 2);

    assertThatThrownBy(() -> net.addLoss("xe"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Loss 'xe' needs class labels as its target, but a Regressor's target holds real"
                + " values; use a Classifier, or a loss on values such as mse.");
    assertThatThrownBy(() -> net.setLoss("hinge"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Loss 'hinge' needs class labels as its target");
    assertThat(net.losses()).extracting(Loss::name).containsExactly("mse");
  }

  @Test
  void aLossReadingAMissingOutputListsTheOutputs() {
    Regressor net = new Regressor(3, 4, 2);

    assertThatThrownBy(() -> net.addLoss("mse(output=hid9)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Loss 'mse' reads output 'hid9:out', which this Regressor does not have. Outputs:"
                + " hid1:out, hid1:pre, in:out, out:out, out:pre.");
    assertThatThrownBy(() -> Regressor.builder().layers(3, 2).loss("mae(output=hid1)").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Loss 'mae' reads output 'hid1:out', which this Regressor does not have. Outputs:"
                + " in:out, out:out, out:pre.");
  }

  @Test
  void aLossReadingAMissingDatasetArraySaysWhichDatasetLacksIt() {
    Regressor net = new Regressor(3, 2);
    net.addLoss("mse(target=prior)");
    Dataset data = TestData.regression(1, 8, 3, 2);

    assertThatThrownBy(() -> net.train(data, TrainOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Loss 'mse' reads dataset array 'prior', which the training dataset lacks. Arrays:"
                + " inputs, target.");
    Dataset withPrior =
        Dataset.builder()
            .inputs(data.inputs())
            .target(data.target())
            .array("prior", TestData.gaussian(2, 8, 2))
            .build();
    assertThatThrownBy(() -> net.train(withPrior, data, TrainOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Loss 'mse' reads dataset array 'prior', which the validation dataset lacks. Arrays:"
                + " inputs, target.");
  }

  @Test
  void badParametersAndWeightsAreRefusedNamingThem() {
    Regressor net = new Regressor(3, 2);

    assertThatThrownBy(() -> net.addLoss("huber(delta=-1)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Parameter 'delta' of loss 'huber' must be > 0, got -1.0.");
    assertThatThrownBy(() -> net.losses().get(0).setWeight(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Parameter 'weight' of loss 'mse' must be >= 0, got -1.0.");
    assertThat(net.losses()).extracting(Loss::toString).containsExactly("mse");
  }

  @Test
  void aWeightedModelMakesLossesByNameWeightedUnlessTheySayOtherwise() {
    Regressor net = Regressor.builder().layers(3, 2).weighted(true).build();
    net.addLoss("mae");
    net.addLoss("huber(weighted=false)");
    net.addLoss(REGISTRY.create("mse"));

    assertThat(net.losses()).extracting(Loss::weighted).containsExactly(true, true, false, false);
  }
}
