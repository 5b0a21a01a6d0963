package io.github.javanets.loss.internal;

import java.util.Arrays;
import java.util.Collection;

/**
 * Every error message of output names, loss contexts and the checks of the arrays a loss reads, one
 * named method each: what failed, the offending value, what is accepted and how to fix it. Each
 * method returns the exception for its caller to throw ({@code throw Errors.badWeight(name, w,
 * index)}), so that a message is found, tested and reworded here alone. Methods take plain values
 * and only format them. (The messages of the registry and the loss declarations are in {@code
 * io.github.javanets.loss}'s own {@code Errors}.)
 */
final class Errors {
  private Errors() {}

  // ---- Outputs and loss contexts --------------------------------------------------------------

  /**
   * An output name is blank, or has an empty part or more than one colon.
   *
   * @param name the name as given
   */
  static IllegalArgumentException badOutputName(String name) {
    return new IllegalArgumentException(
        "Output name '" + name + "' is not of the form '<layer>' or '<layer>:<output>'.");
  }

  /**
   * An output is added to a loss context without a shape, and its variable knows none.
   *
   * @param name the output's name
   */
  static IllegalArgumentException outputShapeUnknown(String name) {
    return new IllegalArgumentException(
        "The shape of output '"
            + name
            + "' is not known; give it with output(name, value, shape).");
  }

  /** A loss context is built without outputs. */
  static IllegalStateException noOutputs() {
    return new IllegalStateException("A loss context needs at least one output.");
  }

  /**
   * A loss context's main output is not among its outputs.
   *
   * @param main the main output's normalized name
   * @param outputs the outputs' normalized names
   */
  static IllegalStateException mainOutputMissing(String main, Collection<String> outputs) {
    return new IllegalStateException(
        "The main output '" + main + "' is not among the outputs " + outputs + ".");
  }

  /**
   * A loss asks its context for an output that the context does not hold.
   *
   * @param name the normalized name asked for
   * @param available the outputs the context holds
   */
  static IllegalArgumentException noSuchOutput(String name, Collection<String> available) {
    return new IllegalArgumentException(
        "No output '" + name + "'. Available outputs: " + String.join(", ", available) + ".");
  }

  // ---- Arrays a loss reads --------------------------------------------------------------------

  /**
   * An array has lost its data buffer (an ND4J view of a view can).
   *
   * @param array the array's name
   * @param shape its shape
   */
  static IllegalArgumentException noDataBuffer(String array, long[] shape) {
    return new IllegalArgumentException(
        "Array '"
            + array
            + "' of shape "
            + Arrays.toString(shape)
            + " has no data buffer (an ND4J view of a view can lose it); pass an array made"
            + " from the original data, or a copy of it made before slicing.");
  }

  /**
   * A weight is negative, NaN or infinite.
   *
   * @param array the weights' name
   * @param value the first bad weight
   * @param index its index
   */
  static IllegalArgumentException badWeight(String array, double value, long[] index) {
    return badValue(array, value, index, "weights must be finite and >= 0");
  }

  /**
   * A value is NaN or infinite.
   *
   * @param array the array's name
   * @param value the first bad value
   * @param index its index
   */
  static IllegalArgumentException notFinite(String array, double value, long[] index) {
    return badValue(array, value, index, "every value must be finite");
  }

  private static IllegalArgumentException badValue(
      String array, double value, long[] index, String rule) {
    return new IllegalArgumentException(
        "Array '"
            + array
            + "' has "
            + value
            + " at index "
            + Arrays.toString(index)
            + "; "
            + rule
            + ".");
  }

  /**
   * A class label is not a whole number in {@code [0, classes)}.
   *
   * @param array the labels' name
   * @param label the first bad label
   * @param index its index
   * @param classes the number of classes
   */
  static IllegalArgumentException badLabel(String array, double label, long[] index, long classes) {
    return new IllegalArgumentException(
        "Array '"
            + array
            + "' has label "
            + number(label)
            + " at index "
            + Arrays.toString(index)
            + "; labels must be whole numbers in [0, "
            + classes
            + ") for "
            + classes
            + " classes.");
  }

  /**
   * An array does not have the shape something needs.
   *
   * @param array the array's name
   * @param shape its shape
   * @param expected the shape needed
   * @param why what needs it ("loss 'mse' reading output 'out:out' of shape [4, 3]")
   */
  static IllegalArgumentException wrongShape(
      String array, long[] shape, long[] expected, String why) {
    return new IllegalArgumentException(
        "Array '"
            + array
            + "' has shape "
            + Arrays.toString(shape)
            + " but "
            + why
            + " needs "
            + Arrays.toString(expected)
            + ".");
  }

  /**
   * A loss that needs a target is given none.
   *
   * @param loss the loss's name
   */
  static IllegalArgumentException targetMissing(String loss) {
    return new IllegalArgumentException("Loss '" + loss + "' needs a target; none given.");
  }

  /**
   * The target of a loss on values is not shaped like the output it reads.
   *
   * @param loss the loss's name
   * @param output the output's name
   * @param outputShape the output's shape
   * @param targetShape the target's shape
   */
  static IllegalArgumentException targetNotShapedLikeOutput(
      String loss, String output, long[] outputShape, long[] targetShape) {
    return wrongShape(
        "target",
        targetShape,
        outputShape,
        "loss '" + loss + "' reading " + output(output, outputShape));
  }

  /**
   * A loss on labels reads an output without a class axis.
   *
   * @param loss the loss's name
   * @param output the output's name
   * @param outputShape the output's shape, of rank below 2
   */
  static IllegalArgumentException noClassAxis(String loss, String output, long[] outputShape) {
    return new IllegalArgumentException(
        "Loss '"
            + loss
            + "' needs class scores along the last axis, but "
            + output(output, outputShape)
            + " has rank "
            + outputShape.length
            + ".");
  }

  /**
   * The labels of a loss on labels are not shaped like its output without the class axis.
   *
   * @param loss the loss's name
   * @param output the output's name
   * @param outputShape the output's shape
   * @param labelShape the labels' shape
   * @param expected the shape needed: the output's without its last axis
   */
  static IllegalArgumentException labelsNotShapedForOutput(
      String loss, String output, long[] outputShape, long[] labelShape, long[] expected) {
    return wrongShape(
        "target",
        labelShape,
        expected,
        "loss '" + loss + "' (one class label per row) reading " + output(output, outputShape));
  }

  /**
   * The samples of a loss on samples do not have the output's trailing shape.
   *
   * @param loss the loss's name
   * @param output the output's name
   * @param outputShape the output's shape
   * @param targetShape the samples' shape
   */
  static IllegalArgumentException samplesNotShapedForOutput(
      String loss, String output, long[] outputShape, long[] targetShape) {
    long[] trailing = Arrays.copyOfRange(outputShape, 1, outputShape.length);
    return new IllegalArgumentException(
        "Array 'target' has shape "
            + Arrays.toString(targetShape)
            + " but loss '"
            + loss
            + "' reading "
            + output(output, outputShape)
            + " needs samples of shape [any"
            + (trailing.length == 0 ? "" : ", ")
            + Arrays.toString(trailing).replaceAll("[\\[\\]]", "")
            + "].");
  }

  /**
   * A loss's weights are not shaped like what they weigh: its target, or its output when it has
   * none.
   *
   * @param loss the loss's name
   * @param shape the weights' shape
   * @param expected the shape needed
   * @param ofTarget whether they weigh the target (else the output)
   */
  static IllegalArgumentException weightsNotShapedForLoss(
      String loss, long[] shape, long[] expected, boolean ofTarget) {
    return wrongShape(
        "weights",
        shape,
        expected,
        "loss '" + loss + "' (weights shaped like its " + (ofTarget ? "target" : "output") + ")");
  }

  private static String output(String name, long[] shape) {
    return "output '" + name + "' of shape " + Arrays.toString(shape);
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
