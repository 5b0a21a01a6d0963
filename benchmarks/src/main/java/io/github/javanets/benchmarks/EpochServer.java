package io.github.javanets.benchmarks;

import io.github.javanets.models.Dataset;
import io.github.javanets.models.Model;
import io.github.javanets.models.TrainOptions;
import io.github.javanets.runtime.GraphRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The javanets side of {@code versus_torch.py}: a process that stays up and trains one epoch per
 * command read from standard input, so that the Python driver can alternate javanets and PyTorch
 * epoch by epoch. Commands (one per line; each answer is one line on standard output):
 *
 * <ul>
 *   <li>{@code mlp <kind> <batch> [variant]}: one epoch of benchmark 1's model ({@code
 *       regressor_mse} or {@code classifier_xe}), the same model each time for a kind, batch and
 *       variant label (built on the first command, its graph compiled under the system properties
 *       of that moment); answers the milliseconds.
 *   <li>{@code set <property> <value>}: sets a system property (a graph runner switch, for
 *       before/after in one process); answers {@code ok}.
 *   <li>{@code rnn <form> [variant]}: one epoch of benchmark 4's recurrent regressor ({@code rnn},
 *       {@code lstm}, {@code gru}); answers the milliseconds.
 *   <li>{@code gemm <batch> <reps>}: the GEMM floor, the milliseconds per epoch of the five matrix
 *       products a step needs (see {@link GemmFloor}), best of {@code reps} epochs.
 *   <li>{@code profile}: the graph runner's op profile since the last {@code profile} (needs {@code
 *       -Djavanets.graphRunner.profile=true}), then a line {@code END}.
 * </ul>
 */
public final class EpochServer {
  private EpochServer() {}

  /** Serves commands until standard input ends. */
  public static void main(String[] args) throws IOException, ReflectiveOperationException {
    Mlp mlp = new Mlp();
    Map<String, Model> models = new HashMap<>();
    Map<String, Dataset[]> data = new HashMap<>();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      String[] w = line.trim().split("\\s+");
      switch (w[0]) {
        case "set":
          System.setProperty(w[1], w[2]);
          System.out.println("ok");
          break;
        case "mlp":
          {
            String kind = w[1];
            int batch = Integer.parseInt(w[2]);
            String key = kind + "/" + batch + (w.length > 3 ? "/" + w[3] : "");
            Model model = models.computeIfAbsent(key, k -> Mlp.javanets(kind));
            Dataset[] d =
                data.computeIfAbsent(
                    key, k -> new Dataset[] {mlp.dataset(kind), mlp.validation(kind, batch)});
            long start = System.nanoTime();
            model.train(d[0], d[1], Mlp.options(batch, 1));
            System.out.printf("%.3f%n", (System.nanoTime() - start) / 1e6);
            break;
          }
        case "rnn":
          {
            String key = "rnn/" + w[1] + (w.length > 2 ? "/" + w[2] : "");
            if (!models.containsKey(key)) {
              models.put(key, recurrent(w[1]));
              data.put(key, recurrentData());
            }
            Dataset[] d = data.get(key);
            TrainOptions options =
                TrainOptions.builder()
                    .algorithm("adam")
                    .batchSize(RecurrentEpochBenchmark.BATCH)
                    .maxUpdates(1)
                    .validateEvery(1_000_000)
                    .seed(13)
                    .build();
            long start = System.nanoTime();
            models.get(key).train(d[0], d[1], options);
            System.out.printf("%.3f%n", (System.nanoTime() - start) / 1e6);
            break;
          }
        case "gemm":
          System.out.printf(
              "%.3f%n", GemmFloor.epochMillis(Integer.parseInt(w[1]), Integer.parseInt(w[2])));
          break;
        case "profile":
          System.out.print(GraphRunner.profile());
          GraphRunner.resetProfile();
          System.out.println("END");
          break;
        default:
          System.out.println("unknown command: " + line);
      }
      System.out.flush();
    }
  }

  private static Model recurrent(String form) throws ReflectiveOperationException {
    Class<?> type = Class.forName(RecurrentEpochBenchmark.RECURRENT_REGRESSOR);
    Object builder = type.getMethod("builder").invoke(null);
    Object[] layers = {
      RecurrentEpochBenchmark.INPUTS,
      RecurrentEpochBenchmark.UNITS + ":" + form,
      RecurrentEpochBenchmark.OUTPUTS
    };
    builder.getClass().getMethod("layers", Object[].class).invoke(builder, (Object) layers);
    builder.getClass().getMethod("seed", long.class).invoke(builder, 13L);
    return (Model) builder.getClass().getMethod("build").invoke(builder);
  }

  private static Dataset[] recurrentData() {
    Nd4j.getRandom().setSeed(13);
    INDArray x =
        Nd4j.rand(
            DataType.FLOAT,
            RecurrentEpochBenchmark.SEQUENCES,
            RecurrentEpochBenchmark.STEPS,
            RecurrentEpochBenchmark.INPUTS);
    INDArray y =
        Nd4j.rand(
            DataType.FLOAT,
            RecurrentEpochBenchmark.SEQUENCES,
            RecurrentEpochBenchmark.STEPS,
            RecurrentEpochBenchmark.OUTPUTS);
    Dataset train = Dataset.of(x, y);
    return new Dataset[] {train, train.rows(0, RecurrentEpochBenchmark.BATCH)};
  }
}
