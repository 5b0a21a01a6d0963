package io.github.javanets.models;

import com.google.inject.Guice;
import io.github.javanets.loss.LossRegistry;
import io.github.javanets.train.JavanetsModule;
import io.github.javanets.train.Trainers;

/**
 * The collaborators a model uses when its builder is given none ({@link Model.Builder#registry},
 * {@link Model.Builder#trainers}, {@link Model.Builder#injector}), and that {@link
 * Model#load(java.nio.file.Path)} uses: the one place where javanets makes them on its own. Each is
 * made once, lazily, when first needed, and then shared by every such model:
 *
 * <ul>
 *   <li>the loss registry: {@link LossRegistry#discover()}, the losses of the thread's context
 *       class loader at that moment, with pins from the system properties;
 *   <li>the trainers: those of an injector of {@code new JavanetsModule()} alone (its six
 *       algorithms and its progress, logging, early-stopping and NaN-guard listeners, with no
 *       progress sink).
 * </ul>
 *
 * <p>Objects do not look anything up here: a model receives its registry and trainers when it is
 * built, and only asks for these when it was given none. If making one fails, the next call tries
 * again.
 */
final class Defaults {
  private static LossRegistry registry;
  private static Trainers trainers;

  private Defaults() {}

  /** The default loss registry; never null. */
  static synchronized LossRegistry registry() {
    if (registry == null) {
      registry = LossRegistry.discover();
    }
    return registry;
  }

  /** The default trainers; never null. */
  static synchronized Trainers trainers() {
    if (trainers == null) {
      trainers = Guice.createInjector(new JavanetsModule()).getInstance(Trainers.class);
    }
    return trainers;
  }
}
