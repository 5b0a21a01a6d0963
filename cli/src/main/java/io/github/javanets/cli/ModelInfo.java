package io.github.javanets.cli;

import io.github.javanets.models.ModelKind;
import java.util.List;
import java.util.Objects;

/**
 * What {@code predict} and {@code evaluate} need to know of a model trained by the command line:
 * its kind, the roles of the data's columns and the class names of a classifier (class id {@code i}
 * is {@code classes.get(i)}). {@link ModelMetadata} saves it in the model file.
 *
 * @param kind the model's kind; not null
 * @param columns the columns it reads; not null
 * @param classes a classifier's class names by id, empty for other models; not null, copied
 */
record ModelInfo(ModelKind kind, ColumnRoles columns, List<String> classes) {
  /** Checks for null and copies the classes. */
  ModelInfo {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(columns, "columns");
    classes = List.copyOf(classes);
  }

  /** The model's class name: {@code "Regressor"} or {@code "recurrent.Regressor"}. */
  String title() {
    return kind.title();
  }

  /** The width of the model's output: classes, targets or inputs. */
  int outputs() {
    if (ModelKinds.isClassifier(kind)) {
      return classes.size();
    }
    return ModelKinds.isRegressor(kind) ? columns.targets().size() : columns.inputs().size();
  }
}
