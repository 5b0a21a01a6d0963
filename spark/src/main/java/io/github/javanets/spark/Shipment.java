package io.github.javanets.spark;

import io.github.javanets.loss.Loss;
import io.github.javanets.models.Model;
import io.github.javanets.models.TrainOptions;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What executors need to rebuild the driver's model, broadcast once per training run: the model
 * file's bytes (read back with the model file's validated reader), its losses' specs (checked
 * against each executor's loss registry before the first step) and the regularizers. Parameters
 * travel separately, at each step.
 */
final class Shipment implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String run;
  private final byte[] model;
  private final List<String> losses;
  private final Map<String, Double> regularizers;
  private final boolean exact;
  private final long seed;

  private Shipment(
      String run,
      byte[] model,
      List<String> losses,
      Map<String, Double> regs,
      boolean exact,
      long seed) {
    this.run = run;
    this.exact = exact;
    this.seed = seed;
    this.model = model;
    this.losses = losses;
    this.regularizers = regs;
  }

  /** The shipment of {@code model} under {@code options}' regularizers. */
  static Shipment of(Model model, TrainOptions options, boolean exact) {
    List<String> specs = new ArrayList<>();
    for (Loss l : model.losses()) {
      specs.add(l.toString());
    }
    Map<String, Double> regs = new LinkedHashMap<>();
    options.regularizers().forEach((r, w) -> regs.put(r.specName(), w));
    return new Shipment(
        UUID.randomUUID().toString(),
        bytes(model),
        List.copyOf(specs),
        regs,
        exact,
        options.seed());
  }

  private static byte[] bytes(Model model) {
    try {
      Path dir = Files.createTempDirectory("javanets-spark");
      Path file = dir.resolve("model.zip");
      try {
        model.save(file);
        return Files.readAllBytes(file);
      } finally {
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Identifies the run, for the executors' caches. */
  String run() {
    return run;
  }

  /** The model file. */
  byte[] model() {
    return model;
  }

  /** The losses' specs, in the model's order. */
  List<String> losses() {
    return losses;
  }

  /** Training options holding the regularizers, as executors build their graphs with them. */
  TrainOptions options() {
    TrainOptions.Builder b = TrainOptions.builder();
    regularizers.forEach(b::regularizer);
    return b.build();
  }

  /** Whether executors build exact shard graphs (else the usual training graphs). */
  boolean exact() {
    return exact;
  }

  /** The training seed, from which executors draw noise in parameter averaging. */
  long seed() {
    return seed;
  }

  /** The size of the model file, in bytes. */
  int modelBytes() {
    return model.length;
  }
}
