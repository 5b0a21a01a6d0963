package io.github.javanets.models;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Supplier;

/** A function returning one batch per call as a {@link BatchSource}: a pass is a fixed count. */
final class GeneratedBatches implements BatchSource {
  private final Supplier<Dataset> batches;
  private final long perEpoch;

  GeneratedBatches(Supplier<Dataset> batches, long perEpoch) {
    this.batches = Objects.requireNonNull(batches, "batches");
    if (perEpoch < 1) {
      throw Errors.batchesPerEpochTooSmall(perEpoch);
    }
    this.perEpoch = perEpoch;
  }

  @Override
  public BatchIterator open() {
    return new BatchIterator() {
      private long calls;

      @Override
      public boolean hasNext() {
        return calls < perEpoch;
      }

      @Override
      public Dataset next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        calls++;
        Dataset batch = batches.get();
        if (batch == null) {
          throw Errors.batchFunctionReturnedNull(batches);
        }
        return batch;
      }
    };
  }

  @Override
  public OptionalLong batchesPerEpoch() {
    return OptionalLong.of(perEpoch);
  }

  @Override
  public String description() {
    return "a batch function (" + perEpoch + " batches per epoch)";
  }
}
