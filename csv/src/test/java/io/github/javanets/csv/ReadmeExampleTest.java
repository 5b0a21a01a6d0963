package io.github.javanets.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.models.Classifier;
import io.github.javanets.models.TrainOptions;
import io.github.javanets.models.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README's and docs/models.md's CsvBatchSource example, run on an Iris-shaped file. */
class ReadmeExampleTest {
  @TempDir Path dir;

  @Test
  void theReadmesCsvExampleTrainsAClassifier() throws IOException {
    Path iris = dir.resolve("iris.csv");
    StringBuilder text = new StringBuilder("a,b,c,d,species\n");
    Random random = new Random(1);
    String[] species = {"setosa", "versicolor", "virginica"};
    for (int r = 0; r < 150; r++) {
      int s = r / 50;
      for (int c = 0; c < 4; c++) {
        text.append(String.format(java.util.Locale.ROOT, "%.2f,", s + random.nextGaussian() * 0.3));
      }
      text.append(species[s]).append('\n');
    }
    Files.writeString(iris, text);

    CsvBatchSource train =
        CsvBatchSource.builder(iris)
            .labelColumn("species", List.of("setosa", "versicolor", "virginica"))
            .batchSize(16)
            .shuffle(10_000, 42)
            .build();
    Classifier classifier = new Classifier(4, 16, 3);
    TrainingResult result = classifier.train(train, TrainOptions.builder().maxUpdates(100).build());

    assertThat(result.history()).isNotEmpty();
    assertThat(classifier.score(train)).isGreaterThan(0.9);
  }
}
