package io.github.javanets.train;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
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
 * {@code adagrad}, a {@code MapBinder<String, Algorithm>}), the training listeners (progress,
 * logging, early stopping, NaN guard, a {@code Multibinder<TrainingListener>}) and the {@link
 * ProgressSink} (none). Add to it from your own module, or replace a binding with {@code
 * Modules.override(new JavanetsModule()).with(...)}.
 */
public class JavanetsModule extends AbstractModule {
  /** The RMSProp decay. */
  public static final double RMS_DECAY = 0.95;

  @Override
  protected void configure() {
    MapBinder<String, Algorithm> algorithms =
        MapBinder.newMapBinder(binder(), String.class, Algorithm.class);
    algorithms.addBinding("sgd").toInstance(o -> new Sgd(o.learningRate()));
    algorithms.addBinding("nag").toInstance(o -> new Nesterovs(o.learningRate(), o.momentum()));
    algorithms
        .addBinding("rmsprop")
        .toInstance(o -> new RmsProp(o.learningRate(), RMS_DECAY, RmsProp.DEFAULT_RMSPROP_EPSILON));
    algorithms.addBinding("adam").toInstance(o -> new Adam(o.learningRate()));
    algorithms.addBinding("adadelta").toInstance(o -> new AdaDelta());
    algorithms.addBinding("adagrad").toInstance(o -> new AdaGrad(o.learningRate()));

    Multibinder<TrainingListener> listeners =
        Multibinder.newSetBinder(binder(), TrainingListener.class);
    listeners.addBinding().to(ProgressListener.class);
    listeners.addBinding().to(LoggingListener.class);
    listeners.addBinding().to(EarlyStopping.class);
    listeners.addBinding().to(NanGuard.class);

    bind(ProgressSink.class).toInstance(ProgressSink.NONE);
  }

  /** The loss registry of the thread's context class loader, discovered once. */
  @Provides
  @Singleton
  LossRegistry lossRegistry() {
    return LossRegistry.discover();
  }
}
