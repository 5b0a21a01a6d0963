package io.github.javanets.models;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The placeholders {@code data.<array>} through which a graph reads the arrays of a {@link Dataset}
 * (its inputs, targets, weights, or an autoencoder's codes), made once per array, and the values
 * fed to them for a batch of rows.
 */
final class DataPlaceholders {
  private final SameDiff sd;
  private final Map<String, SDVariable> byArray = new LinkedHashMap<>();
  // What feed reads, recorded when the placeholders are made, so that feeding (on a loader thread)
  // reads no SameDiff object.
  private final Map<String, Slot> slots = new LinkedHashMap<>();

  /** A placeholder's name and data type. */
  private record Slot(String placeholder, DataType type) {}

  DataPlaceholders(SameDiff sd) {
    this.sd = sd;
  }

  /**
   * The placeholder of dataset array {@code array}, made with {@code type} and {@code shape} the
   * first time it is asked for.
   */
  SDVariable of(String array, DataType type, long[] shape) {
    return byArray.computeIfAbsent(
        array,
        a -> {
          slots.put(a, new Slot("data." + a, type));
          return sd.placeHolder("data." + a, type, shape);
        });
  }

  /** The placeholder of dataset array {@code array} made before, or null. */
  SDVariable get(String array) {
    return byArray.get(array);
  }

  /**
   * The value of each placeholder for rows of a data set: the set's array, cast to the
   * placeholder's data type where it differs. Reads no SameDiff object, so a loader thread may call
   * it while the graph runs on another.
   *
   * @param batch the rows; not null
   * @return placeholder name to array, in the order the placeholders were made; never null
   */
  Map<String, INDArray> feed(Dataset batch) {
    Map<String, INDArray> feed = new LinkedHashMap<>();
    for (Map.Entry<String, Slot> e : slots.entrySet()) {
      INDArray a = batch.array(e.getKey());
      DataType t = e.getValue().type();
      feed.put(e.getValue().placeholder(), a.dataType() == t ? a : a.castTo(t));
    }
    return feed;
  }
}
