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

  DataPlaceholders(SameDiff sd) {
    this.sd = sd;
  }

  /**
   * The placeholder of dataset array {@code array}, made with {@code type} and {@code shape} the
   * first time it is asked for.
   */
  SDVariable of(String array, DataType type, long[] shape) {
    return byArray.computeIfAbsent(array, a -> sd.placeHolder("data." + a, type, shape));
  }

  /** The placeholder of dataset array {@code array} made before, or null. */
  SDVariable get(String array) {
    return byArray.get(array);
  }

  /**
   * The value of each placeholder for rows of a data set: the set's array, cast to the
   * placeholder's data type where it differs.
   *
   * @param batch the rows; not null
   * @return placeholder name to array, in the order the placeholders were made; never null
   */
  Map<String, INDArray> feed(Dataset batch) {
    Map<String, INDArray> feed = new LinkedHashMap<>();
    for (Map.Entry<String, SDVariable> e : byArray.entrySet()) {
      INDArray a = batch.array(e.getKey());
      DataType t = e.getValue().dataType();
      feed.put(e.getValue().name(), a.dataType() == t ? a : a.castTo(t));
    }
    return feed;
  }
}
