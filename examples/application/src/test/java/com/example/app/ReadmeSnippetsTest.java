package com.example.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README's pom snippets are the ones these example modules build with, README's {@code Step} is the
 * loss the loss-jar example compiles and tests, and the Gradle snippet names the same artifacts as
 * the Maven one.
 */
class ReadmeSnippetsTest {
  private static final Path EXAMPLES = Path.of("").toAbsolutePath().getParent();
  private static final Pattern COORDINATES =
      Pattern.compile(
          "<groupId>(.*?)</groupId>\\s*<artifactId>(.*?)</artifactId>\\s*<version>(.*?)</version>"
              + "(?:\\s*<classifier>(.*?)</classifier>)?(?:\\s*<scope>(.*?)</scope>)?");

  private static String readme() throws IOException {
    return Files.readString(EXAMPLES.getParent().resolve("README.md"));
  }

  /** The lines between {@code <!-- README: name (begin) -->} and its end marker, trimmed. */
  private static List<String> pomBlock(String module, String name) throws IOException {
    String pom = Files.readString(EXAMPLES.resolve(module).resolve("pom.xml"));
    String begin = "<!-- README: " + name + " (begin) -->";
    String end = "<!-- README: " + name + " (end) -->";
    assertThat(pom).contains(begin, end);
    return trimmed(pom.substring(pom.indexOf(begin) + begin.length(), pom.indexOf(end)));
  }

  /** The fenced block of README that follows {@code <!-- snippet: name -->}, trimmed. */
  private static List<String> readmeBlock(String name) throws IOException {
    String readme = readme();
    String marker = "<!-- snippet: " + name + " -->";
    assertThat(readme).contains(marker);
    String rest = readme.substring(readme.indexOf(marker) + marker.length());
    int open = rest.indexOf("```");
    int start = rest.indexOf('\n', open) + 1;
    return trimmed(rest.substring(start, rest.indexOf("```", start)));
  }

  private static List<String> trimmed(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        lines.add(line.strip());
      }
    }
    return lines;
  }

  @Test
  void theApplicationSnippetIsTheApplicationsPom() throws IOException {
    assertThat(readmeBlock("application-pom"))
        .containsExactlyElementsOf(pomBlock("application", "application"));
  }

  @Test
  void theLossJarSnippetsAreTheLossJarsPom() throws IOException {
    assertThat(readmeBlock("loss-jar-pom"))
        .containsExactlyElementsOf(pomBlock("loss-jar", "loss jar dependencies"));
    assertThat(readmeBlock("loss-jar-build"))
        .containsExactlyElementsOf(pomBlock("loss-jar", "loss jar build"));
  }

  @Test
  void readmesStepIsTheLossTheLossJarBuilds() throws IOException {
    String source =
        Files.readString(EXAMPLES.resolve("loss-jar/src/main/java/com/example/losses/Step.java"));
    List<String> step = readmeBlock("step");
    assertThat(step).first().asString().startsWith("@AutoService(Loss.class)");
    assertThat(trimmed(source.substring(source.indexOf("@AutoService(Loss.class)"))))
        .containsExactlyElementsOf(step);
  }

  @Test
  void theGradleSnippetNamesTheMavenSnippetsArtifacts() throws IOException {
    List<String> maven = new ArrayList<>();
    Matcher m = COORDINATES.matcher(String.join("\n", pomBlock("application", "application")));
    while (m.find()) {
      String version =
          m.group(3)
              .replace("${javanets.version}", "0.1.0-SNAPSHOT")
              .replace("${nd4j.version}", "1.0.0-M2.1");
      String gav = m.group(1) + ":" + m.group(2) + ":" + version;
      String configuration = "runtime".equals(m.group(5)) ? "runtimeOnly" : "implementation";
      maven.add(configuration + "(\"" + gav + (m.group(4) == null ? "" : ":" + m.group(4)) + "\")");
    }
    assertThat(maven).hasSize(5);
    List<String> gradle = readmeBlock("application-gradle");
    assertThat(gradle).first().isEqualTo("dependencies {");
    assertThat(gradle.subList(1, gradle.size() - 1)).containsExactlyElementsOf(maven);
  }

  @Test
  void readmesScalingExampleIsTheOneTheApplicationRuns() throws IOException {
    String source =
        Files.readString(
            EXAMPLES.resolve("application/src/main/java/com/example/app/ScaledModel.java"));
    String begin = "// README: scaling (begin)";
    String end = "// README: scaling (end)";
    assertThat(readmeBlock("scaling"))
        .containsExactlyElementsOf(
            trimmed(source.substring(source.indexOf(begin) + begin.length(), source.indexOf(end))));
  }
}
