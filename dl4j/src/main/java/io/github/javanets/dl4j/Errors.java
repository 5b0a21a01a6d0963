package io.github.javanets.dl4j;

import java.util.Arrays;
import java.util.List;

/**
 * The error messages of the DL4J iterator sources, one named method each, returning the exception
 * for its caller to throw, so that a message is found, tested and reworded here alone.
 */
final class Errors {
  private Errors() {}

  /**
   * An iterator that cannot reset is asked for a second pass.
   *
   * @param source the source's description
   */
  static IllegalStateException cannotReset(String source) {
    return new IllegalStateException(
        source
            + " cannot reset, so it gives one pass only; train for one epoch with validation on"
            + " another source, or use an iterator whose resetSupported() is true.");
  }

  /**
   * A DL4J mask does not fit the array it weighs.
   *
   * @param array the javanets array the mask becomes the weights of
   * @param mask the mask's shape
   * @param weighed the shape of that array
   */
  static IllegalArgumentException maskDoesNotFit(String array, long[] mask, long[] weighed) {
    return new IllegalArgumentException(
        "The label mask of '"
            + array
            + "' has shape "
            + Arrays.toString(mask)
            + " but '"
            + array
            + "' has shape "
            + Arrays.toString(weighed)
            + "; a mask must have that shape, or it without its last axis (one weight per row or"
            + " step).");
  }

  /**
   * A MultiDataSet has more than one features array.
   *
   * @param count the number of features arrays
   */
  static IllegalArgumentException severalFeatures(int count) {
    return new IllegalArgumentException(
        "The MultiDataSet has " + count + " features arrays; a javanets model reads one (inputs).");
  }

  /**
   * A MultiDataSet has another number of labels arrays than names given for them.
   *
   * @param count the number of labels arrays
   * @param names the names given for the labels after the first
   */
  static IllegalArgumentException labelsNotNamed(int count, List<String> names) {
    return new IllegalArgumentException(
        "The MultiDataSet has "
            + count
            + " labels arrays but "
            + names.size()
            + " names were given for those after the first ("
            + names
            + "); give one name per extra labels array, as the losses' target= parameter names"
            + " it.");
  }
}
