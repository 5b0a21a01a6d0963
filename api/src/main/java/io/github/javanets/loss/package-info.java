/**
 * The loss API, for users and loss authors. Users find and create losses by name ({@link
 * io.github.javanets.loss.LossRegistry}, {@link io.github.javanets.loss.LossSpec}, {@link
 * io.github.javanets.loss.LossInfo}, {@link io.github.javanets.loss.ParameterInfo} and the
 * exceptions); loss authors write one subclass of {@link io.github.javanets.loss.Loss} (or {@link
 * io.github.javanets.loss.ClassificationLoss}) with a {@code compute} method that reads a {@link
 * io.github.javanets.loss.LossContext}, and declare the rest with {@link
 * io.github.javanets.loss.LossName}, {@link io.github.javanets.loss.LossParam}, {@link
 * io.github.javanets.loss.LossTarget} and {@link io.github.javanets.loss.LossSummary}. The contract
 * every loss follows is in the project's docs/losses.md.
 *
 * <p>Each public type says its status with {@code @API}; the subpackages {@code spi} and {@code
 * internal} are not for users or loss authors.
 */
package io.github.javanets.loss;
