/**
 * Recurrent models on sequences {@code (batch, time, features)}, for users: {@link
 * io.github.javanets.models.recurrent.Regressor}, {@link
 * io.github.javanets.models.recurrent.Classifier} and {@link
 * io.github.javanets.models.recurrent.Autoencoder}, with {@code rnn} (Elman), {@code lstm} and
 * {@code gru} layers mixed freely with dense layers (applied at each time step).
 *
 * <p>They share everything else with the feed-forward models of {@link io.github.javanets.models}:
 * losses, datasets, training options, monitors, save/load and the Guice trainers. Sequences of
 * different lengths share one rectangular batch by padding, with weight 0 on the padded steps:
 * every recurrence runs forward from a zero state, so an output at a real step never depends on the
 * padded steps after it, and weight 0 removes an element from every built-in loss, so the padding
 * does not influence training (regularizers on activations, such as {@code hidden_l1}, do see it).
 *
 * <p>Cost of a sequence length: {@code lstm} and {@code gru} layers take any length in one graph.
 * An {@code rnn} layer is unrolled over the steps, so a network with one has a graph per sequence
 * length; each new length (in training, evaluation or prediction) costs one graph build, and the
 * unrolled graph has a few ops per step.
 */
package io.github.javanets.models.recurrent;
