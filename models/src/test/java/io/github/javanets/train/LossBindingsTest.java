package io.github.javanets.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossConflictException;
import io.github.javanets.loss.LossContext;
import io.github.javanets.loss.LossInfo;
import io.github.javanets.loss.LossName;
import io.github.javanets.loss.LossRegistry;
import io.github.javanets.models.Regressor;
import io.github.javanets.models.TestData;
import io.github.javanets.models.TrainOptions;
import io.github.javanets.models.TrainingResult;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;

/** Losses bound in Guice, without a jar, merged with the discovered ones. */
class LossBindingsTest {
  /** Half the squared error, bound by an application. */
  @LossName(
      value = "halfsquare",
      aliases = {"half"})
  public static class HalfSquare extends Loss {
    @Override
    public SDVariable compute(LossContext ctx) {
      SDVariable e = ctx.output().sub(ctx.target());
      return reduce(ctx, e.mul(e).mul(0.5));
    }
  }

  /** An application's own mse, claiming the built-in's name. */
  @LossName("mse")
  public static class MyMse extends Loss {
    @Override
    public SDVariable compute(LossContext ctx) {
      SDVariable e = ctx.output().sub(ctx.target());
      return reduce(ctx, e.mul(e));
    }
  }

  private static Injector injector(AbstractModule module) {
    return Guice.createInjector(new JavanetsModule(), module);
  }

  @Test
  void aBoundLossIsFoundByNameByModels() {
    Injector injector =
        injector(
            new AbstractModule() {
              @Override
              protected void configure() {
                JavanetsModule.lossBinder(binder())
                    .addBinding("halfsquare")
                    .toInstance(HalfSquare.class);
              }
            });
    LossRegistry registry = injector.getInstance(LossRegistry.class);
    assertThat(registry.names()).contains("halfsquare", "mse", "xe");
    assertThat(registry.describe("half").type()).isEqualTo(HalfSquare.class);

    Regressor net = Regressor.builder().layers(3, 4, 2).loss("half").injector(injector).build();
    TrainingResult result =
        net.train(
            TestData.regression(1, 32, 3, 2),
            TrainOptions.builder().maxUpdates(2).batchSize(16).build());
    assertThat(result.history().get(0).train()).containsKey("halfsquare");
  }

  @Test
  void aBoundLossClaimingABuiltinNameConflictsUntilPinned() {
    Injector unpinned =
        injector(
            new AbstractModule() {
              @Override
              protected void configure() {
                JavanetsModule.lossBinder(binder()).addBinding("mse").toInstance(MyMse.class);
              }
            });
    LossRegistry registry = unpinned.getInstance(LossRegistry.class);
    assertThatThrownBy(() -> registry.create("mse"))
        .isInstanceOf(LossConflictException.class)
        .hasMessageStartingWith("Loss name 'mse' is provided by 2 classes: ")
        .hasMessageContaining("io.github.javanets.loss.builtin.MeanSquaredError (in ")
        .hasMessageContaining(
            MyMse.class.getName()
                + " (in a Guice binding, class in "
                + LossInfo.of(MyMse.class).source()
                + ")");

    Injector pinned =
        injector(
            new AbstractModule() {
              @Override
              protected void configure() {
                JavanetsModule.lossBinder(binder()).addBinding("mse").toInstance(MyMse.class);
                JavanetsModule.lossPinBinder(binder())
                    .addBinding("mse")
                    .toInstance(MyMse.class.getName());
              }
            });
    assertThat(pinned.getInstance(LossRegistry.class).create("mse")).isInstanceOf(MyMse.class);
    assertThat(new Regressor(2, 2).losses().get(0).getClass().getName())
        .as("the default injector is not affected")
        .isEqualTo("io.github.javanets.loss.builtin.MeanSquaredError");
  }

  @Test
  void aBindingUnderAnotherNameIsRejected() {
    Injector injector =
        injector(
            new AbstractModule() {
              @Override
              protected void configure() {
                JavanetsModule.lossBinder(binder())
                    .addBinding("quarter")
                    .toInstance(HalfSquare.class);
              }
            });
    assertThatThrownBy(() -> injector.getInstance(LossRegistry.class))
        .isInstanceOf(ProvisionException.class)
        .hasRootCauseMessage(
            "The Guice binding of loss 'quarter' names "
                + HalfSquare.class.getName()
                + ", whose name is 'halfsquare' (aliases [half]); bind it under that name.");
  }
}
