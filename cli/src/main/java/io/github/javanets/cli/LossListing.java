package io.github.javanets.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.javanets.loss.LossConflictException;
import io.github.javanets.loss.LossInfo;
import io.github.javanets.loss.LossProviderException;
import io.github.javanets.loss.ParameterInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints the losses of a registry, and its problems, as text tables or as JSON. */
final class LossListing {
  /** The parameters every loss has, described once at the end of the text listing. */
  private static final List<String> COMMON =
      List.of(LossInfo.WEIGHT, LossInfo.WEIGHTED, LossInfo.TARGET, LossInfo.OUTPUT);

  private LossListing() {}

  /** The text listing: a table of losses, each loss's own parameters, the common ones, problems. */
  static void text(List<LossInfo> losses, List<LossProviderException> problems, PrintWriter out) {
    out.println(
        losses.size()
            + (losses.size() == 1 ? " loss" : " losses")
            + " found"
            + (problems.isEmpty() ? "" : ", " + problems.size() + " problem(s)")
            + ".");
    out.println();
    TextTable table = TextTable.withHeader("NAME", "ALIASES", "TARGET", "JAR");
    for (LossInfo info : losses) {
      table.row(
          info.name(),
          info.aliases().isEmpty() ? "-" : String.join(", ", info.aliases()),
          lower(info.targetKind()),
          info.source());
    }
    table.print(out, "");
    for (LossInfo info : losses) {
      out.println();
      out.println(info.name() + (info.summary().isEmpty() ? "" : ": " + info.summary()));
      List<ParameterInfo> own =
          info.parameters().stream()
              .filter(p -> !COMMON.contains(p.name()))
              .collect(Collectors.toList());
      if (own.isEmpty()) {
        out.println("  no parameters of its own");
      } else {
        parameterTable(own).print(out, "  ");
      }
    }
    out.println();
    out.println("Every loss also takes:");
    commonParameters(losses, out);
    if (!problems.isEmpty()) {
      out.println();
      out.println("Problems:");
      for (LossProviderException p : problems) {
        out.println(
            "  " + kind(p).toUpperCase(Locale.ROOT) + " " + p.name() + ": " + p.getMessage());
      }
    }
  }

  private static void commonParameters(List<LossInfo> losses, PrintWriter out) {
    if (losses.isEmpty()) {
      out.println("  weight, weighted, target and output.");
      return;
    }
    List<ParameterInfo> common =
        COMMON.stream()
            .flatMap(name -> losses.stream().flatMap(l -> l.parameter(name).stream()).limit(1))
            .collect(Collectors.toList());
    parameterTable(common).print(out, "  ");
    for (LossInfo l : losses) {
      if (!l.outputParameters().equals(List.of(LossInfo.OUTPUT))) {
        out.println(
            "  ("
                + l.name()
                + " takes no 'output': it reads "
                + String.join(" and ", l.outputParameters())
                + ")");
      }
    }
  }

  private static TextTable parameterTable(List<ParameterInfo> parameters) {
    TextTable table = TextTable.withColumns(5);
    for (ParameterInfo p : parameters) {
      table.row(
          p.name(),
          lower(p.type()),
          "default " + shown(p.defaultValue()),
          p.accepted(),
          p.description());
    }
    return table;
  }

  private static String shown(Object value) {
    String text = String.valueOf(value);
    return value instanceof String && (text.isEmpty() || text.contains(" "))
        ? "'" + text + "'"
        : text;
  }

  /** The JSON listing: {@code {"losses": [...], "problems": [...]}}. */
  static void json(List<LossInfo> losses, List<LossProviderException> problems, PrintWriter out)
      throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ArrayNode list = root.putArray("losses");
    for (LossInfo info : losses) {
      ObjectNode l = list.addObject();
      l.put("name", info.name());
      info.aliases().forEach(l.putArray("aliases")::add);
      l.put("summary", info.summary());
      l.put("target", lower(info.targetKind()));
      l.put("class", info.type().getName());
      l.put("jar", info.source());
      info.outputParameters().forEach(l.putArray("outputParameters")::add);
      ArrayNode params = l.putArray("parameters");
      for (ParameterInfo p : info.parameters()) {
        ObjectNode n = params.addObject();
        n.put("name", p.name());
        n.put("type", lower(p.type()));
        n.set("default", mapper.valueToTree(p.defaultValue()));
        n.put("accepted", p.accepted());
        if (!p.choices().isEmpty()) {
          p.choices().forEach(n.putArray("choices")::add);
        }
        n.put("description", p.description());
        n.put("common", COMMON.contains(p.name()));
      }
    }
    ArrayNode bad = root.putArray("problems");
    for (LossProviderException p : problems) {
      ObjectNode n = bad.addObject();
      n.put("kind", kind(p));
      n.put("name", p.name());
      p.classNames().forEach(n.putArray("classes")::add);
      n.put("message", p.getMessage());
    }
    out.println(mapper.writeValueAsString(root));
  }

  private static String kind(LossProviderException p) {
    return p instanceof LossConflictException ? "conflict" : "broken";
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
