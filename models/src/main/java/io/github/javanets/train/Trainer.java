package io.github.javanets.train;

import static org.apiguardian.api.API.Status.INTERNAL;
import static org.apiguardian.api.API.Status.STABLE;

import io.github.javanets.runtime.GradientLogFilter;
import io.github.javanets.runtime.GraphRunner;
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
 * #train}, which reads the model's data through {@link MinibatchSource}s (rows in memory) or {@link
 * FeedSource}s (streamed minibatches) and its graph through a {@link TrainingProblem}. A streamed
 * pass is read ahead on a loader thread ({@link Prefetcher}) while the graph runs on the calling
 * thread; rows in memory are read on the calling thread ({@link FeedSource#readAhead()}).
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
   * Trains the problem's parameters in place on rows held in memory: minibatches of {@code
   * batchSize} rows in an order shuffled by the seed at each epoch, validation in order. Called by
   * a model's {@code train}, which turns the returned run into its {@code TrainingResult}; internal
   * to javanets, as its {@link TrainingProblem} and {@link MinibatchSource} are: applications train
   * through a model.
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
    int batchSize = options.batchSize();
    Random order = new Random(options.seed() ^ 0x5DEECE66DL);
    return train(
        problem,
        new RowBatches(train, batchSize, order),
        new RowBatches(valid != null ? valid : train, batchSize, null),
        options);
  }

  /**
   * Trains the problem's parameters in place on streamed minibatches: each epoch is one pass of
   * {@code train} in the order it gives, each validation one pass of {@code valid}. The next
   * minibatch is read and converted on a loader thread while the current one trains (see {@link
   * Prefetcher}, which bounds the minibatches read ahead). {@code batchSize} of the settings is not
   * read: the source makes its minibatches.
   *
   * @param problem the graph and parameters; not null
   * @param train the training minibatches; not null
   * @param valid the validation minibatches; null to validate on a pass of {@code train}
   * @param options the settings; not null
   * @return the finished run, as {@link #train(TrainingProblem, MinibatchSource, MinibatchSource,
   *     TrainingSettings)} returns it; never null
   * @throws BatchFailedException if a minibatch cannot be read or converted, naming the source and
   *     the minibatch; the problem's parameters are then as the failed step left them
   * @throws IllegalArgumentException if a pass gives no minibatch
   * @throws IllegalStateException from the NaN guard when the objective becomes NaN or infinite
   */
  @API(status = INTERNAL, since = "0.2", consumers = "io.github.javanets.models")
  public TrainingRun train(
      TrainingProblem problem, FeedSource train, FeedSource valid, TrainingSettings options) {
    GradientLogFilter.install();
    return train(problem, train, valid, options, StepExecutor.local(problem));
  }

  /**
   * Trains as {@link #train(TrainingProblem, FeedSource, FeedSource, TrainingSettings)} does, with
   * the monitors and gradients of each minibatch computed by {@code steps} rather than by the
   * problem's graph on this thread: how a trainer that splits minibatches over machines reuses this
   * loop (its updates, validation, early stopping and listeners) on the driver.
   *
   * @param problem the parameters, updated in place, and the monitors' names; not null
   * @param train the training minibatches; not null
   * @param valid the validation minibatches; null to validate on a pass of {@code train}
   * @param options the settings; not null
   * @param steps computes each minibatch's monitors and gradients; not null
   * @return the finished run; never null
   */
  @API(status = INTERNAL, since = "0.2", consumers = "io.github.javanets.models")
  public TrainingRun train(
      TrainingProblem problem,
      FeedSource train,
      FeedSource valid,
      TrainingSettings options,
      StepExecutor steps) {
    FeedSource validation = valid != null ? valid : train;
    TrainingRun run = new TrainingRun(problem, options, train.batches());
    ParameterUpdate update = new ParameterUpdate(problem.parameters(), algorithm.updater(options));
    Random noise = new Random(options.seed());
    StepExecutor step = steps;
    StepExecutor evaluation = steps;
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
        Map<String, Double> trainMonitors = epoch(step, problem, train, run, update, noise, epoch);
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
      StepExecutor evaluation, TrainingProblem problem, FeedSource data, TrainingRun run) {
    Map<String, Double> monitors = evaluate(evaluation, problem, data);
    listeners.forEach(l -> l.onValidation(run, monitors));
    return monitors;
  }

  /**
   * A validation's monitors: each minibatch's values averaged with its rows as weight, {@code
   * sum(rows_b * m_b) / sum(rows_b)} (a model's {@code evaluate} sums its losses exactly instead).
   */
  private static Map<String, Double> evaluate(
      StepExecutor evaluation, TrainingProblem problem, FeedSource data) {
    Averages sums = new Averages(problem.monitorNames());
    try (Pass pass = open(data, null)) {
      for (Feed feed; (feed = pass.next()) != null; ) {
        Map<String, INDArray> out = evaluation.evaluate(feed);
        sums.add(problem.monitorValues(out), feed.rows());
      }
    }
    return sums.means(data);
  }

  private Map<String, Double> epoch(
      StepExecutor step,
      TrainingProblem problem,
      FeedSource train,
      TrainingRun run,
      ParameterUpdate update,
      Random noise,
      int epoch) {
    Averages sums = new Averages(problem.monitorNames());
    try (Pass pass = open(train, noise)) {
      int b = 0;
      for (Feed feed; (feed = pass.next()) != null; b++) {
        OutAndGrad result = step.train(feed);
        Map<String, Double> monitors = problem.monitorValues(result.getOutputs());
        int iteration = run.countBatch();
        int batchIndex = b;
        listeners.forEach(l -> l.onBatch(run, batchIndex, monitors));
        sums.add(monitors, feed.rows());
        update.apply(result.getGradients(), run.options().maxGradientNorm(), iteration, epoch);
      }
    }
    return sums.means(train);
  }

  /**
   * A pass of {@code source}: read ahead on a loader thread, or on this thread when the source says
   * it is in memory.
   */
  private static Pass open(FeedSource source, Random noise) {
    FeedPass pass = source.open(noise);
    if (!source.readAhead()) {
      return new Inline(source.description(), pass);
    }
    Prefetcher<Feed> ahead = Prefetcher.start(source.description(), pass::next, pass::close);
    return new Pass() {
      @Override
      public Feed next() {
        return ahead.next();
      }

      @Override
      public void close() {
        ahead.close();
      }
    };
  }

  /** The minibatches of one pass, as the loop reads them. */
  private interface Pass extends AutoCloseable {
    /** The next minibatch, or null at the end; a failure is a {@link BatchFailedException}. */
    Feed next();

    @Override
    void close();
  }

  /** A pass read on the trainer's thread. */
  private static final class Inline implements Pass {
    private final String source;
    private final FeedPass pass;
    private long index;

    Inline(String source, FeedPass pass) {
      this.source = source;
      this.pass = pass;
    }

    @Override
    public Feed next() {
      try {
        Feed feed = pass.next();
        index++;
        return feed;
      } catch (Exception e) {
        throw Errors.batchFailed(source, index, e);
      }
    }

    @Override
    public void close() {
      pass.close();
    }
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

    Map<String, Double> means(FeedSource source) {
      if (rows == 0) {
        throw Errors.passWithoutBatches(source.description());
      }
      Map<String, Double> means = new LinkedHashMap<>();
      sums.forEach((k, v) -> means.put(k, v / rows));
      return means;
    }
  }
}
