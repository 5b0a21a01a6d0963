package io.github.javanets.train;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.name.Names;
import io.github.javanets.loss.LossRegistry;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * The default bindings: the {@link LossRegistry} (a singleton discovered with ServiceLoader), the
 * algorithms by name ({@code sgd}, {@code nag}, {@code rmsprop}, {@code adam}, {@code adadelta},
 * {@code adagrad}, a {@code MapBinder<String, Algorithm>}), the training listeners ({@code
 * progress}, {@code logging}, {@code early_stopping}, {@code nan_guard}, a {@code
 * Multibinder<TrainingListener>}) and the {@link ProgressSink} (none).
 *
 * <p>Add an algorithm or a listener from your own module with {@code
 * MapBinder.newMapBinder(binder(), String.class, Algorithm.class).addBinding("name")} or {@code
 * Multibinder.newSetBinder(binder(), TrainingListener.class).addBinding()}. Each default algorithm
 * and listener is also bound under its own key ({@link #algorithmKey}, {@link #listenerKey}), so
 * that {@code Modules.override(new JavanetsModule()).with(...)} can replace one, as it can replace
 * the loss registry or the progress sink:
 *
 * <pre>{@code
 * Modules.override(new JavanetsModule()).with(new AbstractModule() {
 *   protected void configure() {
 *     bind(JavanetsModule.algorithmKey("adam")).toInstance(o -> new Adam(o.learningRate(), 0.8, 0.99, 1e-8));
 *   }
 * });
 * }</pre>
 */
public class JavanetsModule extends AbstractModule {
  /** The RMSProp decay. */
  public static final double RMS_DECAY = 0.95;

  @Override
  protected void configure() {
    MapBinder<String, Algorithm> algorithms =
        MapBinder.newMapBinder(binder(), String.class, Algorithm.class);
    algorithm(algorithms, "sgd", o -> new Sgd(o.learningRate()));
    algorithm(algorithms, "nag", o -> new Nesterovs(o.learningRate(), o.momentum()));
    algorithm(
        algorithms,
        "rmsprop",
        o -> new RmsProp(o.learningRate(), RMS_DECAY, RmsProp.DEFAULT_RMSPROP_EPSILON));
    algorithm(algorithms, "adam", o -> new Adam(o.learningRate()));
    algorithm(algorithms, "adadelta", o -> new AdaDelta());
    algorithm(algorithms, "adagrad", o -> new AdaGrad(o.learningRate()));

    Multibinder<TrainingListener> listeners =
        Multibinder.newSetBinder(binder(), TrainingListener.class);
    listener(listeners, "progress", ProgressListener.class);
    listener(listeners, "logging", LoggingListener.class);
    listener(listeners, "early_stopping", EarlyStopping.class);
    listener(listeners, "nan_guard", NanGuard.class);

    bind(ProgressSink.class).toInstance(ProgressSink.NONE);
  }

  private void algorithm(MapBinder<String, Algorithm> map, String name, Algorithm algorithm) {
    bind(algorithmKey(name)).toInstance(algorithm);
    map.addBinding(name).to(algorithmKey(name));
  }

  private void listener(
      Multibinder<TrainingListener> set, String name, Class<? extends TrainingListener> type) {
    bind(listenerKey(name)).to(type);
    set.addBinding().to(listenerKey(name));
  }

  /**
   * The key a default algorithm is bound under: {@code Algorithm} with the binding annotation
   * {@code Names.named(name)}. Bind it in an overriding module to replace that algorithm.
   *
   * @param name {@code sgd}, {@code nag}, {@code rmsprop}, {@code adam}, {@code adadelta} or {@code
   *     adagrad}; not null
   * @return the key; never null
   */
  public static Key<Algorithm> algorithmKey(String name) {
    return Key.get(Algorithm.class, Names.named(name));
  }

  /**
   * The key a default listener is bound under: {@code TrainingListener} with the binding annotation
   * {@code Names.named(name)}. Bind it in an overriding module to replace that listener.
   *
   * @param name {@code progress}, {@code logging}, {@code early_stopping} or {@code nan_guard}; not
   *     null
   * @return the key; never null
   */
  public static Key<TrainingListener> listenerKey(String name) {
    return Key.get(TrainingListener.class, Names.named(name));
  }

  /** The loss registry of the thread's context class loader, discovered once. */
  @Provides
  @Singleton
  LossRegistry lossRegistry() {
    return LossRegistry.discover();
  }
}
