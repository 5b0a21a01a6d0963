package io.github.javanets.benchmarks;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import io.github.javanets.models.Dataset;
import io.github.javanets.models.Layer;
import io.github.javanets.models.Regressor;
import io.github.javanets.train.EpochMonitors;
import io.github.javanets.train.JavanetsModule;
import io.github.javanets.train.TrainingListener;
import io.github.javanets.train.TrainingRun;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.Pointer;

/**
 * Trains the MLP of benchmark 1 for {@code epochs} epochs (default 50, batch 128) in one {@code
 * train} call and prints, after each epoch and a full GC, the heap in use and the process's
 * resident memory (heap, off-heap ND4J buffers and everything else), then the growth from epoch 5
 * to the last as one Markdown line: {@code MemoryCheck [epochs] [batch]}.
 */
public final class MemoryCheck {
  private MemoryCheck() {}

  /** Runs the check. */
  public static void main(String[] args) {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 128;
    List<long[]> samples = new ArrayList<>();
    TrainingListener probe =
        new TrainingListener() {
          @Override
          public void onEpoch(TrainingRun run, EpochMonitors epoch) {
            System.gc();
            Runtime rt = Runtime.getRuntime();
            long heap = rt.totalMemory() - rt.freeMemory();
            long rss = Pointer.physicalBytes();
            samples.add(new long[] {heap, rss});
            System.err.printf(
                "epoch %d: heap %.1f MB, resident %.1f MB%n", samples.size(), mb(heap), mb(rss));
          }
        };
    Injector injector =
        Guice.createInjector(
            new JavanetsModule(),
            new AbstractModule() {
              @Override
              protected void configure() {
                Multibinder.newSetBinder(binder(), TrainingListener.class)
                    .addBinding()
                    .toInstance(probe);
              }
            });
    Mlp mlp = new Mlp();
    Regressor model =
        Regressor.builder()
            .layers(Mlp.IN, Layer.of(Mlp.HIDDEN, "relu"), Mlp.OUT)
            .seed(Mlp.SEED)
            .injector(injector)
            .build();
    Dataset train = mlp.dataset("regressor_mse");
    model.train(train, mlp.validation("regressor_mse", batch), Mlp.options(batch, epochs));
    int from = Math.min(4, samples.size() - 1);
    long[] a = samples.get(from);
    long[] b = samples.get(samples.size() - 1);
    System.out.printf(
        "| %d epochs, batch %d | heap after epoch %d: %.1f MB, after epoch %d: %.1f MB (%+.1f MB)"
            + " | resident after epoch %d: %.1f MB, after epoch %d: %.1f MB (%+.1f MB) |%n",
        epochs,
        batch,
        from + 1,
        mb(a[0]),
        samples.size(),
        mb(b[0]),
        mb(b[0] - a[0]),
        from + 1,
        mb(a[1]),
        samples.size(),
        mb(b[1]),
        mb(b[1] - a[1]));
  }

  private static double mb(long bytes) {
    return bytes / 1048576.0;
  }
}
