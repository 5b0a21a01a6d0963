package io.github.javanets.benchmarks;

import io.github.javanets.models.Dataset;
import io.github.javanets.models.Model;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Times training epochs outside JMH, epoch by epoch, for profiling (run it under JFR): {@code
 * EpochProbe [kind] [batch] [epochs] [javanets|dl4j]}.
 */
public final class EpochProbe {
  private EpochProbe() {}

  /** Runs the probe. */
  public static void main(String[] args) {
    String kind = args.length > 0 ? args[0] : "regressor_mse";
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 128;
    int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    String engine = args.length > 3 ? args[3] : "javanets";
    Mlp mlp = new Mlp();
    if (engine.equals("dl4j")) {
      MultiLayerNetwork net = Mlp.dl4j(kind);
      List<DataSet> batches = mlp.batches(kind, batch);
      for (int e = 0; e < epochs; e++) {
        long t = System.nanoTime();
        batches.forEach(net::fit);
        System.out.printf("dl4j epoch %d: %.1f ms%n", e, (System.nanoTime() - t) / 1e6);
      }
      return;
    }
    Model model = Mlp.javanets(kind);
    Dataset train = mlp.dataset(kind);
    Dataset valid = mlp.validation(kind, batch);
    for (int e = 0; e < epochs; e++) {
      long t = System.nanoTime();
      model.train(train, valid, Mlp.options(batch, 1));
      System.out.printf("javanets train(1 epoch) %d: %.1f ms%n", e, (System.nanoTime() - t) / 1e6);
    }
  }
}
