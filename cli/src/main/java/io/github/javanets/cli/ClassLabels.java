package io.github.javanets.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * The class names of a classifier's label column and their ids: the distinct labels sorted, as
 * numbers when every label is a whole number ({@code 2} before {@code 10}), as text otherwise.
 * Class id {@code i} is {@code names().get(i)}. Immutable.
 */
final class ClassLabels {
  private final List<String> names;
  private final TreeMap<String, Integer> ids;

  private ClassLabels(Collection<String> labels) {
    boolean numeric = !labels.isEmpty() && labels.stream().allMatch(ClassLabels::isWholeNumber);
    Comparator<String> order =
        numeric ? Comparator.comparingLong(Long::parseLong) : Comparator.naturalOrder();
    this.ids = new TreeMap<>(order);
    labels.forEach(label -> ids.put(label, 0));
    this.names = List.copyOf(new ArrayList<>(ids.keySet()));
    for (int i = 0; i < names.size(); i++) {
      ids.put(names.get(i), i);
    }
  }

  /** The classes of these labels (repeats allowed). */
  static ClassLabels of(Collection<String> labels) {
    return new ClassLabels(labels);
  }

  /** The class names by id; unmodifiable. */
  List<String> names() {
    return names;
  }

  /** The id of {@code label}, or -1 when it is not a class. */
  int id(String label) {
    Integer id = ids.get(label);
    return id == null ? -1 : id;
  }

  private static boolean isWholeNumber(String text) {
    try {
      Long.parseLong(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
