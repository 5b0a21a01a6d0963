package io.github.javanets.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.util.Modules;
import io.github.javanets.loss.LossRegistry;
import io.github.javanets.models.Autoencoder;
import io.github.javanets.models.BatchSource;
import io.github.javanets.models.Classifier;
import io.github.javanets.models.Layer;
import io.github.javanets.models.Model;
import io.github.javanets.models.ModelKind;
import io.github.javanets.models.Regressor;
import io.github.javanets.models.TrainOptions;
import io.github.javanets.models.TrainingResult;
import io.github.javanets.train.BatchFailedException;
import io.github.javanets.train.JavanetsModule;
import io.github.javanets.train.ProgressSink;
import io.github.javanets.train.Trainers;
import io.github.javanets.train.TrainingDivergedException;
import io.github.javanets.train.TrainingListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code javanets train} does: checks every option and reads the data before the ND4J backend
 * starts (so mistakes are reported at once), then builds the model, trains it with a progress bar,
 * and prints the summary, writes the plot and saves the model.
 */
final class TrainingJob {
  private final TrainCommand cmd;
  private final PrintWriter out;

  TrainingJob(TrainCommand cmd, PrintWriter out) {
    this.cmd = cmd;
    this.out = out;
  }

  /** Runs the job. */
  void run() throws IOException {
    TrainOptions options = Optimization.options(cmd);
    ClusterTraining cluster = cmd.spark == null ? null : ClusterTraining.find();
    OutputFiles outputs = new OutputFiles(cmd);
    outputs.check();
    LayerSpecs.checkForms(cmd.layers, cmd.recurrent);
    ExitGuard.phase("reading the data");
    DataOptions dataOptions = DataOptions.of(cmd);
    TrainingData data = TrainingData.read(dataOptions);
    ModelInfo info = data.info();
    List<Layer> layers = LayerSpecs.resolve(cmd.layers, info, data.dataName());
    Injector injector =
        Guice.createInjector(
            Modules.override(new JavanetsModule()).with(progress(cmd.progress.resolve())));
    ExitGuard.phase("making the losses");
    List<String> losses = losses(injector.getInstance(LossRegistry.class));
    injector.getInstance(Trainers.class).get(options.algorithm());

    Model model = build(info, layers, losses, dataOptions.weighted(), injector);
    out.println("Data: " + data.description() + ".");
    out.println(
        "Model: " + describe(info, layers, model, options) + ScalingOptions.of(model) + ".");
    out.flush();

    BatchSource train = data.train();
    BatchSource valid = data.valid();
    ExitGuard.phase("training");
    TrainingResult result = train(cluster, model, train, valid, options);
    report(result, evaluate(model, data.trainInOrder()), valid == null ? "valid=train" : "valid");
    ExitGuard.phase("saving the model and the plot");
    outputs.save(model);
    out.println("Saved the model to " + cmd.save);
    Plot.write(result, cmd.plot);
    out.println("Wrote the plot of every monitor to " + cmd.plot);
    out.flush();
  }

  private static String describe(
      ModelInfo info, List<Layer> layers, Model model, TrainOptions options) {
    return info.title()
        + " "
        + layers.stream().map(Layer::toString).collect(Collectors.joining(","))
        + "; losses "
        + model.losses().stream().map(Object::toString).collect(Collectors.joining(", "))
        + "; "
        + options.algorithm()
        + ", learning rate "
        + options.learningRate()
        + ", batch size "
        + options.batchSize()
        + ", at most "
        + options.maxUpdates()
        + " epochs";
  }

  /** The registry specs of the {@code --loss} options, each created once to check it. */
  private List<String> losses(LossRegistry registry) {
    List<String> specs = new ArrayList<>();
    for (String option : cmd.losses) {
      String spec = LossSpecs.toSpec(option);
      registry.create(spec);
      specs.add(spec);
    }
    return specs;
  }

  /**
   * The model, with the metadata that {@code predict} and {@code evaluate} read. A recurrent model
   * is always weighted, with weight 0 on padded steps.
   */
  private Model build(
      ModelInfo info,
      List<Layer> layers,
      List<String> losses,
      boolean weighted,
      Injector injector) {
    Model.Builder<?, ?> b = builder(info.kind());
    b.layers(layers.toArray());
    b.weighted(weighted);
    b.seed(cmd.seed).injector(injector);
    cmd.scaling.apply(b, info.kind());
    losses.forEach(b::loss);
    Model model = b.build();
    model.metadata().putAll(ModelMetadata.of(info));
    return model;
  }

  private static Model.Builder<?, ?> builder(ModelKind kind) {
    return switch (kind) {
      case REGRESSOR -> Regressor.builder();
      case CLASSIFIER -> Classifier.builder();
      case AUTOENCODER -> Autoencoder.builder();
      case RECURRENT_REGRESSOR -> io.github.javanets.models.recurrent.Regressor.builder();
      case RECURRENT_CLASSIFIER -> io.github.javanets.models.recurrent.Classifier.builder();
      case RECURRENT_AUTOENCODER -> io.github.javanets.models.recurrent.Autoencoder.builder();
    };
  }

  private TrainingResult train(
      ClusterTraining cluster,
      Model model,
      BatchSource train,
      BatchSource valid,
      TrainOptions options) {
    try {
      if (cluster != null) {
        return cluster.train(cmd.spark, model, train, valid, options);
      }
      return model.train(train, valid, options);
    } catch (TrainingDivergedException e) {
      throw new UserException(e.getMessage(), e);
    } catch (BatchFailedException e) {
      throw StreamErrors.of(e);
    }
  }

  private static Map<String, Double> evaluate(Model model, BatchSource data) {
    try {
      return model.evaluate(data);
    } catch (BatchFailedException e) {
      throw StreamErrors.of(e);
    }
  }

  /**
   * What shows progress on stderr: the bar as the progress sink, or the epoch lines as one more
   * training listener.
   */
  private Module progress(ProgressMode mode) {
    return binder -> {
      switch (mode) {
        case BAR -> binder.bind(ProgressSink.class).toInstance(new ProgressBarSink(cmd.epochs));
        case LINES ->
            Multibinder.newSetBinder(binder, TrainingListener.class)
                .addBinding()
                .toInstance(new EpochLines(System.err, cmd.epochs));
        default -> {
          // NONE (AUTO is resolved): the module's silent sink.
        }
      }
    };
  }

  /**
   * The parameters kept, in words: {@code bestEpoch} counts the epochs trained, so 0 is the initial
   * parameters and 3 those after 3 epochs.
   */
  static String kept(int bestEpoch) {
    return bestEpoch == 0
        ? "the initial parameters (before epoch 1)"
        : "after " + bestEpoch + (bestEpoch == 1 ? " epoch" : " epochs");
  }

  private void report(TrainingResult result, Map<String, Double> train, String validLabel) {
    int epochs = result.history().size();
    out.println(
        "Stopped after "
            + epochs
            + (epochs == 1 ? " epoch" : " epochs")
            + " ("
            + result.stopReason()
            + "); kept the parameters of the best validation, "
            + kept(result.bestEpoch())
            + ".");
    SummaryTable.print(out, train, result.bestValid(), validLabel);
    // A run that made no progress (a learning rate far too high, say) must not pass unnoticed.
    result.warnings().forEach(w -> out.println("Warning: " + w));
  }
}
