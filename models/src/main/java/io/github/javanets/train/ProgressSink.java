package io.github.javanets.train;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;

/** Where {@link ProgressListener} reports; bind an implementation to show progress. */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ProgressSink {
  /** A sink that shows nothing. */
  ProgressSink NONE = new ProgressSink() {};

  /** The total of {@link #start} when the number of minibatches is not known (a stream). */
  long UNKNOWN = -1;

  /** Training starts; {@code total} minibatches at most, or {@link #UNKNOWN}. */
  default void start(long total) {}

  /** {@code done} minibatches are done; the last one's monitors. */
  default void step(long done, Map<String, Double> monitors) {}

  /** Training ended. */
  default void end() {}
}
