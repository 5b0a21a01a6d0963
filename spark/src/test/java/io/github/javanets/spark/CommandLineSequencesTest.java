package io.github.javanets.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.cli.Javanets;
import io.github.javanets.models.Model;
import io.github.javanets.models.recurrent.Regressor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code javanets train --spark local[2] --recurrent --sequence-column ...}: the command line's
 * sequences (read on the driver, padded with weight 0) train a recurrent model on Spark. Its own
 * class, since the command line starts and stops its Spark context.
 */
class CommandLineSequencesTest {
  @TempDir Path dir;

  @Test
  void aRecurrentRegressorTrainsOnSparkFromTheCommandLine() throws Exception {
    StringBuilder csv = new StringBuilder("seq,x,y\n");
    for (int s = 0; s < 12; s++) {
      double state = 0;
      for (int t = 0; t < 3 + s % 4; t++) {
        double x = ((s * 5 + t * 3) % 11) / 5.5 - 1;
        state = 0.5 * state + x;
        csv.append(String.format(Locale.ROOT, "q%d,%.4f,%.4f%n", s, x, state));
      }
    }
    Path data = dir.resolve("seq.csv");
    Files.writeString(data, csv);
    Path model = dir.resolve("seq.zip");

    int exit =
        Javanets.execute(
            "train",
            "--recurrent",
            "--sequence-column",
            "seq",
            "--model",
            "regressor",
            "--data",
            data.toString(),
            "--target-column",
            "y",
            "--layers",
            "1,4:gru,1",
            "--epochs",
            "2",
            "--seed",
            "3",
            "--progress",
            "none",
            "--spark",
            "local[2]",
            "--plot",
            dir.resolve("seq.png").toString(),
            "--save",
            model.toString());

    assertThat(exit).isZero();
    Model loaded = Model.load(model);
    assertThat(loaded).isInstanceOf(Regressor.class);
    assertThat(loaded.weighted()).isTrue();
    INDArray x = Nd4j.create(new double[] {0.5, -0.25, 1, 0}, new long[] {2, 2, 1}, 'c');
    INDArray predicted = ((Regressor) loaded).predict(x.castTo(DataType.FLOAT));
    assertThat(predicted.shape()).containsExactly(2, 2, 1);
    for (double p : predicted.reshape(4).toDoubleVector()) {
      assertThat(p).isFinite();
    }
  }
}
