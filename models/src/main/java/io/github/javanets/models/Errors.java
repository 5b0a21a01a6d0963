package io.github.javanets.models;

import io.github.javanets.loss.Loss;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Every error message of the models' configuration and use (layers, networks, datasets, training
 * options, losses on a model, scores), one named method each: what failed, the offending value,
 * what is accepted and how to fix it. Each method returns the exception for its caller to throw
 * ({@code throw Errors.layerNameTwice(name)}), so that a message is found, tested and reworded here
 * alone. The messages of model files are in {@link ModelFileErrors}.
 */
final class Errors {
  private Errors() {}

  // ---- Threads --------------------------------------------------------------------------------

  /**
   * A thread count is 0 or negative.
   *
   * @param threads the count given
   */
  static IllegalArgumentException threadCountNotPositive(int threads) {
    return new IllegalArgumentException(
        "The thread count must be a whole number >= 1, got " + threads + ".");
  }

  /**
   * ND4J's CPU backend is on the class path but its native ops, or one of their thread methods,
   * cannot be called.
   *
   * @param what what was called
   * @param cause the reflective failure
   */
  static IllegalStateException nativeOpsUnusable(String what, ReflectiveOperationException cause) {
    return new IllegalStateException(
        "ND4J's native ops cannot set the thread count: " + what + " failed (" + cause + ").",
        cause);
  }

  // ---- Layers and networks --------------------------------------------------------------------

  /**
   * A layer spec does not start with a whole number.
   *
   * @param spec the spec as given
   * @param cause the parse failure
   */
  static IllegalArgumentException layerSizeMissing(String spec, NumberFormatException cause) {
    return new IllegalArgumentException(
        "Layer spec '"
            + spec
            + "' must start with a size (a whole number > 0), as in '20', '20:tanh' or"
            + " '32:lstm:tanh'.",
        cause);
  }

  /**
   * A layer's size is 0 or negative.
   *
   * @param spec the spec as given
   * @param size its size
   */
  static IllegalArgumentException layerSizeNotPositive(String spec, int size) {
    return new IllegalArgumentException(
        "Layer spec '" + spec + "' has size " + size + "; a size must be a whole number > 0.");
  }

  /**
   * A word of a layer spec is no form, activation or {@code name=...}.
   *
   * @param spec the spec as given
   * @param word the word
   */
  static IllegalArgumentException unknownLayerWord(String spec, String word) {
    return badLayerWord(spec, "an unknown word", word);
  }

  /**
   * A layer spec gives a second form, a second activation or a second name.
   *
   * @param spec the spec as given
   * @param word the second one
   */
  static IllegalArgumentException secondFormOrActivation(String spec, String word) {
    return badLayerWord(spec, "a second form or activation", word);
  }

  private static IllegalArgumentException badLayerWord(String spec, String what, String word) {
    return new IllegalArgumentException(
        "Layer spec '"
            + spec
            + "' has "
            + what
            + " '"
            + word
            + "'. Accepted: one form ("
            + Arrays.stream(Layer.Form.values())
                .map(Layer.Form::specName)
                .collect(Collectors.joining(", "))
            + "), one activation ("
            + Activation.accepted()
            + ") and name=<letters and digits>.");
  }

  /**
   * A builder's layer argument is no int, {@link Layer} or spec text.
   *
   * @param layer the argument; may be null
   */
  static IllegalArgumentException notALayer(Object layer) {
    return new IllegalArgumentException(
        "A layer is an int size, a Layer or a spec like \"20:tanh\"; got "
            + (layer == null ? "null" : layer.getClass().getSimpleName() + " " + layer)
            + ".");
  }

  /**
   * A model is built without layers.
   *
   * @param kind the model's kind
   */
  static IllegalArgumentException noLayers(ModelKind kind) {
    return new IllegalArgumentException(
        kind.title() + " needs layers, as in " + kind.title() + ".builder().layers(4, 16, 3).");
  }

  /**
   * A network is given fewer than two layers.
   *
   * @param layers the layers given
   */
  static IllegalArgumentException tooFewLayers(List<Layer> layers) {
    return new IllegalArgumentException(
        "A network needs an input and an output layer, as in layers(4, 16, 3); got "
            + layers
            + ".");
  }

  /**
   * The input layer names a form or an activation.
   *
   * @param layer the input layer as given
   */
  static IllegalArgumentException inputLayerNotASize(Layer layer) {
    return new IllegalArgumentException(
        "The input layer '" + layer + "' is only a size, as in 4; it has no form or activation.");
  }

  /**
   * A feed-forward model is given a recurrent layer.
   *
   * @param layer the layer as given
   */
  static IllegalArgumentException recurrentLayerInFeedForward(Layer layer) {
    return new IllegalArgumentException(
        "Layer '"
            + layer
            + "' is recurrent; use the models of io.github.javanets.models.recurrent for"
            + " sequence data.");
  }

  /**
   * Two layers have one name.
   *
   * @param name the name
   */
  static IllegalArgumentException layerNameTwice(String name) {
    return new IllegalArgumentException("Two layers are named '" + name + "'.");
  }

  /**
   * A tied layer has no dense layer at its mirror position that maps its size to its input's.
   *
   * @param layer the tied layer as given
   * @param index its index, 0 the input
   * @param mirror the index of the mirror position
   * @param units the tied layer's units
   * @param inputUnits the units of the layer before it
   */
  static IllegalArgumentException tiedLayerWithoutPartner(
      Layer layer, int index, int mirror, int units, int inputUnits) {
    return new IllegalArgumentException(
        "Tied layer '"
            + layer
            + "' (layer "
            + index
            + ") has no partner: it reuses the transposed weights of the dense layer at the"
            + " mirror position (layer "
            + mirror
            + "), which must map "
            + units
            + " units to "
            + inputUnits
            + ", as in layers(8, 4, \"8:tied\").");
  }

  /**
   * An autoencoder's output layer is not the size of its input.
   *
   * @param inputs the input layer's units
   * @param outputs the output layer's units
   */
  static IllegalArgumentException autoencoderOutputSize(int inputs, int outputs) {
    return new IllegalArgumentException(
        "An autoencoder reconstructs its input: its output layer needs "
            + inputs
            + " units, not "
            + outputs
            + ".");
  }

  /**
   * An lstm or gru layer has one unit, on which the 1.0.0-M2.1 ops fail.
   *
   * @param layer the layer as given
   * @param name the layer's resolved name
   */
  static IllegalArgumentException gatedLayerTooSmall(Layer layer, String name) {
    return new IllegalArgumentException(
        "Layer '"
            + layer
            + "' ("
            + name
            + ") has 1 unit; lstm and gru layers need at least 2 (the 1.0.0-M2.1 ops fail on"
            + " one). Use 2 units, or an rnn layer.");
  }

  /**
   * An lstm or gru layer would compute an activation its op has not.
   *
   * @param layer the layer as given
   * @param name the layer's resolved name
   * @param activation the activation it would compute
   * @param form its form
   * @param accepted the activations the op has
   */
  static IllegalArgumentException activationNotInOp(
      Layer layer,
      String name,
      Activation activation,
      Layer.Form form,
      Collection<Activation> accepted) {
    return new IllegalArgumentException(
        "Layer '"
            + layer
            + "' ("
            + name
            + ") would compute "
            + activation.specName()
            + ", which the "
            + form.specName()
            + " op cannot. Accepted: "
            + accepted.stream().map(Activation::specName).collect(Collectors.joining(", "))
            + ". For a softmax or another output, end the network with a dense layer, as in"
            + " layers(3, \"16:"
            + form.specName()
            + "\", 2).");
  }

  /**
   * The lstm op is asked for an activation it has not (layers are checked before, so this is a
   * bug).
   *
   * @param activation the activation
   * @param accepted the activations the op has
   */
  static IllegalArgumentException lstmCannotCompute(
      Activation activation, Collection<Activation> accepted) {
    return new IllegalArgumentException(
        "An lstm layer cannot compute "
            + activation.specName()
            + "; "
            + accepted.stream().map(Activation::specName).collect(Collectors.toList()));
  }

  // ---- Regularizers and training options ------------------------------------------------------

  /**
   * No regularizer has the name.
   *
   * @param name the name as given
   */
  static IllegalArgumentException unknownRegularizer(String name) {
    return new IllegalArgumentException(
        "Unknown regularizer '"
            + name
            + "'. Accepted: "
            + Arrays.stream(Regularizer.values())
                .map(Regularizer::specName)
                .collect(Collectors.joining(", "))
            + ".");
  }

  /**
   * A regularizer's weight is not finite and &gt;= 0, or a dropout rate not in [0, 1).
   *
   * @param regularizer the regularizer
   * @param dropout whether it is a dropout
   * @param weight the weight given
   */
  static IllegalArgumentException badRegularizerWeight(
      Regularizer regularizer, boolean dropout, double weight) {
    return new IllegalArgumentException(
        "Regularizer '"
            + regularizer.specName()
            + "' needs a weight "
            + (dropout ? "in [0, 1)" : "finite and >= 0")
            + ", got "
            + weight
            + ".");
  }

  /**
   * The contractive penalty meets an activation whose Jacobian is not diagonal (softmax).
   *
   * @param activation the activation
   */
  static IllegalArgumentException contractiveNeedsElementWise(Activation activation) {
    return new IllegalArgumentException(
        "The contractive penalty needs an element-wise activation; "
            + activation.specName()
            + " is not.");
  }

  /**
   * The contractive penalty meets a recurrent hidden layer.
   *
   * @param layer the layer's name
   * @param form its form
   */
  static IllegalArgumentException contractiveNeedsDense(String layer, Layer.Form form) {
    return new IllegalArgumentException(
        "Regularizer 'contractive' needs dense hidden layers, but layer '"
            + layer
            + "' is "
            + form.specName()
            + "; train this network without it.");
  }

  /**
   * A training option is given a value it does not accept.
   *
   * @param option the option's name
   * @param accepted what it accepts, in words
   * @param value the value given
   */
  static IllegalArgumentException badTrainOption(String option, String accepted, Number value) {
    return new IllegalArgumentException(
        "Training option '" + option + "' must be " + accepted + ", got " + value + ".");
  }

  /**
   * A model is asked to compute in a type that is not floating point.
   *
   * @param type the type given
   */
  static IllegalArgumentException notFloatingPoint(DataType type) {
    return new IllegalArgumentException(
        "A model computes in a floating-point type, not " + type + ".");
  }

  // ---- Datasets -------------------------------------------------------------------------------

  /**
   * A dataset is asked for an array it does not hold.
   *
   * @param name the name asked for
   * @param arrays the arrays it holds
   */
  static IllegalArgumentException noSuchArray(String name, Collection<String> arrays) {
    return new IllegalArgumentException(
        "The dataset has no array '" + name + "'. Arrays: " + String.join(", ", arrays) + ".");
  }

  /**
   * A range of rows is empty or not within a dataset.
   *
   * @param from the first row
   * @param to the row after the last
   * @param rows the dataset's rows
   */
  static IllegalArgumentException rowsOutOfRange(long from, long to, long rows) {
    return new IllegalArgumentException(
        "Rows [" + from + ", " + to + ") are not within the dataset's " + rows + " rows.");
  }

  /**
   * A dataset builder is given one array name twice.
   *
   * @param name the name
   */
  static IllegalArgumentException arrayGivenTwice(String name) {
    return new IllegalArgumentException("Dataset array '" + name + "' is given twice.");
  }

  /** A dataset is built without inputs. */
  static IllegalArgumentException noInputs() {
    return new IllegalArgumentException("A dataset needs an 'inputs' array.");
  }

  /**
   * A dataset's inputs are not floating point, or of rank below 2.
   *
   * @param type their type
   * @param shape their shape
   */
  static IllegalArgumentException inputsNotFloatingPoint(DataType type, long[] shape) {
    return new IllegalArgumentException(
        "Dataset array 'inputs' must be floating point with rank 2 or more; it is "
            + type
            + " of shape "
            + Arrays.toString(shape)
            + ".");
  }

  /**
   * A dataset array does not have one row per input row.
   *
   * @param name the array's name
   * @param shape its shape
   * @param rows the inputs' rows
   */
  static IllegalArgumentException rowsDiffer(String name, long[] shape, long rows) {
    return new IllegalArgumentException(
        "Dataset array '"
            + name
            + "' has shape "
            + Arrays.toString(shape)
            + " but 'inputs' has "
            + rows
            + " rows; every array needs one row per example.");
  }

  /**
   * A dataset holds weights of an array it does not hold.
   *
   * @param weights the weights' name
   * @param array the name of the array they weigh
   */
  static IllegalArgumentException weightsOfMissingArray(String weights, String array) {
    return new IllegalArgumentException(
        "Dataset array '" + weights + "' weighs array '" + array + "', which is not given.");
  }

  /**
   * A dataset's weights are not shaped like the array they weigh.
   *
   * @param weights the weights' name
   * @param shape their shape
   * @param array the name of the array they weigh
   * @param arrayShape its shape
   */
  static IllegalArgumentException weightsNotShapedLikeArray(
      String weights, long[] shape, String array, long[] arrayShape) {
    return new IllegalArgumentException(
        "Dataset array '"
            + weights
            + "' has shape "
            + Arrays.toString(shape)
            + " but the "
            + (array.equals(Dataset.TARGET) ? "target" : "array '" + array + "'")
            + " has shape "
            + Arrays.toString(arrayShape)
            + ".");
  }

  // ---- Losses and data on a model -------------------------------------------------------------

  /**
   * A loss reads an output the model does not have.
   *
   * @param loss the loss's name
   * @param output the output's normalized name
   * @param kind the model's kind
   * @param outputs the outputs the model has
   */
  static IllegalArgumentException outputMissing(
      String loss, String output, ModelKind kind, Collection<String> outputs) {
    return new IllegalArgumentException(
        "Loss '"
            + loss
            + "' reads output '"
            + output
            + "', which this "
            + kind.title()
            + " does not have. Outputs: "
            + String.join(", ", outputs)
            + ".");
  }

  /**
   * A loss on labels is given to a model whose target holds values.
   *
   * @param loss the loss's name
   * @param kind the model's kind
   */
  static IllegalArgumentException lossNeedsLabels(String loss, ModelKind kind) {
    return new IllegalArgumentException(
        "Loss '"
            + loss
            + "' needs class labels as its target, but a "
            + kind.title()
            + "'s target holds real values; use a Classifier, or a loss on values such as mse.");
  }

  /**
   * A loss on values is given to a model whose target holds labels.
   *
   * @param loss the loss's name
   * @param kind the model's kind
   */
  static IllegalArgumentException lossNeedsValues(String loss, ModelKind kind) {
    return new IllegalArgumentException(
        "Loss '"
            + loss
            + "' needs real values as its target, but a "
            + kind.title()
            + "'s target holds class labels; use a loss on labels such as xe or hinge, or a"
            + " Regressor.");
  }

  /**
   * A model's inputs do not fit its input layer.
   *
   * @param shape the inputs' shape
   * @param kind the model's kind
   * @param features the input layer's units
   */
  static IllegalArgumentException inputsDoNotFit(long[] shape, ModelKind kind, int features) {
    return new IllegalArgumentException(
        "Inputs have shape "
            + Arrays.toString(shape)
            + " but this "
            + kind.title()
            + " takes "
            + taken(kind, features)
            + ".");
  }

  /**
   * Codes given to a decoder do not fit its code layer.
   *
   * @param shape the codes' shape
   * @param layer the code layer's name
   * @param units its units
   */
  static IllegalArgumentException codesDoNotFit(long[] shape, String layer, int units) {
    return new IllegalArgumentException(
        "Codes have shape "
            + Arrays.toString(shape)
            + " but the code layer '"
            + layer
            + "' has "
            + units
            + " units.");
  }

  /**
   * A dataset's inputs do not fit the model's input layer.
   *
   * @param role "training", "validation" or "evaluation"
   * @param shape the inputs' shape
   * @param kind the model's kind
   * @param features the input layer's units
   */
  static IllegalArgumentException datasetInputsDoNotFit(
      String role, long[] shape, ModelKind kind, int features) {
    return new IllegalArgumentException(
        "The "
            + role
            + " dataset's 'inputs' have shape "
            + Arrays.toString(shape)
            + " but this "
            + kind.title()
            + " takes "
            + taken(kind, features)
            + ".");
  }

  /**
   * A dataset has no rows (or no steps).
   *
   * @param role "training", "validation" or "evaluation"
   * @param shape the inputs' shape
   * @param kind the model's kind
   */
  static IllegalArgumentException emptyDataset(String role, long[] shape, ModelKind kind) {
    return new IllegalArgumentException(
        "The "
            + role
            + " dataset is empty: its 'inputs' have shape "
            + Arrays.toString(shape)
            + "; give at least one "
            + (kind.recurrent ? "sequence of at least one step." : "row."));
  }

  /**
   * A loss reads a dataset array the dataset lacks.
   *
   * @param loss the loss's name
   * @param array the array's name
   * @param role "training", "validation" or "evaluation"
   * @param arrays the arrays the dataset holds
   */
  static IllegalArgumentException arrayMissingForLoss(
      String loss, String array, String role, Collection<String> arrays) {
    return new IllegalArgumentException(
        "Loss '"
            + loss
            + "' reads dataset array '"
            + array
            + "', which the "
            + role
            + " dataset lacks. Arrays: "
            + String.join(", ", arrays)
            + ".");
  }

  /**
   * A dataset holds weights no loss of the model reads.
   *
   * @param role "training", "validation" or "evaluation"
   * @param weights the weights' name
   * @param weighted whether some loss of the model is weighted
   * @param kind the model's kind
   * @param losses the model's losses, as specs
   */
  static IllegalArgumentException weightsUnread(
      String role, String weights, boolean weighted, ModelKind kind, List<String> losses) {
    return new IllegalArgumentException(
        "The "
            + role
            + " dataset has weights '"
            + weights
            + "' but no loss of this "
            + (weighted ? "" : "unweighted ")
            + kind.title()
            + " reads them (losses: "
            + String.join(", ", losses)
            + "), so they would be ignored; build the model with weighted(true) to use"
            + " them, or leave them out.");
  }

  /**
   * Every training or validation weight is 0, leaving nothing to learn or validate on.
   *
   * @param role "training" or "validation"
   * @param weights the weights' name
   */
  static IllegalArgumentException allWeightsZero(String role, String weights) {
    return new IllegalArgumentException(
        "Every weight in the "
            + role
            + " dataset's '"
            + weights
            + "' is 0, so "
            + (role.equals("training")
                ? "training would change nothing"
                : "it cannot "
                    + (role.equals("validation") ? "validate" : "be evaluated")
                    + " (every loss would be 0)")
            + "; give the examples that count a weight above 0.");
  }

  /**
   * Training and validation sequences differ in length where rnn layers are unrolled over one.
   *
   * @param valid the validation sequences' steps
   * @param train the training sequences' steps
   */
  static IllegalArgumentException sequenceLengthsDiffer(long valid, long train) {
    return new IllegalArgumentException(
        "The validation sequences have "
            + valid
            + " steps but the training ones "
            + train
            + "; a network with rnn layers trains one graph unrolled over one length. Pad both"
            + " to one length and give the padding weight 0.");
  }

  /**
   * An output name names no layer of the network (outputs are checked before, so this is a bug).
   *
   * @param output the output's name
   */
  static IllegalStateException noLayerForOutput(String output) {
    return new IllegalStateException(output);
  }

  /**
   * A loss's graph is built for an output the model's graph has not (outputs are checked before, so
   * this is a bug).
   *
   * @param output the output's name
   */
  static IllegalArgumentException noSuchOutput(String output) {
    return new IllegalArgumentException("No output '" + output + "'.");
  }

  /**
   * Training starts where every loss has weight 0 and no regularizer adds a penalty.
   *
   * @param losses the model's losses
   */
  static IllegalArgumentException everyWeightZero(List<Loss> losses) {
    return new IllegalArgumentException(
        "Nothing to train: every loss has weight 0 ("
            + named(losses)
            + ") and no regularizer adds a penalty. Give a loss a weight other than 0.");
  }

  /**
   * Training starts where no loss of weight other than 0 has a gradient with respect to a parameter
   * (a piecewise-constant loss, say) and no regularizer adds a penalty.
   *
   * @param flat the losses of weight other than 0, at least one
   * @param zero the losses of weight 0
   * @param defaultLoss the model's default loss
   */
  static IllegalArgumentException noGradient(List<Loss> flat, List<Loss> zero, String defaultLoss) {
    String example = flat.get(0).name();
    return new IllegalArgumentException(
        "Nothing to train: "
            + (flat.size() == 1 ? "loss " : "losses ")
            + named(flat)
            + (flat.size() == 1 ? " has" : " have")
            + " no gradient with respect to any parameter (piecewise constant or not"
            + " differentiable)"
            + (zero.isEmpty() ? "" : ", and " + named(zero) + " weight 0")
            + ", so "
            + (flat.size() == 1 ? "it" : "they")
            + " cannot be optimised. Keep such a loss as a monitor of weight 0 beside a loss that"
            + " can be optimised: addLoss(\""
            + example
            + "(weight=0)\") beside "
            + defaultLoss
            + ", say (command line: --loss "
            + defaultLoss
            + " --loss "
            + example
            + ":weight=0).");
  }

  // ---- Scores ---------------------------------------------------------------------------------

  /**
   * A score's target, labels or weights are not shaped as needed.
   *
   * @param what "target", "labels" or "weights"
   * @param shape their shape
   * @param expected the shape needed
   */
  static IllegalArgumentException scoreShapeMismatch(String what, long[] shape, long[] expected) {
    return new IllegalArgumentException(
        "The "
            + what
            + has(what)
            + " shape "
            + Arrays.toString(shape)
            + " but "
            + Arrays.toString(expected)
            + " is needed.");
  }

  /**
   * A score is asked of an empty set.
   *
   * @param what "target" or "labels"
   * @param shape their shape
   */
  static IllegalArgumentException scoreEmpty(String what, long[] shape) {
    return new IllegalArgumentException(
        "Cannot score an empty set: the "
            + what
            + has(what)
            + " shape "
            + Arrays.toString(shape)
            + "; give at least one row.");
  }

  /**
   * A score is asked with weights that are all 0.
   *
   * @param shape the weights' shape
   */
  static IllegalArgumentException scoreWeightsAllZero(long[] shape) {
    return new IllegalArgumentException(
        "Cannot score with weights that are all 0 (shape "
            + Arrays.toString(shape)
            + "): nothing would be scored; give a positive weight to at least one element.");
  }

  /**
   * A batch source over a data set in memory is asked for batches of fewer than 1 row.
   *
   * @param batchSize the size given
   */
  static IllegalArgumentException batchSizeTooSmall(int batchSize) {
    return new IllegalArgumentException("Batch size must be >= 1, got " + batchSize + ".");
  }

  /**
   * A batch function is given fewer than 1 batch per epoch.
   *
   * @param batches the number given
   */
  static IllegalArgumentException batchesPerEpochTooSmall(long batches) {
    return new IllegalArgumentException(
        "A batch function needs >= 1 batch per epoch, got " + batches + ".");
  }

  /**
   * A batch function returned null.
   *
   * @param function the function
   */
  static NullPointerException batchFunctionReturnedNull(Object function) {
    return new NullPointerException(
        "The batch function " + function + " returned null; it must return a Dataset per call.");
  }

  /**
   * A pass of a batch source gave no batch (as the trainer says of its passes).
   *
   * @param source the source's description
   */
  static IllegalArgumentException passWithoutBatches(String source) {
    return new IllegalArgumentException(
        "A pass of " + source + " gave no batch; a source must give at least one batch per pass.");
  }

  /** A pass of a batch source returned null as a batch. */
  static NullPointerException batchIsNull() {
    return new NullPointerException("The source gave null in place of a batch.");
  }

  /**
   * A batch's sequences are not as long as those the graph of an unrolled {@code rnn} layer was
   * built for (those of the first training batch).
   *
   * @param steps the batch's sequence length
   * @param expected the length of the first batch's sequences
   */
  static IllegalArgumentException batchLengthDiffers(long steps, long expected) {
    return new IllegalArgumentException(
        "The batch has sequences of "
            + steps
            + " steps but the first training batch has "
            + expected
            + "; a network with an rnn layer is unrolled over one length: pad every batch of a"
            + " source to one length (with weights 0 on the padding).");
  }

  /** Losses as {@code 'mse' (io.github.javanets.losses.Mse)}, joined by commas. */
  private static String named(List<Loss> losses) {
    return losses.stream()
        .map(l -> "'" + l.name() + "' (" + l.getClass().getName() + ")")
        .collect(Collectors.joining(", "));
  }

  /** " have" after a plural name ("labels"), " has" after a singular one ("target"). */
  private static String has(String what) {
    return what.endsWith("s") ? " have" : " has";
  }

  // ---- Scaling --------------------------------------------------------------------------------

  /** {@code Scaler.of} was asked for {@link Scaling#NONE}, which has no statistics. */
  static IllegalArgumentException scalerOfNone() {
    return new IllegalArgumentException(
        "A Scaler holds fitted statistics: give Scaling.STANDARD or Scaling.MIN_MAX, not NONE.");
  }

  /**
   * The offsets and scales of a scaler differ in length, or are empty.
   *
   * @param offsets the number of offsets
   * @param scales the number of scales
   */
  static IllegalArgumentException scalerLengths(int offsets, int scales) {
    return new IllegalArgumentException(
        "A Scaler needs one offset and one scale per column, at least one column; got "
            + offsets
            + " offsets and "
            + scales
            + " scales.");
  }

  /**
   * A scaler's offset is not finite.
   *
   * @param column the column, from 0
   * @param offset the offset
   */
  static IllegalArgumentException badOffset(int column, double offset) {
    return new IllegalArgumentException(
        "The offset of column " + column + " must be finite, got " + offset + ".");
  }

  /**
   * A scaler's scale is not finite and &gt; 0.
   *
   * @param column the column, from 0
   * @param scale the scale
   */
  static IllegalArgumentException badScale(int column, double scale) {
    return new IllegalArgumentException(
        "The scale of column " + column + " must be finite and > 0, got " + scale + ".");
  }

  /**
   * An array's last dimension is not the number of a scaler's columns.
   *
   * @param shape the array's shape
   * @param columns the scaler's columns
   */
  static IllegalArgumentException scalerDoesNotFit(long[] shape, int columns) {
    return new IllegalArgumentException(
        "The Scaler has "
            + columns
            + " columns, but the array has shape "
            + Arrays.toString(shape)
            + "; its last dimension must be "
            + columns
            + ".");
  }

  /**
   * A column's standard deviation or range overflows a double.
   *
   * @param what {@code "input"} or {@code "target"}
   * @param column the column, from 0
   * @param spread the spread computed
   */
  static IllegalArgumentException spreadOverflows(String what, int column, double spread) {
    return new IllegalArgumentException(
        "Cannot scale "
            + what
            + " column "
            + column
            + " (from 0): the spread of its values overflows a double ("
            + spread
            + "); rescale that column before training.");
  }

  /**
   * Target scaling was asked of a model that is not a regressor.
   *
   * @param kind the model's kind
   */
  static IllegalArgumentException targetsNotScalable(ModelKind kind) {
    String why =
        kind.autoencoder()
            ? "an autoencoder's target is its input, scaled by scaleInputs"
            : "a classifier's targets are labels";
    return new IllegalArgumentException(
        "scaleTargets applies to regressors; "
            + why
            + ": leave scaleTargets at Scaling.NONE for a "
            + kind.title()
            + ".");
  }

  /**
   * A fitted scaler given to a model does not match the model's scaling or width.
   *
   * @param what {@code "input"} or {@code "target"}
   * @param scaler the scaler
   * @param scaling the model's scaling
   * @param columns the model's columns
   */
  static IllegalArgumentException scalerDoesNotMatch(
      String what, Scaler scaler, Scaling scaling, int columns) {
    return new IllegalArgumentException(
        "The "
            + what
            + " scaler "
            + scaler.scaling()
            + " of "
            + scaler.columns()
            + " columns does not fit a model that scales its "
            + what
            + "s with "
            + scaling
            + " over "
            + columns
            + " columns.");
  }

  /**
   * A model that scales is used before its statistics are fitted.
   *
   * @param kind the model's kind
   * @param inputs its input scaling
   * @param targets its target scaling
   */
  static IllegalStateException scalingNotFitted(ModelKind kind, Scaling inputs, Scaling targets) {
    return new IllegalStateException(
        "This "
            + kind.title()
            + " scales its inputs ("
            + inputs
            + ") and targets ("
            + targets
            + ") but has no statistics yet: train it, or call fitScaling on its training data,"
            + " first.");
  }

  /**
   * A pass to fit scaling statistics gave no batch.
   *
   * @param source the source's description
   */
  static IllegalArgumentException noBatchesToFit(String source) {
    return new IllegalArgumentException(
        "Cannot fit the scaling: a pass of " + source + " gave no batch.");
  }

  /** The inputs a model of {@code kind} takes, in words. */
  private static String taken(ModelKind kind, int features) {
    return kind.recurrent ? "(batch, time, " + features + ") sequences" : "(N, " + features + ")";
  }

  // ---- Training on shards ----------------------------------------------------------------------

  /**
   * A loss that does not declare a reduction that splits exactly is asked to train on shards.
   *
   * @param loss the loss
   */
  static IllegalArgumentException lossNotDecomposable(Loss loss) {
    return new IllegalArgumentException(
        "Loss '"
            + loss.name()
            + "' ("
            + loss.getClass().getName()
            + ") cannot be split exactly over shards of a minibatch: it does not declare"
            + " @Decomposable (its value is not a mean of per-row errors, as mmd compares whole"
            + " batches). Train it in one process, or with parameter averaging.");
  }

  /**
   * A loss declares {@code @Decomposable} but did not reduce exactly once.
   *
   * @param loss the loss
   * @param count its reductions
   */
  static IllegalArgumentException lossReducedOtherThanOnce(Loss loss, int count) {
    return new IllegalArgumentException(
        "Loss '"
            + loss.name()
            + "' ("
            + loss.getClass().getName()
            + ") declares @Decomposable but called Loss.reduce "
            + count
            + " times; a decomposable loss returns a constant times exactly one reduce(ctx, err).");
  }

  /**
   * A regularizer that draws random numbers is asked to train on shards.
   *
   * @param r the regularizer
   */
  static IllegalArgumentException regularizerNotExact(Regularizer r) {
    return new IllegalArgumentException(
        "Regularizer '"
            + r.specName()
            + "' draws noise or dropout masks for the whole minibatch, so training on shards"
            + " cannot equal training in one process; exact mode accepts weight_l1, weight_l2,"
            + " hidden_l1 and contractive. Use parameter averaging, or drop it.");
  }
}
