package io.github.javanets.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.MapBinder;
import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossContext;
import io.github.javanets.loss.LossRegistry;
import io.github.javanets.loss.UnknownLossException;
import io.github.javanets.train.Algorithm;
import io.github.javanets.train.EarlyStopping;
import io.github.javanets.train.JavanetsModule;
import io.github.javanets.train.LoggingListener;
import io.github.javanets.train.NanGuard;
import io.github.javanets.train.ProgressListener;
import io.github.javanets.train.Trainers;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * A model gets its loss registry and trainers from its builder (by themselves, or from an injector
 * as a shortcut), or else the defaults made once; {@code Model.load} takes a registry too.
 */
class CollaboratorsTest {
  private static final Dataset DATA = TestData.regression(6, 24, 2, 1);
  private static final TrainOptions THREE_EPOCHS =
      TrainOptions.builder().algorithm("sgd").learningRate(0.2).batchSize(8).maxUpdates(3).build();

  /** {@code mean(|output - target|)}: a loss no jar provides, known only to registries given it. */
  public static final class Absolute extends Loss {
    @Override
    public SDVariable compute(LossContext ctx) {
      return reduce(ctx, ctx.sameDiff().math().abs(ctx.output().sub(ctx.target())));
    }
  }

  /** The losses on the class path and {@link Absolute}. */
  private static LossRegistry withAbsolute() {
    return LossRegistry.builder().provider(Absolute.class, "a test").build();
  }

  private static LossRegistry empty() {
    return LossRegistry.discover(new URLClassLoader(new URL[0], null));
  }

  private static Regressor.Builder regressor() {
    return Regressor.builder().layers(2, "3:tanh", 1).dataType(DataType.DOUBLE);
  }

  /**
   * Trainers made without Guice: plain SGD at the given share of the learning rate, no listener.
   */
  private static Trainers sgd(String name, double share) {
    Algorithm a = s -> new Sgd(s.learningRate() * share);
    return new Trainers(Map.of(name, a), Set.of());
  }

  @Test
  void aBuilderMakesLossesWithTheRegistryItIsGivenThenAndLater() {
    Regressor net = regressor().registry(withAbsolute()).loss("absolute").build();
    net.addLoss("absolute(weight=2)");

    assertThat(net.losses())
        .extracting(Loss::toString)
        .containsExactly("absolute", "absolute(weight=2.0)");
    assertThatThrownBy(() -> regressor().registry(empty()).build())
        .isInstanceOf(UnknownLossException.class)
        .hasMessage(
            "Unknown loss 'mse': no losses are installed. Add javanets-builtin-losses or a plugin"
                + " jar to the class path.");
    assertThatThrownBy(() -> regressor().build().addLoss("absolute"))
        .isInstanceOf(UnknownLossException.class)
        .hasMessageStartingWith("Unknown loss 'absolute'");
  }

  @Test
  void aBuilderTrainsWithTheTrainersItIsGivenWithoutGuice() {
    Regressor half = regressor().trainers(sgd("halfsgd", 0.5)).build();
    Regressor plain = regressor().trainers(sgd("sgd", 1)).build();

    half.train(
        DATA,
        TrainOptions.builder()
            .algorithm("halfsgd")
            .learningRate(0.4)
            .batchSize(8)
            .maxUpdates(3)
            .build());
    plain.train(DATA, THREE_EPOCHS);

    TestData.assertBitIdentical(half.parameters(), plain.parameters());
    assertThatThrownBy(() -> half.train(DATA, TrainOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown algorithm 'adam'. Available: halfsgd.");
  }

  @Test
  void anInjectorIsAShortcutForItsRegistryAndTrainersAndALaterCallReplacesOne() {
    Injector injector =
        Guice.createInjector(
            new JavanetsModule(),
            new AbstractModule() {
              @Override
              protected void configure() {
                MapBinder.newMapBinder(binder(), String.class, Algorithm.class)
                    .addBinding("halfsgd")
                    .toInstance(s -> new Sgd(s.learningRate() / 2));
                JavanetsModule.lossBinder(binder())
                    .addBinding("absolute")
                    .toInstance(Absolute.class);
              }
            });

    Regressor fromInjector = regressor().injector(injector).loss("absolute").build();
    fromInjector.train(DATA, TrainOptions.builder().algorithm("halfsgd").maxUpdates(1).build());

    assertThat(fromInjector.losses()).extracting(Loss::name).containsExactly("absolute");
    assertThatThrownBy(() -> regressor().injector(injector).registry(empty()).build())
        .isInstanceOf(UnknownLossException.class)
        .hasMessageStartingWith("Unknown loss 'mse': no losses are installed.");
    Regressor replaced = regressor().injector(injector).trainers(sgd("sgd", 1)).build();
    assertThatThrownBy(
            () -> replaced.train(DATA, TrainOptions.builder().algorithm("halfsgd").build()))
        .hasMessage("Unknown algorithm 'halfsgd'. Available: sgd.");
  }

  @Test
  void withNothingGivenModelsShareOneDefaultRegistryAndTheModulesTrainers() {
    assertThat(Defaults.registry()).isSameAs(Defaults.registry());
    assertThat(Defaults.trainers()).isSameAs(Defaults.trainers());
    assertThat(Defaults.registry().names()).contains("mse", "mae", "xe", "mmd");
    assertThat(Defaults.trainers().names())
        .containsExactly("adadelta", "adagrad", "adam", "nag", "rmsprop", "sgd");
    assertThat(Defaults.trainers().get("adam").listeners())
        .extracting(Object::getClass)
        .containsExactly(
            ProgressListener.class, LoggingListener.class, EarlyStopping.class, NanGuard.class);
  }

  @Test
  void loadMakesTheFilesLossesWithTheRegistryItIsGivenAndTheModelKeepsIt(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("absolute.jnet");
    Regressor saved = regressor().registry(withAbsolute()).loss("absolute").build();
    saved.train(DATA, THREE_EPOCHS);
    saved.save(file);

    Model loaded = Model.load(file, withAbsolute());
    loaded.addLoss("absolute(weight=0.5)");

    assertThat(loaded).isInstanceOf(Regressor.class);
    assertThat(loaded.losses())
        .extracting(Loss::toString)
        .containsExactly("absolute", "absolute(weight=0.5)");
    TestData.assertBitIdentical(loaded.parameters(), saved.parameters());
    assertThatThrownBy(() -> Model.load(file))
        .isInstanceOf(InvalidModelFileException.class)
        .hasMessageStartingWith(
            file + " needs loss 'absolute' (class " + Absolute.class.getName() + ", version ")
        .hasMessageEndingWith("), which is not on the class path. Add that jar to load the model.");
  }
}
