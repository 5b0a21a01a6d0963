package io.github.javanets.loss.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.javanets.loss.ClassificationLoss;
import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/** Every case of the spec's losses-reference.json, in DOUBLE, to 1e-9. */
class ReferenceValuesTest {
  private static final double TOLERANCE = 1e-9;
  private static JsonNode reference;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = ReferenceValuesTest.class.getResourceAsStream("/losses-reference.json")) {
      reference = new ObjectMapper().readTree(in);
    }
  }

  static Stream<Arguments> cases() throws IOException {
    load();
    List<Arguments> cases = new ArrayList<>();
    for (JsonNode c : reference.get("cases")) {
      cases.add(Arguments.of(c.get("case").asText(), c));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reproducesTheReferenceValue(String name, JsonNode c) {
    Map<String, Object> params = new LinkedHashMap<>();
    c.get("params")
        .fields()
        .forEachRemaining(
            e ->
                params.put(
                    e.getKey(),
                    e.getValue().isNumber()
                        ? (Object) e.getValue().asDouble()
                        : e.getValue().asText()));
    Loss loss = LossRegistry.discover().create(c.get("loss").asText(), params);
    Map<String, INDArray> outputs = new LinkedHashMap<>();
    if (c.has("output")) {
      outputs.put("out", array(c.get("output")));
    } else {
      outputs.put("mean", array(c.get("mean")));
      outputs.put("covar", array(c.get("covar")));
    }
    INDArray weights = c.has("weights") ? array(c.get("weights")) : null;
    double value = loss.value(outputs, array(c.get("target")), weights);
    assertThat(value).isCloseTo(c.get("expected").asDouble(), within(TOLERANCE));
  }

  @Test
  void accuracyMatchesTheReference() {
    JsonNode a = reference.get("accuracy");
    ClassificationLoss xe = (ClassificationLoss) LossRegistry.discover().create("xe");
    INDArray output = array(a.get("output"));
    INDArray labels = array(a.get("labels"));
    assertThat(xe.accuracy(output, labels, null))
        .isCloseTo(a.get("unweighted").asDouble(), within(TOLERANCE));
    assertThat(xe.accuracy(output, labels, array(a.get("weights"))))
        .isCloseTo(a.get("weighted").asDouble(), within(TOLERANCE));
  }

  static INDArray array(JsonNode node) {
    List<Integer> shape = new ArrayList<>();
    JsonNode n = node;
    while (n.isArray()) {
      shape.add(n.size());
      n = n.get(0);
    }
    List<Double> values = new ArrayList<>();
    flatten(node, values);
    double[] data = values.stream().mapToDouble(Double::doubleValue).toArray();
    long[] s = shape.stream().mapToLong(Integer::longValue).toArray();
    return Nd4j.create(data, s, DataType.DOUBLE);
  }

  private static void flatten(JsonNode node, List<Double> out) {
    if (node.isArray()) {
      node.forEach(child -> flatten(child, out));
    } else {
      out.add(node.asDouble());
    }
  }
}
