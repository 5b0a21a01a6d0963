package io.github.javanets.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The outputs of a model for empty inputs (0 rows, or sequences of 0 steps), made without running a
 * graph: an output of {@code width} units is {@code (N, width)}, or {@code (B, T, width)} for
 * recurrent models ({@code (B, width)} for an lstm's cell).
 */
final class EmptyOutputs {
  private final ModelKind kind;
  private final Network network;
  private final DataType type;

  EmptyOutputs(ModelKind kind, Network network, DataType type) {
    this.kind = kind;
    this.network = network;
    this.type = type;
  }

  /** Every named output for empty inputs {@code x}, in network order, as a graph names them. */
  Map<String, INDArray> all(INDArray x) {
    Map<String, INDArray> empty = new LinkedHashMap<>();
    String input = network.layer(0).name() + ":out";
    empty.put(input, of(x, input));
    for (int i = 1; i <= network.depth(); i++) {
      List<String> suffixes = new ArrayList<>(List.of(":pre", ":out"));
      if (network.layer(i).form() == Layer.Form.LSTM) {
        suffixes.add(":cell");
      }
      for (String suffix : suffixes) {
        String name = network.layer(i).name() + suffix;
        empty.put(name, of(x, name));
      }
    }
    return empty;
  }

  /** The output {@code name} for empty inputs (or codes) {@code x}. */
  INDArray of(INDArray x, String name) {
    long width = ModelChecks.outputWidth(network, name);
    long[] shape =
        kind.recurrent && !name.endsWith(":cell")
            ? new long[] {x.size(0), x.size(1), width}
            : new long[] {x.size(0), width};
    return Nd4j.zeros(type, shape);
  }
}
