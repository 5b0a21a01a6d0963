package io.github.javanets.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The sources shipped with the models: a data set in memory and a batch function. */
class BatchSourceTest {
  private static final Dataset DATA = TestData.regression(1, 10, 2, 1);

  private static List<Long> firstRows(BatchSource source) {
    List<Long> firsts = new ArrayList<>();
    try (BatchIterator pass = source.open()) {
      while (pass.hasNext()) {
        Dataset batch = pass.next();
        firsts.add(Math.round(batch.inputs().getDouble(0, 0) * 1e6));
      }
    }
    return firsts;
  }

  @Test
  void mapTransformsEachBatchAsItIsReadAndKeepsCountDescriptionAndClose() {
    AtomicInteger closed = new AtomicInteger();
    BatchSource counted =
        new BatchSource() {
          @Override
          public BatchIterator open() {
            BatchIterator pass = BatchSource.of(DATA, 4).open();
            return new BatchIterator() {
              @Override
              public boolean hasNext() {
                return pass.hasNext();
              }

              @Override
              public Dataset next() {
                return pass.next();
              }

              @Override
              public void close() {
                closed.incrementAndGet();
              }
            };
          }

          @Override
          public OptionalLong batchesPerEpoch() {
            return OptionalLong.of(3);
          }
        }.named("ten rows");
    BatchSource doubled = counted.map(d -> Dataset.of(d.inputs().mul(2), d.target()));

    assertThat(doubled.description()).isEqualTo("ten rows");
    assertThat(doubled.batchesPerEpoch()).hasValue(3);
    List<Double> firsts = new ArrayList<>();
    long rows = 0;
    try (BatchIterator pass = doubled.open()) {
      while (pass.hasNext()) {
        Dataset d = pass.next();
        firsts.add(d.inputs().getDouble(0, 0));
        rows += d.rows();
      }
    }
    assertThat(rows).isEqualTo(10);
    assertThat(firsts)
        .containsExactly(
            2 * DATA.inputs().getDouble(0, 0),
            2 * DATA.inputs().getDouble(4, 0),
            2 * DATA.inputs().getDouble(8, 0));
    assertThat(closed).hasValue(1);
    assertThatThrownBy(() -> BatchSource.of(DATA, 4).map(d -> null).open().next())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("mapped batch");
  }

  @Test
  void aDatasetInMemoryGivesRowRangesInOrder() {
    BatchSource source = BatchSource.of(DATA, 4);
    List<Long> rows = new ArrayList<>();
    try (BatchIterator pass = source.open()) {
      pass.forEachRemaining(b -> rows.add(b.rows()));
      assertThatThrownBy(pass::next).isInstanceOf(NoSuchElementException.class);
    }

    assertThat(rows).containsExactly(4L, 4L, 2L);
    assertThat(source.batchesPerEpoch()).isEqualTo(OptionalLong.of(3));
    assertThat(source.description()).isEqualTo("a dataset in memory (10 rows, batches of 4)");
    assertThat(firstRows(source)).isEqualTo(firstRows(source));
  }

  @Test
  void aShuffledDatasetGivesEveryBatchOncePerPassInANewOrder() {
    BatchSource source = BatchSource.shuffled(DATA, 1, 3);
    List<Long> first = firstRows(source);
    List<Long> second = firstRows(source);

    assertThat(first).containsExactlyInAnyOrderElementsOf(firstRows(BatchSource.of(DATA, 1)));
    assertThat(second).containsExactlyInAnyOrderElementsOf(first).isNotEqualTo(first);
    assertThat(firstRows(BatchSource.shuffled(DATA, 1, 3))).isEqualTo(first);
    assertThat(source.description())
        .isEqualTo("a dataset in memory (10 rows, batches of 1, shuffled)");
  }

  @Test
  void aBatchFunctionIsCalledOncePerBatchOfAPass() {
    AtomicInteger calls = new AtomicInteger();
    BatchSource source =
        BatchSource.generate(
            () -> {
              calls.incrementAndGet();
              return DATA;
            },
            3);

    try (BatchIterator pass = source.open()) {
      assertThat(calls).hasValue(0);
      int n = 0;
      while (pass.hasNext()) {
        assertThat(pass.next()).isSameAs(DATA);
        n++;
      }
      assertThat(n).isEqualTo(3);
    }
    assertThat(calls).hasValue(3);
    assertThat(source.batchesPerEpoch()).isEqualTo(OptionalLong.of(3));
    assertThat(source.description()).isEqualTo("a batch function (3 batches per epoch)");
  }

  @Test
  void aNamedSourceReadsTheSameBatchesUnderItsName() {
    BatchSource named = BatchSource.of(DATA, 4).named("ten rows");

    assertThat(named.description()).isEqualTo("ten rows");
    assertThat(named.batchesPerEpoch()).isEqualTo(OptionalLong.of(3));
    assertThat(firstRows(named)).isEqualTo(firstRows(BatchSource.of(DATA, 4)));
  }

  @Test
  void badArgumentsAreRefusedWhenTheSourceIsMade() {
    assertThatThrownBy(() -> BatchSource.of(DATA, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Batch size must be >= 1, got 0.");
    assertThatThrownBy(() -> BatchSource.generate(() -> DATA, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A batch function needs >= 1 batch per epoch, got 0.");
    assertThatThrownBy(() -> BatchSource.generate(() -> null, 1).open().next())
        .isInstanceOf(NullPointerException.class)
        .hasMessageEndingWith("returned null; it must return a Dataset per call.");
  }
}
