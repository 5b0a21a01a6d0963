package io.github.javanets.train;

import static org.apiguardian.api.API.Status.STABLE;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Key;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.name.Named;
import com.google.inject.name.Names;
import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossInfo;
import io.github.javanets.loss.LossRegistry;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;
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
 * Multibinder<TrainingListener>}), the {@link ProgressSink} (none), and the losses and pins an
 * application binds without a jar ({@link #lossBinder}, {@link #lossPinBinder}).
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
@API(status = STABLE, since = "0.1")
public class JavanetsModule extends AbstractModule {
  /** The RMSProp decay. */
  public static final double RMS_DECAY = 0.95;

  /** The name of the {@link #lossBinder} map. */
  public static final String LOSSES = "javanets.losses";

  /** The name of the {@link #lossPinBinder} map. */
  public static final String LOSS_PINS = "javanets.loss.pins";

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
    lossBinder(binder());
    lossPinBinder(binder());
  }

  /**
   * The binder of losses given by class, beside those ServiceLoader finds on the class path, so
   * that an application can add a loss without a jar: {@code
   * JavanetsModule.lossBinder(binder()).addBinding("step").toInstance(Step.class)}. The key is the
   * loss's name (or an alias). They merge with the discovered ones under the same conflict rules: a
   * bound class claiming the name of another provider makes that name unusable until one is pinned
   * ({@link #lossPinBinder}).
   *
   * @param binder a module's binder; not null
   * @return the map binder; never null
   */
  public static MapBinder<String, Class<? extends Loss>> lossBinder(Binder binder) {
    return MapBinder.newMapBinder(
        binder,
        new TypeLiteral<String>() {},
        new TypeLiteral<Class<? extends Loss>>() {},
        Names.named(LOSSES));
  }

  /**
   * The binder of pins: for a loss name claimed by several providers, the fully qualified class to
   * use, as the system property {@code javanets.loss.<name>} does (a binding wins over the
   * property): {@code JavanetsModule.lossPinBinder(binder()).addBinding("mse").toInstance(
   * MyMse.class.getName())}.
   *
   * @param binder a module's binder; not null
   * @return the map binder; never null
   */
  public static MapBinder<String, String> lossPinBinder(Binder binder) {
    return MapBinder.newMapBinder(binder, String.class, String.class, Names.named(LOSS_PINS));
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

  /**
   * The loss registry: the losses of the thread's context class loader, discovered once, merged
   * with those bound by {@link #lossBinder} and pinned by {@link #lossPinBinder} or system
   * properties.
   */
  @Provides
  @Singleton
  LossRegistry lossRegistry(
      @Named(LOSSES) Map<String, Class<? extends Loss>> bound,
      @Named(LOSS_PINS) Map<String, String> pins) {
    LossRegistry.Builder registry = LossRegistry.builder();
    bound.forEach(
        (name, type) -> {
          LossInfo info = LossInfo.of(type);
          String key = name.trim().toLowerCase(Locale.ROOT);
          if (!key.equals(info.name()) && !info.aliases().contains(key)) {
            throw Errors.lossBoundUnderAnotherName(name, type, info);
          }
          registry.provider(type, "a Guice binding");
        });
    pins.forEach((name, type) -> registry.pin(name, type, "a Guice binding"));
    return registry.build();
  }
}
