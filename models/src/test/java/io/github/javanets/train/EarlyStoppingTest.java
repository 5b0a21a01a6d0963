package io.github.javanets.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.javanets.models.Dataset;
import io.github.javanets.models.Regressor;
import io.github.javanets.models.TestData;
import io.github.javanets.models.TrainOptions;
import io.github.javanets.models.TrainingResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Early stopping as theanets does it: validate before every {@code validateEvery}-th epoch and
 * after the last, stop after more than {@code patience} validations without a relative improvement
 * of {@code minImprovement}, and restore the best parameters.
 */
class EarlyStoppingTest {
  private static final Dataset TRAIN = TestData.regression(1, 48, 3, 2);

  /** The same inputs with negated targets: learning TRAIN makes this validation worse. */
  private static final Dataset OPPOSITE = Dataset.of(TRAIN.inputs(), TRAIN.target().neg());

  private static Regressor model() {
    return Regressor.builder().layers(3, "8:tanh", 2).dataType(DataType.DOUBLE).build();
  }

  private static TrainOptions.Builder options() {
    return TrainOptions.builder().learningRate(3e-2).batchSize(16).validateEvery(1);
  }

  @Test
  void stopsAfterMoreThanPatienceValidationsWithoutImprovementAndRestoresTheBest() {
    Regressor net = model();
    Map<String, INDArray> initial = net.parameters();

    TrainingResult result =
        net.train(TRAIN, OPPOSITE, options().patience(2).maxUpdates(50).build());

    assertThat(result.stopReason()).isEqualTo("patience");
    assertThat(result.history()).hasSize(3);
    for (int e = 1; e < 3; e++) {
      assertThat(result.history().get(e).valid().get("loss"))
          .isGreaterThan(result.history().get(0).valid().get("loss"));
    }
    assertThat(result.bestEpoch()).isEqualTo(0);
    assertThat(result.bestValid()).isEqualTo(result.history().get(0).valid());
    TestData.assertBitIdentical(net.parameters(), initial);
  }

  @Test
  void validatesBeforeEveryValidateEveryThEpochOnly() {
    Regressor net = model();

    TrainingResult result =
        net.train(TRAIN, OPPOSITE, options().validateEvery(2).patience(1).maxUpdates(50).build());

    assertThat(result.stopReason()).isEqualTo("patience");
    assertThat(result.history()).hasSize(4);
    assertThat(result.history())
        .extracting(e -> e.valid().isEmpty())
        .containsExactly(false, true, false, true);
    assertThat(result.history())
        .extracting(TrainingResult.Epoch::index)
        .containsExactly(0, 1, 2, 3);
  }

  @Test
  void restoresTheBestParametersAlsoWhenTheEpochsRunOut() {
    Regressor net = model();
    Map<String, INDArray> initial = net.parameters();

    TrainingResult result =
        net.train(TRAIN, OPPOSITE, options().patience(100).maxUpdates(3).build());

    assertThat(result.stopReason()).isEqualTo("max_updates");
    assertThat(result.history()).hasSize(3);
    assertThat(result.bestEpoch()).isEqualTo(0);
    TestData.assertBitIdentical(net.parameters(), initial);
  }

  @Test
  void runningOutOfEpochsIsTheStopReasonEvenWhenTheFinalValidationMisses() {
    Regressor net = model();
    Map<String, INDArray> initial = net.parameters();

    TrainingResult result =
        net.train(TRAIN, OPPOSITE, options().validateEvery(10).patience(0).maxUpdates(3).build());

    assertThat(result.stopReason()).isEqualTo("max_updates");
    assertThat(result.history()).hasSize(3);
    assertThat(result.bestEpoch()).isEqualTo(0);
    TestData.assertBitIdentical(net.parameters(), initial);
  }

  @Test
  void keepsTheFinalParametersWhenTheFinalValidationIsTheBest() {
    Regressor net = model();

    TrainingResult result = net.train(TRAIN, TRAIN, options().maxUpdates(5).build());

    assertThat(result.stopReason()).isEqualTo("max_updates");
    assertThat(result.bestEpoch()).isEqualTo(5);
    assertThat(result.bestValid().get("loss"))
        .isLessThan(result.history().get(4).valid().get("loss"))
        .isCloseTo(net.evaluate(TRAIN).get("loss"), within(1e-12));
  }

  @Test
  void minImprovementIsRelativeToTheBestLoss() {
    Regressor strict = model();
    Regressor lenient = model();
    Map<String, INDArray> initial = strict.parameters();

    TrainingResult a =
        strict.train(TRAIN, options().minImprovement(0.9).patience(1).maxUpdates(8).build());
    TrainingResult b =
        lenient.train(TRAIN, options().minImprovement(0).patience(1).maxUpdates(8).build());

    double first = a.history().get(0).valid().get("loss");
    assertThat(a.history().get(1).valid().get("loss")).isLessThan(first).isGreaterThan(0.1 * first);
    assertThat(a.stopReason()).isEqualTo("patience");
    assertThat(a.history()).hasSize(2);
    assertThat(a.bestEpoch()).isEqualTo(0);
    TestData.assertBitIdentical(strict.parameters(), initial);
    assertThat(b.stopReason()).isEqualTo("max_updates");
    assertThat(b.history()).hasSize(8);
  }

  @Test
  void withoutAValidationSetItValidatesOnTheTrainingData() {
    Regressor net = model();
    Map<String, Double> before = net.evaluate(TRAIN);

    TrainingResult result = net.train(TRAIN, null, options().maxUpdates(2).build());

    Map<String, Double> first = result.history().get(0).valid();
    assertThat(first.keySet()).containsExactly("loss", "err", "mse");
    first.forEach((k, v) -> assertThat(v).as(k).isCloseTo(before.get(k), within(1e-12)));
    assertThat(result.bestValid().get("loss"))
        .isCloseTo(net.evaluate(TRAIN).get("loss"), within(1e-12));
  }

  // ---------------------------------------------------------------- the rule alone

  /** A problem with one parameter whose value records which validation it was kept at. */
  private static final class Stub implements TrainingProblem {
    final INDArray p = Nd4j.zeros(DataType.DOUBLE, 1);

    @Override
    public SameDiff graph() {
      return null;
    }

    @Override
    public Map<String, INDArray> parameters() {
      return Map.of("param.p", p);
    }

    @Override
    public List<String> monitorNames() {
      return List.of("loss");
    }

    @Override
    public List<String> monitorVariables() {
      return List.of("loss");
    }
  }

  /** Runs the rule over validation losses; returns the run after the last or the stopping one. */
  private static TrainingRun validate(TrainOptions options, double... losses) {
    Stub problem = new Stub();
    TrainingRun run = new TrainingRun(problem, TestData.settings(options), 1);
    EarlyStopping rule = new EarlyStopping();
    for (int i = 0; i < losses.length && run.stopReason() == null; i++) {
      run.epoch(i);
      problem.p.putScalar(0, i);
      rule.onValidation(run, Map.of("loss", losses[i]));
    }
    return run;
  }

  @Test
  void theRuleStopsAfterMoreThanPatienceMisses() {
    TrainingRun run = validate(TrainOptions.builder().patience(2).build(), 10, 9, 9.5, 9.2, 9.1, 1);

    assertThat(run.stopReason()).isEqualTo("patience");
    assertThat(run.epoch()).isEqualTo(4);
    assertThat(run.bestEpoch()).isEqualTo(1);
    assertThat(run.bestValid()).containsEntry("loss", 9.0);
  }

  @Test
  void anImprovementResetsTheMisses() {
    TrainingRun run = validate(TrainOptions.builder().patience(1).build(), 10, 11, 9, 12, 8, 13);

    assertThat(run.stopReason()).isNull();
    assertThat(run.bestEpoch()).isEqualTo(4);
  }

  @Test
  void theRuleMeasuresImprovementRelativeToTheBest() {
    TrainingRun run =
        validate(
            TrainOptions.builder().minImprovement(0.1).patience(5).build(),
            10,
            9.5,
            9.01,
            8.9,
            8.5);

    assertThat(run.bestEpoch()).isEqualTo(3);
    assertThat(run.bestValid()).containsEntry("loss", 8.9);
    TrainingRun negative =
        validate(TrainOptions.builder().minImprovement(0.1).patience(5).build(), -10, -10.5, -11.5);
    assertThat(negative.bestValid()).containsEntry("loss", -11.5);
  }

  @Test
  void aNonFiniteValidationNeverStaysTheBest() {
    TrainOptions options = TrainOptions.builder().patience(3).build();

    assertThat(validate(options, Double.NaN, 5, 4).bestValid()).containsEntry("loss", 4.0);
    assertThat(validate(options, Double.NEGATIVE_INFINITY, 5).bestValid())
        .containsEntry("loss", 5.0);
    TrainingRun run = validate(options, 5, Double.NaN, Double.POSITIVE_INFINITY, 6);
    assertThat(run.bestValid()).containsEntry("loss", 5.0);
    assertThat(run.bestEpoch()).isEqualTo(0);
  }

  @Test
  void theTrainerRestoresTheParametersKeptWithTheBest() {
    Stub problem = new Stub();
    TrainingRun run = new TrainingRun(problem, TestData.settings(TrainOptions.defaults()), 1);
    EarlyStopping rule = new EarlyStopping();
    problem.p.putScalar(0, 7);
    rule.onValidation(run, Map.of("loss", 1.0));
    problem.p.putScalar(0, 8);
    rule.onValidation(run, Map.of("loss", 2.0));

    run.restoreBest();

    assertThat(problem.p.getDouble(0)).isEqualTo(7.0);
  }
}
