package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's done-when: {@code report compare} on two runs of the NASA experiment that differ in one
 * policy parameter, the HPA's target utilization 75 % against 60 %. The copies of the experiment turn
 * the frontier sweeps off, keep two policies (the HPA and AWS target tracking, which does not change)
 * and simulate the last 2 days of the trace instead of 7. Even so the two simulations took 34 s on a
 * quiet two-core machine and 81 s on a busy one (the 7-day horizon took 230 s), hence an IT.
 */
class ReportCompareIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  /** The NASA experiment with the HPA at a target, two policies and no sweeps, written into the temp dir. */
  private Path experiment(int targetUtilizationPercent) throws IOException {
    String text = Files.readString(Path.of("simulations/nasa-reactive-vs-predictive.yaml"));
    String profile = Path.of("traffic-profiles/nasa-kennedy-1995.yaml").toAbsolutePath().toString();
    String head = text.substring(0, text.indexOf("\npolicies:") + 1)
        .replace("profile: ../traffic-profiles/nasa-kennedy-1995.yaml", "profile: " + profile)
        .replace("horizonSeconds: 604800", "horizonSeconds: 172800");
    assertThat(head).contains("horizonSeconds: 172800").contains("profile: " + profile);
    String policies = String.format(Locale.ROOT, """
        policies:
          - name: reactive-hpa
            type: hpa
            targetUtilizationPercent: %d
            minReplicas: 2
            maxReplicas: 100
          - name: aws-target-tracking
            type: target-tracking
            targetUtilizationPercent: 75
            minCapacity: 2
            maxCapacity: 100
        frontier:
          enabled: false
        """, targetUtilizationPercent);
    return Files.writeString(dir.resolve("nasa-hpa-" + targetUtilizationPercent + ".yaml"), head + policies);
  }

  private Path simulate(int targetUtilizationPercent) throws IOException {
    Path out = dir.resolve("hpa-" + targetUtilizationPercent);
    CommandRun r = CommandRun.of("simulate", experiment(targetUtilizationPercent).toString(), "--out", out.toString(),
        "--progress", "never");
    assertThat(r.code()).as(r.err()).isZero();
    return out;
  }

  @Test
  void compare_nasaRunsDifferingInTheHpaTarget_deltasAreTheSummariesDifferences() throws IOException {
    long started = System.nanoTime();
    Path a = simulate(75);
    Path b = simulate(60);
    CommandRun r = CommandRun.of("report", "compare", a.toString(), b.toString(), "--out", dir.resolve("c").toString());
    System.out.printf(Locale.ROOT, "ReportCompareIT: two 2-day NASA simulations and the comparison in %.1f s%n",
        (System.nanoTime() - started) / 1e9);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("A: hpa-75 (nasa-reactive-vs-predictive, seed 19950721)").doesNotContain("WARNING")
        .contains("reactive-hpa: SLO-violation minutes").contains("report: " + dir.resolve("c/index.html"));
    JsonNode compare = JSON.readTree(dir.resolve("c/compare.json").toFile());
    JsonNode summaryA = JSON.readTree(a.resolve("summary.json").toFile());
    JsonNode summaryB = JSON.readTree(b.resolve("summary.json").toFile());
    assertThat(compare.get("likeForLike").asBoolean()).isTrue();
    assertThat(compare.get("onlyInA")).isEmpty();
    assertThat(compare.get("onlyInB")).isEmpty();
    assertThat(compare.get("policies")).hasSize(2);
    int checked = 0;
    for (int p = 0; p < 2; p++) {
      JsonNode policy = compare.get("policies").get(p);
      JsonNode inA = summaryA.get("policies").get(p);
      JsonNode inB = summaryB.get("policies").get(p);
      assertThat(policy.get("name").asText()).isEqualTo(inA.get("name").asText()).isEqualTo(inB.get("name").asText());
      for (JsonNode m : policy.get("metrics")) {
        String field = m.get("metric").asText();
        JsonNode va = inA.get(field);
        JsonNode vb = inB.get(field);
        assertThat(m.get("a")).as(field).isEqualTo(va);
        assertThat(m.get("b")).as(field).isEqualTo(vb);
        if (va.isNull() || vb.isNull()) {
          assertThat(m.get("delta").isNull()).as(field).isTrue();
        } else if (va.isIntegralNumber() && vb.isIntegralNumber()) {
          assertThat(m.get("delta").asLong()).as(field).isEqualTo(vb.asLong() - va.asLong());
        } else {
          assertThat(m.get("delta").asDouble()).as(field).isEqualTo(vb.asDouble() - va.asDouble());
        }
        checked++;
      }
    }
    assertThat(checked).isEqualTo(2 * 21);
    JsonNode hpa = compare.get("policies").get(0);
    // the lower target keeps more instances: it costs more and violates the SLO no more often
    assertThat(metric(hpa, "cost").get("delta").asDouble()).isPositive();
    assertThat(metric(hpa, "cost").get("better").asText()).isEqualTo("A");
    assertThat(metric(hpa, "instanceHours").get("delta").asDouble()).isPositive();
    assertThat(metric(hpa, "sloViolationMinutes").get("delta").asLong()).isNotPositive();
    assertThat(metric(hpa, "arrivals").get("delta").asLong()).isZero();
    // AWS target tracking did not change, and neither did its demand or its seed; only its elastic
    // speedup, which is measured against the HPA's elasticity, moves
    for (JsonNode m : compare.get("policies").get(1).get("metrics")) {
      if (m.get("metric").asText().equals("elasticSpeedup")) {
        assertThat(m.get("delta").asDouble()).isNotZero();
        continue;
      }
      assertThat(m.get("delta").isNull() || m.get("delta").asDouble() == 0).as(m.get("metric").asText()).isTrue();
      assertThat(m.get("better").isNull() || m.get("better").asText().equals("same")).isTrue();
    }
    assertThat(Files.readString(dir.resolve("c/index.html"))).contains("class=\"chart\"");
  }

  private static JsonNode metric(JsonNode policy, String field) {
    for (JsonNode m : policy.get("metrics")) {
      if (m.get("metric").asText().equals(field)) {
        return m;
      }
    }
    throw new AssertionError("no metric " + field);
  }
}
