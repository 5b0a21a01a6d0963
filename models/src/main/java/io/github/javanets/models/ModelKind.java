package io.github.javanets.models;

import io.github.javanets.loss.TargetKind;

/** What a model's default target is, and what follows from it. */
enum ModelKind {
  /** Real-valued targets shaped like the output; linear output; default loss mse. */
  REGRESSOR("mse", Activation.LINEAR, TargetKind.VALUES),
  /** Integer class labels; softmax output; default loss xe. */
  CLASSIFIER("xe", Activation.SOFTMAX, TargetKind.LABELS),
  /** The input is the target; linear output; default loss mse. */
  AUTOENCODER("mse", Activation.LINEAR, TargetKind.VALUES);

  final String defaultLoss;
  final Activation outputActivation;
  final TargetKind targetKind;

  ModelKind(String defaultLoss, Activation outputActivation, TargetKind targetKind) {
    this.defaultLoss = defaultLoss;
    this.outputActivation = outputActivation;
    this.targetKind = targetKind;
  }

  /** The model's class name, for messages. */
  String title() {
    return this == REGRESSOR ? "Regressor" : this == CLASSIFIER ? "Classifier" : "Autoencoder";
  }
}
