/**
 * How models train, for users who configure it: the {@link io.github.javanets.train.Trainers} by
 * algorithm name and their listeners, bound by Guice in {@link
 * io.github.javanets.train.JavanetsModule}; an application adds an {@link
 * io.github.javanets.train.Algorithm} or a {@link io.github.javanets.train.TrainingListener}, or
 * replaces one, in its own module. This package knows nothing of the models that use it.
 *
 * <p>Each public type says its status with {@code @API}: the listener and algorithm types are
 * experimental; {@code TrainingProblem}, {@code MinibatchSource} and {@code Trainer}'s {@code
 * train} and {@code evaluate} are for the models only.
 */
package io.github.javanets.train;
