package io.github.javanets.cli;

import io.github.javanets.loss.LossInfo;
import io.github.javanets.loss.LossRegistry;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code javanets losses [--json]}: every loss found on the class path (and in {@code --plugins}),
 * with its aliases, parameters and jar, and every broken or conflicting provider. Reads the loss
 * declarations only: the ND4J backend is not started.
 */
@Command(
    name = "losses",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = {
      "List the losses found on the class path: names, aliases, parameters (type, default,"
          + " description) and the jar of each, then any broken or conflicting provider."
    })
final class LossesCommand implements Callable<Integer> {
  @Option(names = "--json", description = "Print JSON instead of tables.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    LossRegistry registry = LossRegistry.discover();
    List<LossInfo> losses =
        registry.names().stream().map(registry::describe).collect(Collectors.toList());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      LossListing.json(losses, registry.problems(), out);
    } else {
      LossListing.text(losses, registry.problems(), out);
    }
    out.flush();
    return 0;
  }
}
