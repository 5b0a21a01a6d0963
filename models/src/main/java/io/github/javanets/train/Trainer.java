package io.github.javanets.train;

import static org.apiguardian.api.API.Status.INTERNAL;
import static org.apiguardian.api.API.Status.STABLE;

import io.github.javanets.runtime.GradientLogFilter;
import io.github.javanets.runtime.GraphRunner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apiguardian.api.API;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains a {@link TrainingProblem} with one algorithm: minibatches in an order shuffled by the seed
 * each epoch, the gradients of the objective and every monitor in one pass of the graph's gradient
 * function (run by a {@link GraphRunner}, or by SameDiff's {@code calculateGradientsAndOutputs}
 * when the graph needs ops the runner does not take), the parameter update of the algorithm (a
 * fused one-pass step for Adam and SGD, DL4J's {@code GradientUpdater} otherwise; see {@code
 * ParameterUpdate}), validation before every {@code validateEvery}-th epoch and after the last, and
 * the listeners (early stopping, NaN guard, ...) told at each step. The best validated parameters
 * are restored at the end. Get one from {@link Trainers}; a model's {@code train} calls {@link
 * #train}, which reads the model's data through {@link MinibatchSource}s and its graph through a
 * {@link TrainingProblem}.
 */
@API(status = STABLE, since = "0.1")
public final class Trainer {
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
   * Trains the problem's parameters in place. Called by a model's {@code train}, which turns the
   * returned run into its {@code TrainingResult}; internal to javanets, as its {@link
   * TrainingProblem} and {@link MinibatchSource} are: applications train through a model.
   *
   * @param problem the graph and parameters; not null
   * @param train the training rows; not null
   * @param valid the validation rows; null to validate on the training rows
   * @param options the settings; not null
   * @return the finished run: each epoch's monitors, the best validation (whose parameters the
   *     problem now holds) and the stop reason; never null
   * @throws IllegalStateException from the NaN guard when the objective becomes NaN or infinite
   */
  @API(status = INTERNAL, since = "0.1", consumers = "io.github.javanets.models")
  public TrainingRun train(
      TrainingProblem problem,
      MinibatchSource train,
      MinibatchSource valid,
      TrainingSettings options) {
    MinibatchSource validation = valid != null ? valid : train;
    int batchSize = options.batchSize();
    int batches = (int) ((train.rows() + batchSize - 1) / batchSize);
    TrainingRun run = new TrainingRun(problem, options, batches);
    ParameterUpdate update = new ParameterUpdate(problem.parameters(), algorithm.updater(options));
    Random noise = new Random(options.seed());
    Random order = new Random(options.seed() ^ 0x5DEECE66DL);
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
        EpochMonitors record = new EpochMonitors(epoch, trainMonitors, validMonitors);
        run.add(record);
        listeners.forEach(l -> l.onEpoch(run, record));
      }
      if (run.stopReason() == null) {
        // The epochs ran out: that is why training stops, whatever the final validation says.
        run.requestStop("max_updates");
        run.epoch(epoch);
        validate(evaluation, problem, validation, run);
      }
      run.restoreBest();
      return run;
    } finally {
      listeners.forEach(l -> l.onEnd(run));
    }
  }

  private Map<String, Double> validate(
      StepRunner evaluation, TrainingProblem problem, MinibatchSource data, TrainingRun run) {
    Map<String, Double> monitors = evaluate(evaluation, problem, data, run.options().batchSize());
    listeners.forEach(l -> l.onValidation(run, monitors));
    return monitors;
  }

  /**
   * The monitors over all the rows without noise: each minibatch's values averaged by rows. Called
   * by a model's {@code evaluate}; internal to javanets, as {@link #train} is.
   *
   * @param problem the graph; not null
   * @param data the rows; not null
   * @param batchSize rows per minibatch, &gt;= 1
   * @return monitor name to value; never null
   */
  @API(status = INTERNAL, since = "0.1", consumers = "io.github.javanets.models")
  public static Map<String, Double> evaluate(
      TrainingProblem problem, MinibatchSource data, int batchSize) {
    return evaluate(
        StepRunner.evaluation(problem.graph(), problem.monitorVariables()),
        problem,
        data,
        batchSize);
  }

  private static Map<String, Double> evaluate(
      StepRunner evaluation, TrainingProblem problem, MinibatchSource data, int batchSize) {
    Averages sums = new Averages(problem.monitorNames());
    for (long from = 0; from < data.rows(); from += batchSize) {
      long to = Math.min(data.rows(), from + batchSize);
      Map<String, INDArray> out = evaluation.run(data.feed(from, to, null)).getOutputs();
      sums.add(problem.monitorValues(out), to - from);
    }
    return sums.means();
  }

  private Map<String, Double> epoch(
      StepRunner step,
      TrainingProblem problem,
      MinibatchSource train,
      TrainingRun run,
      ParameterUpdate update,
      Random noise,
      int[] order,
      int epoch) {
    Averages sums = new Averages(problem.monitorNames());
    int batchSize = run.options().batchSize();
    for (int b = 0; b < order.length; b++) {
      long from = (long) order[b] * batchSize;
      long to = Math.min(train.rows(), from + batchSize);
      OutAndGrad result = step.run(train.feed(from, to, noise));
      Map<String, Double> monitors = problem.monitorValues(result.getOutputs());
      int batchIndex = b;
      listeners.forEach(l -> l.onBatch(run, batchIndex, monitors));
      sums.add(monitors, to - from);
      update.apply(
          result.getGradients(), run.options().maxGradientNorm(), epoch * order.length + b, epoch);
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
