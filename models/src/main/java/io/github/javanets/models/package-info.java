/**
 * The models, for users: {@link io.github.javanets.models.Regressor}, {@link
 * io.github.javanets.models.Classifier} and {@link io.github.javanets.models.Autoencoder} on
 * SameDiff, built from {@link io.github.javanets.models.Layer}s, trained on a {@link
 * io.github.javanets.models.Dataset} with {@link io.github.javanets.models.TrainOptions} into a
 * {@link io.github.javanets.models.TrainingResult}, saved and loaded. Their contract is in the
 * project's docs/models.md.
 *
 * <p>Each public type says its status with {@code @API}: {@code ModelKind} and {@code AtomicFile}
 * are public for javanets' other packages and modules only.
 */
package io.github.javanets.models;
