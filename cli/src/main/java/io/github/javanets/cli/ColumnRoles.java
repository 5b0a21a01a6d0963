package io.github.javanets.cli;

import io.github.javanets.models.ModelKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which columns of a CSV file a model reads, and as what: its inputs in the model's order, its
 * targets (one label column for a classifier, none for an autoencoder), the column of each row's
 * weight and, for a recurrent model, the column whose value says which sequence a row belongs to.
 * As {@code train}'s options give them, the lists may be empty, meaning the defaults that {@link
 * #resolve} picks.
 *
 * @param inputs the input columns; not null, copied
 * @param targets the target columns; not null, copied
 * @param weights the weights column, or null
 * @param sequence the sequence column, or null
 */
record ColumnRoles(List<String> inputs, List<String> targets, String weights, String sequence) {
  /** Copies the lists. */
  ColumnRoles {
    inputs = List.copyOf(inputs);
    targets = List.copyOf(targets);
  }

  /**
   * The roles of {@code table}'s columns for a model of {@code kind}, from these, as the options
   * give them: no target means the last column (none for an autoencoder), no input every column
   * without another role; an input named twice counts once.
   *
   * @throws IllegalArgumentException for a column the table lacks, a column with two roles, targets
   *     that {@code kind} cannot take, or no input column left
   */
  ColumnRoles resolve(ModelKind kind, CsvHeader table) {
    List<String> chosenTargets = targets(kind, table.header());
    for (String t : chosenTargets) {
      table.column(t, "--target-column");
    }
    if (weights != null) {
      table.column(weights, "--weights-column");
      if (chosenTargets.contains(weights)) {
        throw new IllegalArgumentException(
            "Column '" + weights + "' cannot be both a target and the weights column.");
      }
    }
    checkSequence(table, chosenTargets);
    List<String> chosenInputs = inputs(table, chosenTargets);
    if (chosenInputs.isEmpty()) {
      throw new IllegalArgumentException(
          table.name() + " has no input column left: every column is a target or the weights.");
    }
    return new ColumnRoles(chosenInputs, chosenTargets, weights, sequence);
  }

  /** The target columns, or the default: the last column, none for an autoencoder. */
  private List<String> targets(ModelKind kind, List<String> header) {
    List<String> chosen = new ArrayList<>(targets);
    if (ModelKinds.isAutoencoder(kind)) {
      if (!chosen.isEmpty()) {
        throw new IllegalArgumentException(
            "An autoencoder reconstructs its inputs and has no target: drop --target-column.");
      }
    } else if (chosen.isEmpty()) {
      chosen.add(header.get(header.size() - 1));
    }
    if (ModelKinds.isClassifier(kind) && chosen.size() != 1) {
      throw new IllegalArgumentException(
          "A classifier has one --target-column of class labels, got " + chosen.size() + ".");
    }
    return chosen;
  }

  /** Checks that the sequence column, if any, exists and has no other role. */
  private void checkSequence(CsvHeader table, List<String> chosenTargets) {
    if (sequence == null) {
      return;
    }
    table.column(sequence, "--sequence-column");
    if (chosenTargets.contains(sequence) || sequence.equals(weights) || inputs.contains(sequence)) {
      throw new IllegalArgumentException(
          "Column '"
              + sequence
              + "' is the --sequence-column: it cannot also be an input, a target or the weights"
              + " column.");
    }
  }

  /** The input columns, or every column that is not a target, the weights or the sequence. */
  private List<String> inputs(CsvHeader table, List<String> chosenTargets) {
    if (inputs.isEmpty()) {
      Set<String> others = new HashSet<>(chosenTargets);
      others.add(weights);
      others.add(sequence);
      List<String> all = new ArrayList<>(table.header());
      all.removeIf(others::contains);
      return all;
    }
    Set<String> targetSet = new HashSet<>(chosenTargets);
    for (String input : inputs) {
      table.column(input, "--input-column");
      if (targetSet.contains(input) || input.equals(weights)) {
        throw new IllegalArgumentException(
            "Column '" + input + "' cannot be both an input and a target or the weights column.");
      }
    }
    return List.copyOf(new LinkedHashSet<>(inputs));
  }
}
