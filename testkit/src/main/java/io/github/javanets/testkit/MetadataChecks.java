package io.github.javanets.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossInfo;
import io.github.javanets.loss.LossProviderException;
import io.github.javanets.loss.LossRegistry;
import io.github.javanets.loss.ParameterInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Discovery, declaration and spec round trip. */
final class MetadataChecks {
  private static final Set<String> COMMON =
      Set.of(LossInfo.OUTPUT, LossInfo.TARGET, LossInfo.WEIGHTED, LossInfo.WEIGHT);

  private MetadataChecks() {}

  static void discovery(LossContractTest t) {
    LossRegistry registry = t.registry();
    String name = t.lossName();
    assertThat(registry.names()).as("names of the registry").contains(name);
    Class<? extends Loss> type = registry.describe(name).type();
    for (LossProviderException p : registry.problems()) {
      assertThat(p.classNames()).as("problem %s", p.getMessage()).doesNotContain(type.getName());
    }
    List<String> keys = new ArrayList<>();
    keys.add(name);
    keys.addAll(t.aliases());
    for (String key : keys) {
      for (String variant : variants(key)) {
        Loss loss = registry.create(variant);
        assertThat(loss.name()).as("name of the loss created as '%s'", variant).isEqualTo(name);
        assertThat(loss.getClass()).as("class created as '%s'", variant).isEqualTo(type);
        assertThat(registry.describe(variant).name()).as("describe('%s')", variant).isEqualTo(name);
        assertThat(loss).as("a second create('%s')", variant).isNotSameAs(registry.create(variant));
      }
    }
  }

  private static List<String> variants(String key) {
    String upper = key.toUpperCase(Locale.ROOT);
    String capital = upper.charAt(0) + key.substring(1);
    return List.of(key, upper, capital, " " + key + " ");
  }

  static void declaration(LossContractTest t) {
    LossInfo info = t.registry().describe(t.lossName());
    assertThat(info.name()).as("declared name").isEqualTo(t.lossName());
    assertThat(info.aliases()).as("declared aliases").containsExactlyElementsOf(t.aliases());
    assertThat(info.targetKind()).as("declared target kind").isEqualTo(t.targetKind());
    Map<String, Object> declared = new LinkedHashMap<>();
    for (ParameterInfo p : info.parameters()) {
      assertThat(p.description()).as("description of parameter '%s'", p.name()).isNotBlank();
      if (!COMMON.contains(p.name())) {
        declared.put(p.name(), p.defaultValue());
      }
    }
    assertThat(declared).as("declared parameters and defaults").isEqualTo(t.declaredParameters());
    assertThat(info.parameter(LossInfo.WEIGHT).orElseThrow().defaultValue()).isEqualTo(1.0);
    assertThat(info.parameter(LossInfo.WEIGHTED).orElseThrow().defaultValue()).isEqualTo(false);
    assertThat(info.parameter(LossInfo.TARGET).orElseThrow().defaultValue())
        .isEqualTo(LossInfo.DEFAULT_TARGET);
    boolean ownOutputs = !info.outputParameters().equals(List.of(LossInfo.OUTPUT));
    assertThat(info.parameter(LossInfo.OUTPUT).isPresent())
        .as("has the common parameter 'output' (only without output parameters of its own)")
        .isEqualTo(!ownOutputs);
    Loss fresh = t.registry().create(t.lossName());
    assertThat(fresh.toString()).as("spec of an unconfigured loss").isEqualTo(t.lossName());
    assertThat(fresh.weight()).as("weight of an unconfigured loss").isEqualTo(1.0);
    assertThat(fresh.weighted()).as("weighted of an unconfigured loss").isFalse();
    assertThat(fresh.targetName()).as("target of an unconfigured loss").isEqualTo("target");
  }

  static void roundTrip(LossContractTest t) {
    String name = t.lossName();
    List<String> nonDefault = new ArrayList<>();
    nonDefault.add(name + "(weight=2.5)");
    nonDefault.add(name + "(weighted=true, target=prior)");
    nonDefault.add(name + "(weight=0, target='my prior')");
    nonDefault.addAll(t.nonDefaultSpecs());
    List<String> specs = new ArrayList<>(nonDefault);
    specs.add(name);
    specs.addAll(t.configurations());
    LossRegistry registry = t.registry();
    for (String spec : specs) {
      Loss loss = registry.create(spec);
      String text = loss.toString();
      Loss again = registry.create(text);
      assertThat(again.toString()).as("spec of create('%s')", text).isEqualTo(text);
      assertThat(again.parameters())
          .as("parameters of create('%s')", text)
          .isEqualTo(loss.parameters());
      if (nonDefault.contains(spec)) {
        assertThat(text)
            .as("spec of '%s', which has non-default parameters", spec)
            .startsWith(name + "(");
      }
    }
    assertThat(registry.create(name + "(weight=2.5)").weight()).isEqualTo(2.5);
    assertThat(registry.create(name + "(weight=2.5)").toString()).isEqualTo(name + "(weight=2.5)");
  }
}
