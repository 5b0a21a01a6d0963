package io.github.javanets.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.conventions.ErrorsClasses;
import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;

/** Every message of the models, with sample values, word for word. */
class ErrorsTest {
  /** A loss without a gradient, as the plugin example's {@code step}. */
  public static final class Step extends Loss {
    @Override
    public SDVariable compute(LossContext ctx) {
      return reduce(ctx, ctx.output().gt(0.0).castTo(ctx.output().dataType()));
    }
  }

  /** Another loss, to be of weight 0. */
  public static final class Flat extends Loss {
    @Override
    public SDVariable compute(LossContext ctx) {
      return reduce(ctx, ctx.output().mul(0.0));
    }
  }

  private static String named(Class<?> type) {
    return "'" + type.getSimpleName().toLowerCase(Locale.ROOT) + "' (" + type.getName() + ")";
  }

  @Test
  void everyMethodReturnsTheExceptionToThrow() {
    ErrorsClasses.assertEveryMethodReturnsAnException(Errors.class);
  }

  @Test
  void layerSpecErrorsQuoteTheSpecAndListWhatIsAccepted() {
    NumberFormatException nfe = new NumberFormatException("x");
    assertThat(Errors.layerSizeMissing("x:tanh", nfe))
        .hasMessage(
            "Layer spec 'x:tanh' must start with a size (a whole number > 0), as in '20',"
                + " '20:tanh' or '32:lstm:tanh'.")
        .hasCause(nfe);
    assertThat(Errors.layerSizeNotPositive("0:tanh", 0))
        .hasMessage("Layer spec '0:tanh' has size 0; a size must be a whole number > 0.");
    String accepted =
        "'. Accepted: one form (ff, rnn, lstm, gru, tied), one activation (linear, relu,"
            + " logistic, tanh, softmax, softplus, elu, leaky_relu (sigmoid = logistic)) and"
            + " name=<letters and digits>.";
    assertThat(Errors.unknownLayerWord("20:tahn", "tahn"))
        .hasMessage("Layer spec '20:tahn' has an unknown word 'tahn" + accepted);
    assertThat(Errors.secondFormOrActivation("20:tanh:relu", "relu"))
        .hasMessage("Layer spec '20:tanh:relu' has a second form or activation 'relu" + accepted);
    assertThat(Errors.notALayer(2.5))
        .hasMessage("A layer is an int size, a Layer or a spec like \"20:tanh\"; got Double 2.5.");
    assertThat(Errors.notALayer(null))
        .hasMessage("A layer is an int size, a Layer or a spec like \"20:tanh\"; got null.");
  }

  @Test
  void networkErrorsNameTheLayersAtFault() {
    assertThat(Errors.noLayers(ModelKind.REGRESSOR))
        .hasMessage("Regressor needs layers, as in Regressor.builder().layers(4, 16, 3).");
    assertThat(Errors.tooFewLayers(List.of(Layer.of(4))))
        .hasMessage(
            "A network needs an input and an output layer, as in layers(4, 16, 3); got [4].");
    assertThat(Errors.inputLayerNotASize(Layer.of(4, "tanh")))
        .hasMessage(
            "The input layer '4:tanh' is only a size, as in 4; it has no form or activation.");
    assertThat(Errors.recurrentLayerInFeedForward(Layer.of(10, "rnn")))
        .hasMessage(
            "Layer '10:rnn' is recurrent; use the models of io.github.javanets.models.recurrent"
                + " for sequence data.");
    assertThat(Errors.layerNameTwice("code")).hasMessage("Two layers are named 'code'.");
    assertThat(Errors.tiedLayerWithoutPartner(Layer.of(5, "tied"), 2, 1, 5, 4))
        .hasMessage(
            "Tied layer '5:tied' (layer 2) has no partner: it reuses the transposed weights of"
                + " the dense layer at the mirror position (layer 1), which must map 5 units to"
                + " 4, as in layers(8, 4, \"8:tied\").");
    assertThat(Errors.autoencoderOutputSize(6, 5))
        .hasMessage(
            "An autoencoder reconstructs its input: its output layer needs 6 units, not 5.");
  }

  @Test
  void recurrentLayerErrorsSayWhatTheOpsCanCompute() {
    assertThat(Errors.gatedLayerTooSmall(Layer.of(1, "lstm"), "hid1"))
        .hasMessage(
            "Layer '1:lstm' (hid1) has 1 unit; lstm and gru layers need at least 2 (the"
                + " 1.0.0-M2.1 ops fail on one). Use 2 units, or an rnn layer.");
    assertThat(
            Errors.activationNotInOp(
                Layer.of(16, "gru", "relu"),
                "hid1",
                Activation.RELU,
                Layer.Form.GRU,
                EnumSet.of(Activation.TANH)))
        .hasMessage(
            "Layer '16:gru:relu' (hid1) would compute relu, which the gru op cannot. Accepted:"
                + " tanh. For a softmax or another output, end the network with a dense layer, as"
                + " in layers(3, \"16:gru\", 2).");
    assertThat(
            Errors.lstmCannotCompute(
                Activation.SOFTMAX, EnumSet.of(Activation.LINEAR, Activation.TANH)))
        .hasMessage("An lstm layer cannot compute softmax; [linear, tanh]");
  }

  @Test
  void optionAndRegularizerErrorsNameTheValueAndWhatIsAccepted() {
    assertThat(Errors.unknownRegularizer("weight_l3"))
        .hasMessage(
            "Unknown regularizer 'weight_l3'. Accepted: weight_l1, weight_l2, hidden_l1,"
                + " input_noise, hidden_noise, input_dropout, hidden_dropout, contractive.");
    assertThat(Errors.badRegularizerWeight(Regularizer.INPUT_DROPOUT, true, 1.0))
        .hasMessage("Regularizer 'input_dropout' needs a weight in [0, 1), got 1.0.");
    assertThat(Errors.badRegularizerWeight(Regularizer.WEIGHT_L2, false, -1.0))
        .hasMessage("Regularizer 'weight_l2' needs a weight finite and >= 0, got -1.0.");
    assertThat(Errors.contractiveNeedsElementWise(Activation.SOFTMAX))
        .hasMessage("The contractive penalty needs an element-wise activation; softmax is not.");
    assertThat(Errors.contractiveNeedsDense("hid1", Layer.Form.LSTM))
        .hasMessage(
            "Regularizer 'contractive' needs dense hidden layers, but layer 'hid1' is lstm; train"
                + " this network without it.");
    assertThat(Errors.badTrainOption("batchSize", "a whole number >= 1", 0))
        .hasMessage("Training option 'batchSize' must be a whole number >= 1, got 0.");
    assertThat(Errors.badTrainOption("learningRate", "finite and > 0", Double.NaN))
        .hasMessage("Training option 'learningRate' must be finite and > 0, got NaN.");
    assertThat(Errors.notFloatingPoint(DataType.BOOL))
        .hasMessage("A model computes in a floating-point type, not BOOL.");
  }

  @Test
  void datasetErrorsNameTheArrayAndItsShape() {
    assertThat(Errors.noSuchArray("prior", List.of("inputs", "target")))
        .hasMessage("The dataset has no array 'prior'. Arrays: inputs, target.");
    assertThat(Errors.rowsOutOfRange(5, 12, 10))
        .hasMessage("Rows [5, 12) are not within the dataset's 10 rows.");
    assertThat(Errors.arrayGivenTwice("target"))
        .hasMessage("Dataset array 'target' is given twice.");
    assertThat(Errors.noInputs()).hasMessage("A dataset needs an 'inputs' array.");
    assertThat(Errors.inputsNotFloatingPoint(DataType.BOOL, new long[] {4}))
        .hasMessage(
            "Dataset array 'inputs' must be floating point with rank 2 or more; it is BOOL of"
                + " shape [4].");
    assertThat(Errors.rowsDiffer("target", new long[] {3, 2}, 4))
        .hasMessage(
            "Dataset array 'target' has shape [3, 2] but 'inputs' has 4 rows; every array needs"
                + " one row per example.");
    assertThat(Errors.weightsOfMissingArray("prior.weights", "prior"))
        .hasMessage("Dataset array 'prior.weights' weighs array 'prior', which is not given.");
    assertThat(
            Errors.weightsNotShapedLikeArray(
                "weights", new long[] {64, 3}, "target", new long[] {64, 5}))
        .hasMessage("Dataset array 'weights' has shape [64, 3] but the target has shape [64, 5].");
    assertThat(
            Errors.weightsNotShapedLikeArray(
                "prior.weights", new long[] {8}, "prior", new long[] {8, 2}))
        .hasMessage(
            "Dataset array 'prior.weights' has shape [8] but the array 'prior' has shape [8, 2].");
  }

  @Test
  void lossOnModelErrorsSayWhatToUseInstead() {
    assertThat(
            Errors.outputMissing(
                "mse", "hid9:out", ModelKind.REGRESSOR, new TreeSet<>(Set.of("in:out", "out:out"))))
        .hasMessage(
            "Loss 'mse' reads output 'hid9:out', which this Regressor does not have. Outputs:"
                + " in:out, out:out.");
    assertThat(Errors.lossNeedsLabels("xe", ModelKind.REGRESSOR))
        .hasMessage(
            "Loss 'xe' needs class labels as its target, but a Regressor's target holds real"
                + " values; use a Classifier, or a loss on values such as mse.");
    assertThat(Errors.lossNeedsValues("mse", ModelKind.RECURRENT_CLASSIFIER))
        .hasMessage(
            "Loss 'mse' needs real values as its target, but a recurrent.Classifier's target"
                + " holds class labels; use a loss on labels such as xe or hinge, or a"
                + " Regressor.");
  }

  @Test
  void inputErrorsSayWhatTheModelTakes() {
    assertThat(Errors.inputsDoNotFit(new long[] {4, 2}, ModelKind.REGRESSOR, 3))
        .hasMessage("Inputs have shape [4, 2] but this Regressor takes (N, 3).");
    assertThat(Errors.inputsDoNotFit(new long[] {4, 3}, ModelKind.RECURRENT_REGRESSOR, 3))
        .hasMessage(
            "Inputs have shape [4, 3] but this recurrent.Regressor takes (batch, time, 3)"
                + " sequences.");
    assertThat(Errors.codesDoNotFit(new long[] {4, 3}, "hid1", 2))
        .hasMessage("Codes have shape [4, 3] but the code layer 'hid1' has 2 units.");
    assertThat(Errors.datasetInputsDoNotFit("training", new long[] {4, 2}, ModelKind.CLASSIFIER, 3))
        .hasMessage(
            "The training dataset's 'inputs' have shape [4, 2] but this Classifier takes (N,"
                + " 3).");
    assertThat(Errors.emptyDataset("validation", new long[] {0, 3}, ModelKind.REGRESSOR))
        .hasMessage(
            "The validation dataset is empty: its 'inputs' have shape [0, 3]; give at least one"
                + " row.");
    assertThat(Errors.emptyDataset("training", new long[] {2, 0, 3}, ModelKind.RECURRENT_REGRESSOR))
        .hasMessage(
            "The training dataset is empty: its 'inputs' have shape [2, 0, 3]; give at least one"
                + " sequence of at least one step.");
    assertThat(Errors.sequenceLengthsDiffer(7, 5))
        .hasMessage(
            "The validation sequences have 7 steps but the training ones 5; a network with rnn"
                + " layers trains one graph unrolled over one length. Pad both to one length and"
                + " give the padding weight 0.");
  }

  @Test
  void datasetArrayErrorsNameTheLossesThatReadThem() {
    assertThat(
            Errors.arrayMissingForLoss("mmd", "prior", "evaluation", List.of("inputs", "target")))
        .hasMessage(
            "Loss 'mmd' reads dataset array 'prior', which the evaluation dataset lacks. Arrays:"
                + " inputs, target.");
    assertThat(
            Errors.weightsUnread(
                "training", "weights", false, ModelKind.REGRESSOR, List.of("mse", "mae")))
        .hasMessage(
            "The training dataset has weights 'weights' but no loss of this unweighted Regressor"
                + " reads them (losses: mse, mae), so they would be ignored; build the model with"
                + " weighted(true) to use them, or leave them out.");
    assertThat(
            Errors.weightsUnread(
                "training",
                "prior.weights",
                true,
                ModelKind.REGRESSOR,
                List.of("mse(weighted=true)")))
        .hasMessageStartingWith(
            "The training dataset has weights 'prior.weights' but no loss of this Regressor reads"
                + " them (losses: mse(weighted=true)),");
    assertThat(Errors.allWeightsZero("training", "weights"))
        .hasMessage(
            "Every weight in the training dataset's 'weights' is 0, so training would change"
                + " nothing; give the examples that count a weight above 0.");
    assertThat(Errors.allWeightsZero("validation", "weights"))
        .hasMessage(
            "Every weight in the validation dataset's 'weights' is 0, so it cannot validate"
                + " (every loss would be 0); give the examples that count a weight above 0.");
  }

  @Test
  void objectiveErrorsNameEachLossWithItsClassAndSayHowToMonitorIt() {
    Loss step = new Step();
    Loss flat = new Flat();
    assertThat(Errors.everyWeightZero(List.of(step, flat)))
        .hasMessage(
            "Nothing to train: every loss has weight 0 ("
                + named(Step.class)
                + ", "
                + named(Flat.class)
                + ") and no regularizer adds a penalty. Give a loss a weight other than 0.");
    assertThat(Errors.noGradient(List.of(step), List.of(), "mse"))
        .hasMessage(
            "Nothing to train: loss "
                + named(Step.class)
                + " has no gradient with respect to any parameter (piecewise constant or not"
                + " differentiable), so it cannot be optimised. Keep such a loss as a monitor of"
                + " weight 0 beside a loss that can be optimised: addLoss(\"step(weight=0)\")"
                + " beside mse, say (command line: --loss mse --loss step:weight=0).");
    assertThat(Errors.noGradient(List.of(step, step), List.of(flat), "xe"))
        .hasMessage(
            "Nothing to train: losses "
                + named(Step.class)
                + ", "
                + named(Step.class)
                + " have no gradient with respect to any parameter (piecewise constant or not"
                + " differentiable), and "
                + named(Flat.class)
                + " weight 0, so they cannot be optimised. Keep such a loss as a monitor of"
                + " weight 0 beside a loss that can be optimised: addLoss(\"step(weight=0)\")"
                + " beside xe, say (command line: --loss xe --loss step:weight=0).");
  }

  @Test
  void internalErrorsNameWhatWasMissing() {
    assertThat(Errors.noLayerForOutput("hid9:out"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("hid9:out");
    assertThat(Errors.noSuchOutput("hid9:out")).hasMessage("No output 'hid9:out'.");
  }

  @Test
  void scoreErrorsNameTheArrayAndItsShape() {
    assertThat(Errors.scoreShapeMismatch("target", new long[] {4, 2}, new long[] {4, 3}))
        .hasMessage("The target has shape [4, 2] but [4, 3] is needed.");
    assertThat(Errors.scoreShapeMismatch("labels", new long[] {4, 1}, new long[] {4}))
        .hasMessage("The labels have shape [4, 1] but [4] is needed.");
    assertThat(Errors.scoreEmpty("target", new long[] {0, 3}))
        .hasMessage(
            "Cannot score an empty set: the target has shape [0, 3]; give at least one row.");
    assertThat(Errors.scoreEmpty("labels", new long[] {0}))
        .hasMessage("Cannot score an empty set: the labels have shape [0]; give at least one row.");
    assertThat(Errors.scoreWeightsAllZero(new long[] {4, 3}))
        .hasMessage(
            "Cannot score with weights that are all 0 (shape [4, 3]): nothing would be scored;"
                + " give a positive weight to at least one element.");
  }

  @Test
  void batchSourceErrorsSayWhatIsAccepted() {
    assertThat(Errors.batchSizeTooSmall(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Batch size must be >= 1, got 0.");
    assertThat(Errors.batchesPerEpochTooSmall(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A batch function needs >= 1 batch per epoch, got -1.");
    assertThat(Errors.batchFunctionReturnedNull("f"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("The batch function f returned null; it must return a Dataset per call.");
    assertThat(Errors.batchIsNull())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("The source gave null in place of a batch.");
    assertThat(Errors.passWithoutBatches("orders.csv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "A pass of orders.csv gave no batch; a source must give at least one batch per pass.");
    assertThat(Errors.batchLengthDiffers(12, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The batch has sequences of 12 steps but the first training batch has 10; a network"
                + " with an rnn layer is unrolled over one length: pad every batch of a source to"
                + " one length (with weights 0 on the padding).");
  }

  @Test
  void shardErrorsNameTheLossOrRegularizerThatCannotSplit() {
    assertThat(Errors.lossNotDecomposable(new Step()))
        .hasMessage(
            "Loss "
                + named(Step.class)
                + " cannot be split exactly over shards of a minibatch: it does not declare"
                + " @Decomposable (its value is not a mean of per-row errors, as mmd compares whole"
                + " batches). Train it in one process, or with parameter averaging.");
    assertThat(Errors.lossReducedOtherThanOnce(new Step(), 2))
        .hasMessage(
            "Loss "
                + named(Step.class)
                + " declares @Decomposable but called Loss.reduce 2 times; a decomposable loss"
                + " returns a constant times exactly one reduce(ctx, err).");
    assertThat(Errors.regularizerNotExact(Regularizer.INPUT_DROPOUT))
        .hasMessage(
            "Regularizer 'input_dropout' draws noise or dropout masks for the whole minibatch, so"
                + " training on shards cannot equal training in one process; exact mode accepts"
                + " weight_l1, weight_l2, hidden_l1 and contractive. Use parameter averaging, or"
                + " drop it.");
  }
}
