package org.loadcast.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code summary.schema.json} against the summaries the code writes: it accepts the golden files, it
 * rejects a wrong type, an unknown field, a missing field and a value outside an enum, and it names
 * the same fields in the same order as the records that {@link ReportWriter} serialises.
 */
class SummarySchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @ParameterizedTest
  @ValueSource(strings = {"summary.json", "summary-calibration.json"})
  void goldenSummary_isValid(String file) throws IOException {
    assertThat(SummarySchema.validate(Files.readString(GOLDEN.resolve(file)))).isEmpty();
  }

  static Stream<Object[]> brokenSummaries() {
    return Stream.of(
        new Object[] {"seed is a string", (Consumer<ObjectNode>) s -> s.put("seed", "2024"), "$.seed", "type"},
        new Object[] {"a latency is text", (Consumer<ObjectNode>) s -> policy(s).put("p95LatencyMillis", "fast"),
            "$.policies[0].p95LatencyMillis", "type"},
        new Object[] {"a count is fractional", (Consumer<ObjectNode>) s -> policy(s).put("scaleOuts", 2.5),
            "$.policies[0].scaleOuts", "type"},
        new Object[] {"an unknown top-level field", (Consumer<ObjectNode>) s -> s.put("generatedAt", "2026-01-01"),
            "$", "additionalProperties"},
        new Object[] {"an unknown policy field", (Consumer<ObjectNode>) s -> policy(s).put("p90LatencyMillis", 1.0),
            "$.policies[0]", "additionalProperties"},
        new Object[] {"a missing required field", (Consumer<ObjectNode>) s -> policy(s).remove("cost"),
            "$.policies[0]", "required"},
        new Object[] {"calibration written as null", (Consumer<ObjectNode>) s -> s.putNull("calibration"),
            "$.calibration", "type"},
        new Object[] {"a capacity basis outside the enum",
            (Consumer<ObjectNode>) s -> ((ObjectNode) s.get("calibration").get("perInstanceCapacity")).put("basis", "guessed"),
            "$.calibration.perInstanceCapacity.basis", "enum"},
        new Object[] {"partial without its interruption", (Consumer<ObjectNode>) s -> s.put("partial", true),
            "$", "dependentRequired"},
        new Object[] {"partial written as false", (Consumer<ObjectNode>) s -> {
          s.put("partial", false);
          s.set("interruption", partialInterruption());
        }, "$.partial", "const"},
        new Object[] {"an interruption in an unknown phase", (Consumer<ObjectNode>) s -> {
          s.put("partial", true);
          s.set("interruption", partialInterruption().put("phase", "cooldown"));
        }, "$.interruption.phase", "enum"},
        new Object[] {"a timeshare above 100 %", (Consumer<ObjectNode>) s -> policy(s).put("tauU", 100.5),
            "$.policies[0].tauU", "maximum"});
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenSummaries")
  void brokenSummary_isRejectedAtItsField(String what, Consumer<ObjectNode> breakIt, String location, String keyword)
      throws IOException {
    ObjectNode summary = (ObjectNode) JSON.readTree(GOLDEN.resolve("summary-calibration.json").toFile());
    breakIt.accept(summary);
    Set<ValidationMessage> messages = SummarySchema.validate(JSON.writeValueAsString(summary));
    assertThat(messages).as(what).hasSize(1);
    ValidationMessage message = messages.iterator().next();
    assertThat(message.getInstanceLocation().toString()).isEqualTo(location);
    assertThat(message.getType()).isEqualTo(keyword);
  }

  @Test
  void partialSummary_isValid() throws IOException {
    ObjectNode summary = (ObjectNode) JSON.readTree(GOLDEN.resolve("summary-calibration.json").toFile());
    summary.put("partial", true);
    summary.set("interruption", partialInterruption());

    assertThat(SummarySchema.validate(JSON.writeValueAsString(summary))).isEmpty();
  }

  private static ObjectNode partialInterruption() {
    return JSON.valueToTree(new LoadTestInterruption("interrupted", 27, 34, "replay", 3, 10));
  }

  @Test
  void schema_namesTheRecordComponentsInOrder() throws IOException {
    JsonNode schema = SummarySchema.tree();
    Map<String, Class<? extends Record>> defs = Map.ofEntries(
        Map.entry("serviceModel", ServiceSummary.class),
        Map.entry("policy", ReportWriter.PolicySummary.class),
        Map.entry("frontier", ReportWriter.FrontierSummary.class),
        Map.entry("policyFrontier", ReportWriter.PolicyFrontier.class),
        Map.entry("frontierPoint", ReportWriter.FrontierPoint.class),
        Map.entry("verdict", ReportWriter.VerdictSummary.class),
        Map.entry("ownOperatingPoint", ReportWriter.OwnPointSummary.class),
        Map.entry("forecast", ReportWriter.ForecastSummary.class),
        Map.entry("forecastScore", ReportWriter.ForecastScore.class),
        Map.entry("calibration", CalibrationSummary.class),
        Map.entry("usl", CalibrationSummary.Usl.class),
        Map.entry("serviceTimeFit", CalibrationSummary.ServiceTimeFit.class),
        Map.entry("instanceCapacity", CalibrationSummary.InstanceCapacity.class),
        Map.entry("sizing", CalibrationSummary.Sizing.class),
        Map.entry("fidelity", ReportWriter.FidelitySummary.class),
        Map.entry("fidelityWindow", ReportWriter.FidelityWindow.class),
        Map.entry("capacity", ReportWriter.CapacitySummary.class),
        Map.entry("capacityGrowth", CapacityReport.Growth.class),
        Map.entry("capacityPlanRow", CapacityReport.PlanRow.class),
        Map.entry("capacitySizingRow", CapacityReport.SizingRow.class),
        Map.entry("interruption", LoadTestInterruption.class));
    assertThat(fieldNames(schema)).as("top level").isEqualTo(components(ReportWriter.Summary.class));
    for (var def : defs.entrySet()) {
      assertThat(fieldNames(schema.get("$defs").get(def.getKey()))).as(def.getKey())
          .isEqualTo(components(def.getValue()));
    }
    List<String> defined = new ArrayList<>();
    schema.get("$defs").fieldNames().forEachRemaining(defined::add);
    assertThat(defined).as("every closed object is checked against its record, but slo and elasticity, which are maps")
        .containsExactlyInAnyOrderElementsOf(Stream.concat(defs.keySet().stream(), Stream.of("slo", "elasticity")).toList());
  }

  private static List<String> fieldNames(JsonNode objectSchema) {
    assertThat(objectSchema.get("additionalProperties").asBoolean(true)).isFalse();
    List<String> names = new ArrayList<>();
    objectSchema.get("properties").fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> components(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName).toList();
  }

  private static ObjectNode policy(ObjectNode summary) {
    return (ObjectNode) summary.get("policies").get(0);
  }
}
