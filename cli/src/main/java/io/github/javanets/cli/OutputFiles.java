package io.github.javanets.cli;

import io.github.javanets.models.AtomicFile;
import io.github.javanets.models.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files a training run writes, {@code --save} and {@code --plot}: checked before training, so
 * that a long run is not lost at its end, and the model saved with a rescue copy if saving fails
 * after all.
 */
final class OutputFiles {
  private final TrainCommand cmd;

  OutputFiles(TrainCommand cmd) {
    this.cmd = cmd;
  }

  /**
   * Checks that the model and the plot can be written where asked, and would not replace each other
   * or an input file.
   *
   * @throws UserException if one cannot be written or would replace another file of the run
   * @throws IOException if an input and an output cannot be compared
   */
  void check() throws IOException {
    checkTarget("--save", cmd.save);
    checkTarget("--plot", cmd.plot);
    if (cmd.save.toAbsolutePath().normalize().equals(cmd.plot.toAbsolutePath().normalize())) {
      throw new UserException(
          "--save and --plot both name '"
              + cmd.save
              + "': the plot would replace the model; give them different names.",
          null);
    }
    Map<String, Path> inputs = new LinkedHashMap<>();
    inputs.put("--data", cmd.data);
    inputs.put("--valid", cmd.valid());
    inputs.put("--weights-file", cmd.weightsFile());
    for (Map.Entry<String, Path> input : inputs.entrySet()) {
      for (Map.Entry<String, Path> output :
          Map.of("--save", cmd.save, "--plot", cmd.plot).entrySet()) {
        Path in = input.getValue();
        Path target = output.getValue();
        if (in != null
            && Files.exists(in)
            && Files.exists(target)
            && Files.isSameFile(in, target)) {
          throw new UserException(
              output.getKey()
                  + " '"
                  + target
                  + "' is the "
                  + input.getKey()
                  + " file: writing it would replace your data; choose another path.",
              null);
        }
      }
    }
  }

  private static void checkTarget(String option, Path target) {
    try {
      AtomicFile.check(target);
    } catch (IOException e) {
      throw new UserException(option + " " + e.getMessage(), e);
    }
  }

  /**
   * Saves the model to {@code --save}; if that fails after all, saves it to a new file in the
   * temporary directory so that the training run is not lost, and says where.
   *
   * @throws UserException naming the rescue copy, if {@code --save} failed
   * @throws IOException if the rescue copy failed too
   */
  void save(Model model) throws IOException {
    try {
      model.save(cmd.save);
    } catch (IOException e) {
      Path rescue;
      try {
        rescue = Files.createTempFile("javanets-model-", ".zip");
        model.save(rescue);
      } catch (IOException | RuntimeException again) {
        e.addSuppressed(again);
        throw e;
      }
      throw new UserException(
          "Could not save the model to '"
              + cmd.save
              + "' ("
              + e.getMessage()
              + "); saved it to '"
              + rescue
              + "' instead: move it where you want it.",
          e);
    }
  }
}
