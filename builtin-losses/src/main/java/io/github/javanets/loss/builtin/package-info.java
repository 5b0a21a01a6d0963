/**
 * The nine built-in losses ({@code mse}, {@code mae}, {@code xe}, {@code hinge}, {@code kl}, {@code
 * gll}, {@code mmd}, {@code bce}, {@code huber}), a plugin jar like any third-party one: users name
 * them through {@link io.github.javanets.loss.LossRegistry} and never need these classes, whose
 * names serve to pin a provider ({@code -Djavanets.loss.mse=...}). Each class gives its formula;
 * they use only the loss API, as any loss jar does.
 */
package io.github.javanets.loss.builtin;
