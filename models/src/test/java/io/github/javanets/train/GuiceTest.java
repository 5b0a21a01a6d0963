package io.github.javanets.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.util.Modules;
import io.github.javanets.loss.LossRegistry;
import io.github.javanets.loss.UnknownLossException;
import io.github.javanets.models.Regressor;
import io.github.javanets.models.TestData;
import io.github.javanets.models.TrainOptions;
import io.github.javanets.models.TrainingResult;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

class GuiceTest {
  private static final TrainOptions OPTIONS =
      TrainOptions.builder().learningRate(0.2).momentum(0.5).batchSize(8).maxUpdates(3).build();

  /** Records the calls a listener gets. */
  static final class Recorder implements TrainingListener {
    final List<String> calls = new ArrayList<>();

    @Override
    public void onStart(TrainingRun run) {
      calls.add("start " + run.batches());
    }

    @Override
    public void onValidation(TrainingRun run, Map<String, Double> monitors) {
      calls.add("valid " + run.epoch());
    }

    @Override
    public void onEpoch(TrainingRun run, EpochMonitors epoch) {
      calls.add("epoch " + epoch.index());
    }

    @Override
    public void onEnd(TrainingRun run) {
      calls.add("end " + run.stopReason());
    }
  }

  /** Records what a progress sink is told. */
  static final class Progress implements ProgressSink {
    final List<String> calls = new ArrayList<>();

    @Override
    public void start(long total) {
      calls.add("start " + total);
    }

    @Override
    public void step(long done, Map<String, Double> monitors) {
      calls.add("step " + done);
    }

    @Override
    public void end() {
      calls.add("end");
    }
  }

  /** A model given no injector: the default registry and trainers. */
  private static Regressor defaultModel() {
    return Regressor.builder().layers(2, "4:tanh", 1).dataType(DataType.DOUBLE).build();
  }

  private static Regressor model(Injector injector) {
    return Regressor.builder()
        .layers(2, "4:tanh", 1)
        .dataType(DataType.DOUBLE)
        .injector(injector)
        .build();
  }

  @Test
  void theModuleBindsOneLossRegistry() {
    Injector injector = Guice.createInjector(new JavanetsModule());

    LossRegistry registry = injector.getInstance(LossRegistry.class);

    assertThat(injector.getInstance(LossRegistry.class)).isSameAs(registry);
    assertThat(registry.names())
        .contains("mse", "mae", "xe", "hinge", "kl", "gll", "mmd", "bce", "huber");
  }

  @Test
  void theModuleBindsEachAlgorithmByName() {
    Injector injector = Guice.createInjector(new JavanetsModule());
    Map<String, Algorithm> algorithms =
        injector.getInstance(Key.get(new TypeLiteral<Map<String, Algorithm>>() {}));
    TrainingSettings o =
        TestData.settings(TrainOptions.builder().learningRate(0.25).momentum(0.5).build());

    assertThat(algorithms.keySet())
        .containsExactlyInAnyOrder("sgd", "nag", "rmsprop", "adam", "adadelta", "adagrad");
    IUpdater sgd = algorithms.get("sgd").updater(o);
    assertThat(sgd).isInstanceOf(Sgd.class);
    assertThat(((Sgd) sgd).getLearningRate()).isEqualTo(0.25);
    Nesterovs nag = (Nesterovs) algorithms.get("nag").updater(o);
    assertThat(nag.getLearningRate()).isEqualTo(0.25);
    assertThat(nag.getMomentum()).isEqualTo(0.5);
    RmsProp rmsprop = (RmsProp) algorithms.get("rmsprop").updater(o);
    assertThat(rmsprop.getLearningRate()).isEqualTo(0.25);
    assertThat(rmsprop.getRmsDecay()).isEqualTo(JavanetsModule.RMS_DECAY);
    assertThat(((Adam) algorithms.get("adam").updater(o)).getLearningRate()).isEqualTo(0.25);
    assertThat(algorithms.get("adadelta").updater(o)).isInstanceOf(AdaDelta.class);
    assertThat(((AdaGrad) algorithms.get("adagrad").updater(o)).getLearningRate()).isEqualTo(0.25);
  }

  @Test
  void trainersGiveATrainerByNameWithTheBoundListeners() {
    Trainers trainers = Guice.createInjector(new JavanetsModule()).getInstance(Trainers.class);

    assertThat(trainers.names())
        .containsExactly("adadelta", "adagrad", "adam", "nag", "rmsprop", "sgd");
    Trainer adam = trainers.get(" Adam ");
    assertThat(adam.name()).isEqualTo("adam");
    assertThat(adam.listeners())
        .extracting(Object::getClass)
        .containsExactly(
            ProgressListener.class, LoggingListener.class, EarlyStopping.class, NanGuard.class);
    assertThatThrownBy(() -> trainers.get("lbfgs"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Unknown algorithm 'lbfgs'. Available: adadelta, adagrad, adam, nag, rmsprop, sgd.");
  }

  @Test
  void aUsersModuleAddsAnAlgorithmAndAListener() {
    Recorder recorder = new Recorder();
    Injector injector =
        Guice.createInjector(
            new JavanetsModule(),
            new AbstractModule() {
              @Override
              protected void configure() {
                MapBinder.newMapBinder(binder(), String.class, Algorithm.class)
                    .addBinding("halfsgd")
                    .toInstance(o -> new Sgd(o.learningRate() / 2));
                Multibinder.newSetBinder(binder(), TrainingListener.class)
                    .addBinding()
                    .toInstance(recorder);
              }
            });
    Regressor half = model(injector);
    Regressor plain = defaultModel();

    half.train(
        TestData.regression(1, 16, 2, 1),
        TrainOptions.builder()
            .algorithm("halfsgd")
            .learningRate(0.4)
            .batchSize(8)
            .maxUpdates(3)
            .validateEvery(2)
            .build());
    plain.train(
        TestData.regression(1, 16, 2, 1),
        TrainOptions.builder()
            .algorithm("sgd")
            .learningRate(0.2)
            .batchSize(8)
            .maxUpdates(3)
            .validateEvery(2)
            .build());

    assertThat(injector.getInstance(Trainers.class).names()).contains("halfsgd", "sgd");
    TestData.assertBitIdentical(half.parameters(), plain.parameters());
    assertThat(recorder.calls)
        .containsExactly(
            "start 2",
            "valid 0",
            "epoch 0",
            "epoch 1",
            "valid 2",
            "epoch 2",
            "valid 3",
            "end max_updates");
  }

  @Test
  void modulesOverrideReplacesTheProgressSink() {
    Progress progress = new Progress();
    Injector injector =
        Guice.createInjector(
            Modules.override(new JavanetsModule())
                .with(
                    new AbstractModule() {
                      @Override
                      protected void configure() {
                        bind(ProgressSink.class).toInstance(progress);
                      }
                    }));

    model(injector).train(TestData.regression(2, 20, 2, 1), OPTIONS);

    assertThat(progress.calls)
        .containsExactly(
            "start 9", "step 1", "step 2", "step 3", "step 4", "step 5", "step 6", "step 7",
            "step 8", "step 9", "end");
  }

  @Test
  void modulesOverrideReplacesAnAlgorithm() {
    Injector injector =
        Guice.createInjector(
            Modules.override(new JavanetsModule())
                .with(
                    new AbstractModule() {
                      @Override
                      protected void configure() {
                        bind(JavanetsModule.algorithmKey("adam"))
                            .toInstance(o -> new Sgd(o.learningRate()));
                      }
                    }));
    Regressor replaced = model(injector);
    Regressor sgd = defaultModel();

    replaced.train(
        TestData.regression(3, 16, 2, 1),
        TrainOptions.builder()
            .algorithm("adam")
            .learningRate(0.1)
            .batchSize(8)
            .maxUpdates(2)
            .build());
    sgd.train(
        TestData.regression(3, 16, 2, 1),
        TrainOptions.builder()
            .algorithm("sgd")
            .learningRate(0.1)
            .batchSize(8)
            .maxUpdates(2)
            .build());

    TestData.assertBitIdentical(replaced.parameters(), sgd.parameters());
  }

  @Test
  void modulesOverrideReplacesAListener() {
    Recorder recorder = new Recorder();
    Injector injector =
        Guice.createInjector(
            Modules.override(new JavanetsModule())
                .with(
                    new AbstractModule() {
                      @Override
                      protected void configure() {
                        bind(JavanetsModule.listenerKey("early_stopping")).toInstance(recorder);
                      }
                    }));
    io.github.javanets.models.Dataset train = TestData.regression(4, 16, 2, 1);
    io.github.javanets.models.Dataset opposite =
        io.github.javanets.models.Dataset.of(train.inputs(), train.target().neg());
    TrainOptions options =
        TrainOptions.builder()
            .learningRate(0.05)
            .batchSize(8)
            .maxUpdates(6)
            .validateEvery(1)
            .patience(0)
            .build();

    TrainingResult replaced = model(injector).train(train, opposite, options);
    TrainingResult stopped = defaultModel().train(train, opposite, options);

    assertThat(injector.getInstance(Trainers.class).get("adam").listeners())
        .extracting(Object::getClass)
        .containsExactly(
            ProgressListener.class, LoggingListener.class, Recorder.class, NanGuard.class);
    assertThat(stopped.stopReason()).isEqualTo("patience");
    assertThat(stopped.history()).hasSize(1);
    assertThat(replaced.stopReason()).isEqualTo("max_updates");
    assertThat(replaced.history()).hasSize(6);
    assertThat(recorder.calls).first().isEqualTo("start 2");
    assertThat(recorder.calls).last().isEqualTo("end max_updates");
  }

  @Test
  void modelsResolveLossesThroughTheInjectedRegistry() throws Exception {
    LossRegistry empty = LossRegistry.discover(new URLClassLoader(new URL[0], null));
    Injector injector =
        Guice.createInjector(
            Modules.override(new JavanetsModule())
                .with(
                    new AbstractModule() {
                      @Override
                      protected void configure() {
                        bind(LossRegistry.class).toInstance(empty);
                      }
                    }));

    assertThatThrownBy(() -> Regressor.builder().layers(2, 1).injector(injector).build())
        .isInstanceOf(UnknownLossException.class)
        .hasMessage(
            "Unknown loss 'mse': no losses are installed. Add javanets-builtin-losses or a plugin"
                + " jar to the class path.");
  }
}
