package io.github.javanets.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.javanets.conventions.SameBits;
import io.github.javanets.models.Regressor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;

/** {@code --save}: a save that fails after the checks passed keeps the trained model elsewhere. */
class OutputFilesTest {
  @Test
  void aSaveThatFailsAfterTheChecksSavesARescueCopyAndSaysWhere(@TempDir Path dir)
      throws Exception {
    Path out = Files.createDirectory(dir.resolve("out"));
    Path target = out.resolve("model.zip");
    TrainCommand cmd = new TrainCommand();
    new CommandLine(cmd).parseArgs("--save", target.toString(), "--plot", "p.png");
    OutputFiles files = new OutputFiles(cmd);
    files.check();
    Regressor model = Regressor.builder().layers(3, 4, 2).seed(5).build();
    Files.delete(out); // while the model trains, its directory becomes a file
    Files.writeString(out, "not a directory");

    Throwable thrown = catchThrowable(() -> files.save(model));

    assertThat(thrown)
        .isInstanceOf(UserException.class)
        .hasMessageStartingWith("Could not save the model to '" + target + "' (")
        .hasMessageEndingWith("' instead: move it where you want it.");
    Matcher rescue = Pattern.compile("saved it to '(.*)' instead").matcher(thrown.getMessage());
    assertThat(rescue.find()).isTrue();
    Path copy = Path.of(rescue.group(1));
    try {
      var x = Nd4j.rand(DataType.FLOAT, 5, 3);
      SameBits.assertSameBits("prediction", Regressor.load(copy).predict(x), model.predict(x));
      assertThat(out).hasContent("not a directory");
    } finally {
      Files.deleteIfExists(copy);
    }
  }
}
