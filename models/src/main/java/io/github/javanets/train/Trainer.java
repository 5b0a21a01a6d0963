package io.github.javanets.train;

import io.github.javanets.models.Dataset;
import io.github.javanets.models.TrainOptions;
import io.github.javanets.models.TrainingResult;
import io.github.javanets.runtime.GradientLogFilter;
import io.github.javanets.runtime.GraphRunner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link TrainingProblem} with one algorithm: minibatches in an order shuffled by the seed
 * each epoch, the gradients of the objective and every monitor in one pass of the graph's gradient
 * function (run by a {@link GraphRunner}, or by SameDiff's {@code calculateGradientsAndOutputs}
 * when the graph needs ops the runner does not take), the parameter update of the algorithm (a
 * fused one-pass step for Adam and SGD, DL4J's {@code GradientUpdater} otherwise; see {@code
 * ParameterUpdate}), validation before every {@code validateEvery}-th epoch and after the last, and
 * the listeners (early stopping, NaN guard, ...) told at each step. The best validated parameters
 * are restored at the end; the result's warnings (no progress, a rising training loss) are logged
 * as SLF4J warnings. Get one from {@link Trainers}.
 */
public final class Trainer {
  private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

  private final String name;
  private final Algorithm algorithm;
  private final List<TrainingListener> listeners;

  Trainer(String name, Algorithm algorithm, List<TrainingListener> listeners) {
    this.name = name;
    this.algorithm = algorithm;
    this.listeners = List.copyOf(listeners);
  }

  /** The algorithm's name. */
  public String name() {
    return name;
  }

  /** The listeners told about each run, in binding order; unmodifiable. */
  public List<TrainingListener> listeners() {
    return listeners;
  }

  /**
   * Trains.
   *
   * @param problem the graph and parameters; not null
   * @param train the training data; not null
   * @param valid the validation data; null to validate on the training data
   * @param options the options; not null
   * @return the history and the best validation; never null
   * @throws IllegalStateException from the NaN guard when the objective becomes NaN or infinite
   */
  public TrainingResult train(
      TrainingProblem problem, Dataset train, Dataset valid, TrainOptions options) {
    Dataset validation = valid != null ? valid : train;
    int batchSize = options.batchSize();
    int batches = (int) ((train.rows() + batchSize - 1) / batchSize);
    TrainingRun run = new TrainingRun(problem, options, batches);
    ParameterUpdate update = new ParameterUpdate(problem.parameters(), algorithm.updater(options));
    Random noise = new Random(options.seed());
    Random order = new Random(options.seed() ^ 0x5DEECE66DL);
    List<TrainingResult.Epoch> history = new ArrayList<>();
    GradientLogFilter.install();
    List<String> params = new ArrayList<>(problem.parameters().keySet());
    StepRunner step = StepRunner.training(problem.graph(), problem.monitorVariables(), params);
    StepRunner evaluation = StepRunner.evaluation(problem.graph(), problem.monitorVariables());
    listeners.forEach(l -> l.onStart(run));
    try {
      int epoch = 0;
      for (; epoch < options.maxUpdates() && run.stopReason() == null; epoch++) {
        run.epoch(epoch);
        Map<String, Double> validMonitors = Map.of();
        if (epoch % options.validateEvery() == 0) {
          validMonitors = validate(evaluation, problem, validation, run);
          if (run.stopReason() != null) {
            break;
          }
        }
        Map<String, Double> trainMonitors =
            epoch(step, problem, train, run, update, noise, shuffled(batches, order), epoch);
        TrainingResult.Epoch record = new TrainingResult.Epoch(epoch, trainMonitors, validMonitors);
        history.add(record);
        listeners.forEach(l -> l.onEpoch(run, record));
      }
      if (run.stopReason() == null) {
        // The epochs ran out: that is why training stops, whatever the final validation says.
        run.requestStop("max_updates");
        run.epoch(epoch);
        validate(evaluation, problem, validation, run);
      }
      run.restoreBest();
      TrainingResult result =
          new TrainingResult(history, run.bestValid(), run.bestEpoch(), run.stopReason());
      result.warnings().forEach(LOG::warn);
      return result;
    } finally {
      listeners.forEach(l -> l.onEnd(run));
    }
  }

  private Map<String, Double> validate(
      StepRunner evaluation, TrainingProblem problem, Dataset data, TrainingRun run) {
    Map<String, Double> monitors = evaluate(evaluation, problem, data, run.options().batchSize());
    listeners.forEach(l -> l.onValidation(run, monitors));
    return monitors;
  }

  /**
   * The monitors over a whole dataset without noise: each minibatch's values averaged by rows.
   *
   * @param problem the graph; not null
   * @param data the data; not null
   * @param batchSize rows per minibatch
   * @return monitor name to value; never null
   */
  public static Map<String, Double> evaluate(TrainingProblem problem, Dataset data, int batchSize) {
    return evaluate(
        StepRunner.evaluation(problem.graph(), problem.monitorVariables()),
        problem,
        data,
        batchSize);
  }

  private static Map<String, Double> evaluate(
      StepRunner evaluation, TrainingProblem problem, Dataset data, int batchSize) {
    Averages sums = new Averages(problem.monitorNames());
    for (long from = 0; from < data.rows(); from += batchSize) {
      Dataset batch = data.rows(from, Math.min(data.rows(), from + batchSize));
      Map<String, INDArray> out = evaluation.run(problem.feed(batch, null)).getOutputs();
      sums.add(problem.monitorValues(out), batch.rows());
    }
    return sums.means();
  }

  private Map<String, Double> epoch(
      StepRunner step,
      TrainingProblem problem,
      Dataset train,
      TrainingRun run,
      ParameterUpdate update,
      Random noise,
      int[] order,
      int epoch) {
    Averages sums = new Averages(problem.monitorNames());
    int batchSize = run.options().batchSize();
    for (int b = 0; b < order.length; b++) {
      long from = (long) order[b] * batchSize;
      Dataset batch = train.rows(from, Math.min(train.rows(), from + batchSize));
      OutAndGrad result = step.run(problem.feed(batch, noise));
      Map<String, Double> monitors = problem.monitorValues(result.getOutputs());
      int batchIndex = b;
      listeners.forEach(l -> l.onBatch(run, batchIndex, monitors));
      sums.add(monitors, batch.rows());
      update.apply(result.getGradients(), run.options(), epoch * order.length + b, epoch);
    }
    return sums.means();
  }

  private static int[] shuffled(int n, Random random) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    Collections.shuffle(order, random);
    return order.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Row-weighted sums of monitors. */
  private static final class Averages {
    private final Map<String, Double> sums = new LinkedHashMap<>();
    private long rows;

    Averages(List<String> names) {
      names.forEach(n -> sums.put(n, 0.0));
    }

    void add(Map<String, Double> monitors, long batchRows) {
      monitors.forEach((k, v) -> sums.merge(k, v * batchRows, Double::sum));
      rows += batchRows;
    }

    Map<String, Double> means() {
      Map<String, Double> means = new LinkedHashMap<>();
      sums.forEach((k, v) -> means.put(k, rows == 0 ? Double.NaN : v / rows));
      return means;
    }
  }
}
