package io.github.javanets.cli;

import io.github.javanets.models.ModelKind;
import io.github.javanets.models.TrainOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code javanets train}: trains a model on a CSV file (by default the embedded Iris data set),
 * shows a progress bar, prints a summary table, writes a plot of the training and validation curves
 * and saves the model. The options are read here; {@link TrainingJob} does the work.
 */
@Command(
    name = "train",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = {
      "Train a model on a CSV file with a header row (by default the built-in Iris data set),"
          + " show progress, print a summary, write a plot of every monitor and save the model."
    })
final class TrainCommand implements Callable<Integer> {
  /** The default model file. */
  static final String DEFAULT_SAVE = "javanets-model.zip";

  /** The default plot file. */
  static final String DEFAULT_PLOT = "javanets-training.png";

  /** The default learning rate; the library's is {@link TrainOptions#DEFAULT_LEARNING_RATE}. */
  static final String LEARNING_RATE = "0.01";

  /** The default batch size; the library's is {@link TrainOptions#DEFAULT_BATCH_SIZE}. */
  static final String BATCH_SIZE = "16";

  /**
   * The default validation interval; the library's is {@link TrainOptions#DEFAULT_VALIDATE_EVERY}.
   */
  static final String VALIDATE_EVERY = "1";

  /** The default patience; the library's is {@link TrainOptions#DEFAULT_PATIENCE}. */
  static final String PATIENCE = "20";

  /** The default number of examples held to shuffle the training data as it streams. */
  static final String SHUFFLE_BUFFER = "10000";

  /** The default share of rows held out for validation. */
  static final double DEFAULT_VALID_FRACTION = 0.2;

  @Option(
      names = "--model",
      paramLabel = "TYPE",
      defaultValue = "classifier",
      converter = ModelKinds.Converter.class,
      description = "regressor, classifier or autoencoder (default: classifier).")
  ModelKind model;

  @Option(
      names = "--recurrent",
      description =
          "Train a recurrent model on sequences: the rows with one value of --sequence-column form"
              + " a sequence, in file order; shorter sequences are padded with weight 0.")
  boolean recurrent;

  @Option(
      names = "--sequence-column",
      paramLabel = "NAME",
      description =
          "With --recurrent: the column whose value says which sequence a row belongs to (neither"
              + " an input nor a target).")
  String sequenceColumn;

  @Option(
      names = "--layers",
      paramLabel = "SPECS",
      description =
          "Layer specs, input first, separated by commas, as in 4,16:tanh,3 (size[:form][:activation];"
              + " default: <inputs>,16:tanh,<outputs>, or <inputs>,16:lstm,<outputs> with"
              + " --recurrent).")
  String layers;

  @Option(
      names = "--loss",
      paramLabel = "NAME[:param=value,...]",
      description =
          "A loss, as in xe or hinge:weight=0.5,margin=1; repeat for several (the first is the"
              + " main one; weight is its importance). Default: the model's (xe or mse).")
  List<String> losses = new ArrayList<>();

  @Option(
      names = "--data",
      paramLabel = "FILE.csv",
      description = "The training data: a CSV file with a header row (default: Iris).")
  Path data;

  @Option(
      names = "--target-column",
      paramLabel = "NAME",
      description =
          "A target column (repeat for several targets of a regressor; default: the last"
              + " column).")
  List<String> targetColumns = new ArrayList<>();

  @Option(
      names = "--input-column",
      paramLabel = "NAME",
      description =
          "An input column (repeat for several; default: every column that is not a target or"
              + " the weights).")
  List<String> inputColumns = new ArrayList<>();

  @Option(
      names = "--weighted",
      description = "Weight every loss per element, with --weights-column or --weights-file.")
  boolean weighted;

  /** Null when neither option is given. */
  @ArgGroup(exclusive = true, multiplicity = "0..1")
  WeightSource weights;

  /** Null when neither option is given. */
  @ArgGroup(exclusive = true, multiplicity = "0..1")
  ValidationSource validation;

  @Option(
      names = "--algorithm",
      paramLabel = "NAME",
      defaultValue = "adam",
      description = "sgd, nag, rmsprop, adam, adadelta or adagrad (default: ${DEFAULT-VALUE}).")
  String algorithm;

  @Option(
      names = "--learning-rate",
      paramLabel = "RATE",
      defaultValue = LEARNING_RATE,
      description =
          "The learning rate, > 0 (default: ${DEFAULT-VALUE}; the library's is "
              + TrainOptions.DEFAULT_LEARNING_RATE
              + ", Adam's usual rate, because a program sets its own epochs, while this command"
              + " must fit a small table well within its 100 epochs).")
  double learningRate;

  @Option(
      names = "--momentum",
      paramLabel = "M",
      defaultValue = "0.9",
      description = "The momentum of nag, in [0, 1) (default: ${DEFAULT-VALUE}).")
  double momentum;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = BATCH_SIZE,
      description =
          "Rows (sequences with --recurrent) per minibatch (default: ${DEFAULT-VALUE}; the"
              + " library's is "
              + TrainOptions.DEFAULT_BATCH_SIZE
              + ", theanets' default, because a program's data may be large, while this command's"
              + " tables are small and smaller batches make more updates per epoch).")
  int batchSize;

  @Option(
      names = "--shuffle-buffer",
      paramLabel = "N",
      defaultValue = SHUFFLE_BUFFER,
      description =
          "The data stream from the file at each epoch; this many rows (sequences with"
              + " --recurrent) are held to shuffle them, drawn with --seed: memory holds about N"
              + " times a row, never the file; 0 keeps the file's order (default:"
              + " ${DEFAULT-VALUE}).")
  int shuffleBuffer;

  /** Whether {@code train} keeps the parsed examples in memory after the first epoch. */
  enum KeepInMemory {
    /** When the file is at most a quarter of the largest heap. */
    AUTO,
    /** Always. */
    YES,
    /** Never: the file is read again at every epoch. */
    NO;

    /** Reads the option's value in any case: {@code auto}, {@code yes} or {@code no}. */
    static final class Converter implements picocli.CommandLine.ITypeConverter<KeepInMemory> {
      @Override
      public KeepInMemory convert(String value) {
        for (KeepInMemory k : values()) {
          if (k.name().equalsIgnoreCase(value)) {
            return k;
          }
        }
        throw new picocli.CommandLine.TypeConversionException(
            "expected one of [auto, yes, no] but was '" + value + "'");
      }
    }
  }

  @Option(
      names = "--keep-in-memory",
      paramLabel = "WHEN",
      defaultValue = "auto",
      converter = KeepInMemory.Converter.class,
      description =
          "Keep the parsed rows in memory after the first epoch (yes), or read the file again at"
              + " every epoch (no); auto: yes for a file of at most a quarter of the largest heap."
              + " The batches are the same either way, bit for bit (default: ${DEFAULT-VALUE}).")
  KeepInMemory keepInMemory;

  @Option(
      names = "--epochs",
      paramLabel = "N",
      defaultValue = "100",
      description = "The most epochs to train (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(
      names = "--validate-every",
      paramLabel = "N",
      defaultValue = VALIDATE_EVERY,
      description =
          "Validate every N epochs (default: ${DEFAULT-VALUE}; the library's is "
              + TrainOptions.DEFAULT_VALIDATE_EVERY
              + ", theanets' default, because validating costs a pass over the data, while this"
              + " command plots and prints a validation per epoch and keeps the best epoch's"
              + " parameters).")
  int validateEvery;

  @Option(
      names = "--patience",
      paramLabel = "N",
      defaultValue = PATIENCE,
      description =
          "Stop after more than this many validations without improvement; the best parameters"
              + " are kept (default: ${DEFAULT-VALUE}; the library's is "
              + TrainOptions.DEFAULT_PATIENCE
              + ", theanets' default, because it counts validations every "
              + TrainOptions.DEFAULT_VALIDATE_EVERY
              + " epochs: "
              + PATIENCE
              + " validations every epoch wait "
              + PATIENCE
              + " epochs, not "
              + TrainOptions.DEFAULT_PATIENCE * TrainOptions.DEFAULT_VALIDATE_EVERY
              + ").")
  int patience;

  @Option(
      names = "--min-improvement",
      paramLabel = "R",
      defaultValue = "0",
      description = "The relative improvement that counts (default: ${DEFAULT-VALUE}).")
  double minImprovement;

  @Option(
      names = "--max-gradient-norm",
      paramLabel = "NORM",
      defaultValue = "0",
      description = "Rescale larger gradients to this norm; 0 for no limit (default: 0).")
  double maxGradientNorm;

  @Option(
      names = "--regularizer",
      paramLabel = "NAME=WEIGHT",
      description =
          "A regularizer and its weight, repeatable: weight_l1, weight_l2, hidden_l1, input_noise,"
              + " hidden_noise, input_dropout, hidden_dropout or contractive (as in"
              + " weight_l2=1e-4).")
  Map<String, Double> regularizers = new LinkedHashMap<>();

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "13",
      description =
          "The seed of the initial parameters, the validation split and the batch order"
              + " (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--spark",
      paramLabel = "MASTER",
      description =
          "Train on a Spark cluster at this master URL (local[2], spark://host:7077, yarn, ...):"
              + " each minibatch is split over the cluster and one update is applied, exactly as"
              + " here. Needs the javanets-spark launcher, which has Spark on its class path"
              + " (README, \"Training on a Spark cluster\").")
  String spark;

  @Option(
      names = "--save",
      paramLabel = "FILE",
      defaultValue = DEFAULT_SAVE,
      description = "Where to save the model (default: ${DEFAULT-VALUE}).")
  Path save;

  @Option(
      names = "--plot",
      paramLabel = "FILE.png",
      defaultValue = DEFAULT_PLOT,
      description = "Where to write the PNG plot of the monitors (default: ${DEFAULT-VALUE}).")
  Path plot;

  @Option(
      names = "--progress",
      paramLabel = "MODE",
      defaultValue = "auto",
      converter = ProgressMode.Converter.class,
      description =
          "How to show progress on stderr: bar (redrawn with carriage returns), lines (one line"
              + " per epoch, for logs and CI), none, or auto: bar when stderr is a terminal, else"
              + " lines (default: ${DEFAULT-VALUE}).")
  ProgressMode progress;

  @Mixin ScalingOptions scaling;

  @Mixin ThreadsOption threads;

  @Spec CommandSpec spec;

  /** Where the weights come from: one of a column and a file, or neither. */
  static final class WeightSource {
    @Option(
        names = "--weights-column",
        paramLabel = "NAME",
        description =
            "The column of --data (and --valid) holding each row's weight, >= 0 (implies"
                + " --weighted).")
    String column;

    @Option(
        names = "--weights-file",
        paramLabel = "FILE.csv",
        description =
            "A CSV file of weights >= 0, one row per --data row: one column, or one per target"
                + " (implies --weighted; validation rows from --valid then weigh 1).")
    Path file;
  }

  /** What validates: a file, a share of {@code --data}, or neither (the default share). */
  static final class ValidationSource {
    @Option(
        names = "--valid",
        paramLabel = "FILE.csv",
        description = "Validation data with the same columns.")
    Path file;

    @Option(
        names = "--valid-fraction",
        paramLabel = "F",
        description =
            "The share of --data rows (sequences with --recurrent) held out for validation, chosen"
                + " by row index with --seed, in [0, 1) (default: 0.2; 0 validates on the"
                + " training data).")
    Double fraction;
  }

  /** The kind of model to train: {@code --model}, recurrent with {@code --recurrent}. */
  ModelKind kind() {
    return ModelKinds.of(model, recurrent);
  }

  /** {@code --weights-column}, or null. */
  String weightsColumn() {
    return weights == null ? null : weights.column;
  }

  /** {@code --weights-file}, or null. */
  Path weightsFile() {
    return weights == null ? null : weights.file;
  }

  /** {@code --valid}, or null. */
  Path valid() {
    return validation == null ? null : validation.file;
  }

  /** {@code --valid-fraction}, or null when not given. */
  Double validFraction() {
    return validation == null ? null : validation.fraction;
  }

  @Override
  public Integer call() throws Exception {
    WarmUp warmUp = WarmUp.startForTraining();
    threads.apply();
    warmUp.startBackend();
    new TrainingJob(this, spec.commandLine().getOut()).run();
    return 0;
  }
}
