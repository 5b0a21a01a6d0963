package io.github.javanets.loss;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery, {@code names()} and {@code describe()} must not start the ND4J backend: a child JVM
 * does them with {@code -verbose:class}, and its class-loading log is read.
 */
class DiscoveryWithoutBackendTest {
  @TempDir Path dir;

  @Test
  void discoveringListingAndDescribingNeverLoadTheNd4jFactoryOrNativeClasses() throws Exception {
    Path jar =
        PluginJars.jar(dir, "step.jar")
            .loss("plug.step.Step", LossRegistryDiscoveryTest.STEP)
            .loss("plug.smooth.SmoothLoss", LossRegistryDiscoveryTest.SMOOTH)
            .build();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = PluginJars.TEST_CLASS_PATH + File.pathSeparator + jar;
    Process process =
        new ProcessBuilder(
                java,
                "-verbose:class",
                "-Xshare:off",
                "-cp",
                classPath,
                NoBackendMain.class.getName(),
                "step",
                "SL1")
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    List<String> lines =
        new String(out, StandardCharsets.UTF_8).lines().collect(Collectors.toList());

    assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
    assertThat(lines).contains("names=[smooth, step]", "problems=0");
    assertThat(lines)
        .anyMatch(l -> l.startsWith("describe=step (plug.step.Step) from " + jar))
        .anyMatch(l -> l.startsWith("describe=smooth [smooth_l1, sl1] (plug.smooth.SmoothLoss)"))
        .contains("  beta (double, default 1.0, > 0): where it turns linear");
    List<String> loaded =
        lines.stream()
            .filter(l -> l.contains("[class,load] "))
            .map(l -> l.substring(l.indexOf("[class,load] ") + 13).split(" ")[0])
            .collect(Collectors.toList());
    assertThat(loaded).contains(LossRegistry.class.getName(), "plug.step.Step");
    List<String> backend =
        loaded.stream()
            .filter(
                c ->
                    c.equals("org.nd4j.linalg.factory.Nd4j")
                        || c.startsWith("org.nd4j.nativeblas.")
                        || c.startsWith("org.nd4j.linalg.cpu."))
            .limit(5)
            .collect(Collectors.toList());
    assertThat(backend).as("backend classes loaded").isEmpty();
  }
}
