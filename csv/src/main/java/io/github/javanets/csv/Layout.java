package io.github.javanets.csv;

import java.util.List;
import java.util.Map;

/**
 * Which cells of a CSV file's rows make an example, resolved against its header: column indexes, a
 * classifier's class ids, where the weights come from and how sequences are grouped.
 *
 * @param inputs the input columns
 * @param targets a regressor's target columns, or null
 * @param label a classifier's label column, or -1
 * @param classes a classifier's class names by id, or null
 * @param classIds the id of each class name, or null
 * @param weights the weights column, or -1
 * @param weightsFile the file of weights read beside the data, or null
 * @param unitWeights whether every row weighs 1 when there is no other source of weights
 * @param sequence the sequence id column, or -1
 * @param steps the length sequences are padded to, or 0
 */
record Layout(
    int[] inputs,
    int[] targets,
    int label,
    List<String> classes,
    Map<String, Integer> classIds,
    int weights,
    java.nio.file.Path weightsFile,
    boolean unitWeights,
    int sequence,
    int steps) {

  /** Whether examples carry weights. */
  boolean weighted() {
    return weights >= 0 || weightsFile != null || unitWeights || sequence >= 0;
  }

  /**
   * Values of weights per row: 1 for labels, the targets' or (an autoencoder) the inputs' width.
   */
  int weightWidth() {
    return label >= 0 ? 1 : targets != null ? targets.length : inputs.length;
  }
}
