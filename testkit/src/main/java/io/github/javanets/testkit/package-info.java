/**
 * The contract every loss must pass, for loss authors: extend {@link
 * io.github.javanets.testkit.LossContractTest} in a test of your loss jar (with {@code
 * javanets-testkit} in test scope), give the loss's name, a {@link
 * io.github.javanets.testkit.LossFixture} and, optionally, a float64 {@link
 * io.github.javanets.testkit.Float64Reference}. The built-in losses and the example plugin run the
 * same kit.
 */
package io.github.javanets.testkit;
