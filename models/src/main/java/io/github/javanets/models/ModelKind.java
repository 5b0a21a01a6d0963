package io.github.javanets.models;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.javanets.loss.TargetKind;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * The kinds of model, feed-forward and recurrent: what a model's default target is, and what
 * follows from it. Model files record the kind by its constant's name. Public for the recurrent
 * models' package and the command line; internal to javanets, outside use is unsupported.
 */
@API(
    status = INTERNAL,
    since = "0.1",
    consumers = {"io.github.javanets.models.recurrent", "io.github.javanets.cli"})
public enum ModelKind {
  /** Real-valued targets shaped like the output; linear output; default loss mse. */
  REGRESSOR("Regressor", false, "mse", Activation.LINEAR, TargetKind.VALUES, Regressor::builder),
  /** Integer class labels; softmax output; default loss xe. */
  CLASSIFIER("Classifier", false, "xe", Activation.SOFTMAX, TargetKind.LABELS, Classifier::builder),
  /** The input is the target; linear output; default loss mse. */
  AUTOENCODER(
      "Autoencoder", false, "mse", Activation.LINEAR, TargetKind.VALUES, Autoencoder::builder),
  /** {@link io.github.javanets.models.recurrent.Regressor}: sequences to sequences of values. */
  RECURRENT_REGRESSOR(
      "recurrent.Regressor",
      true,
      "mse",
      Activation.LINEAR,
      TargetKind.VALUES,
      io.github.javanets.models.recurrent.Regressor::builder),
  /** {@link io.github.javanets.models.recurrent.Classifier}: sequences to labels per step. */
  RECURRENT_CLASSIFIER(
      "recurrent.Classifier",
      true,
      "xe",
      Activation.SOFTMAX,
      TargetKind.LABELS,
      io.github.javanets.models.recurrent.Classifier::builder),
  /** {@link io.github.javanets.models.recurrent.Autoencoder}: sequences reconstructed. */
  RECURRENT_AUTOENCODER(
      "recurrent.Autoencoder",
      true,
      "mse",
      Activation.LINEAR,
      TargetKind.VALUES,
      io.github.javanets.models.recurrent.Autoencoder::builder);

  private final String title;
  final boolean recurrent;
  final String defaultLoss;
  final Activation outputActivation;
  final TargetKind targetKind;
  private final Supplier<Model.Builder<?, ?>> builder;

  ModelKind(
      String title,
      boolean recurrent,
      String defaultLoss,
      Activation outputActivation,
      TargetKind targetKind,
      Supplier<Model.Builder<?, ?>> builder) {
    this.title = title;
    this.recurrent = recurrent;
    this.defaultLoss = defaultLoss;
    this.outputActivation = outputActivation;
    this.targetKind = targetKind;
    this.builder = builder;
  }

  /** The model's class name, for messages ({@code "Regressor"}, {@code "recurrent.Regressor"}). */
  public String title() {
    return title;
  }

  /** Whether the model takes sequences {@code (batch, time, features)}. */
  public boolean recurrent() {
    return recurrent;
  }

  /** Whether the model reconstructs its input. */
  boolean autoencoder() {
    return this == AUTOENCODER || this == RECURRENT_AUTOENCODER;
  }

  /** A fresh builder of this kind, for loading. */
  Model.Builder<?, ?> builder() {
    return builder.get();
  }
}
