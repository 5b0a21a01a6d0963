package io.github.javanets.cli;

import java.util.Locale;

/** The kinds of model the command line trains: {@code --model regressor|classifier|autoencoder}. */
enum ModelType {
  /** Real-valued target columns. */
  REGRESSOR,
  /** One column of class labels (text or whole numbers). */
  CLASSIFIER,
  /** No target: the inputs are reconstructed. */
  AUTOENCODER;

  /** The name as the command line writes it ({@code "classifier"}). */
  String option() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The model's class name ({@code "Classifier"}). */
  String title() {
    return option().substring(0, 1).toUpperCase(Locale.ROOT) + option().substring(1);
  }
}
