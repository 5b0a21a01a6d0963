package io.github.javanets.loss.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.loss.LossRegistry;
import io.github.javanets.testkit.LossContractTest;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A built-in loss that is not run through the test kit fails the build: every name the registry
 * finds in this jar must be the {@code lossName()} of a {@link LossContractTest} in this package.
 */
class EveryBuiltinLossRunsTheContractTest {
  @Test
  void everyRegisteredBuiltinHasAContractTest() throws Exception {
    Set<String> covered = new TreeSet<>();
    for (Class<?> type : testClasses()) {
      if (LossContractTest.class.isAssignableFrom(type)
          && !java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
        Constructor<?> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        Method name = type.getDeclaredMethod("lossName");
        name.setAccessible(true);
        covered.add((String) name.invoke(constructor.newInstance()));
      }
    }
    assertThat(covered)
        .as("losses with a LossContractTest subclass")
        .containsExactlyInAnyOrderElementsOf(LossRegistry.discover().names());
  }

  private static Set<Class<?>> testClasses()
      throws IOException, URISyntaxException, ClassNotFoundException {
    Path root =
        Path.of(
            EveryBuiltinLossRunsTheContractTest.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    Path dir = root.resolve("io/github/javanets/loss/builtin");
    Set<Class<?>> classes = new java.util.HashSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String file = f.getFileName().toString();
        if (file.endsWith(".class") && !file.contains("$")) {
          String name = "io.github.javanets.loss.builtin." + file.substring(0, file.length() - 6);
          classes.add(Class.forName(name));
        }
      }
    }
    return classes;
  }
}
