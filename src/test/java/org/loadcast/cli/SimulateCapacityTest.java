package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loadcast.report.SummarySchema;

/**
 * {@code loadcast simulate} with the experiment's capacity plan: the report carries what {@code
 * loadcast capacity} computes for the same experiment, and a growth trend that cannot be fitted
 * leaves the run standing with the reason in the report.
 */
class SimulateCapacityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SMOKE = "simulations/smoke.yaml";

  @TempDir
  Path dir;

  @Test
  void growthSection_isKnownOnlyWhenTheFileWritesIt() throws IOException {
    Experiment without = Experiments.read(Path.of(SMOKE));
    assertThat(without.growthSection()).isFalse();
    // the defaults are still there for loadcast capacity: the policies' largest maxReplicas
    assertThat(without.growth().maxInstances()).isEqualTo(20);
    assertThat(Experiments.read(Path.of("simulations/nasa-reactive-vs-predictive.yaml")).growthSection()).isTrue();
    assertThat(Experiments.read(smokeWithGrowth("")).growthSection()).isTrue();
  }

  @Test
  void simulate_withoutGrowthSection_reportHasNoCapacity() throws IOException {
    CommandRun simulate = CommandRun.of("simulate", SMOKE, "--out", dir.resolve("run").toString());
    assertThat(simulate.code()).as(simulate.err()).isZero();
    assertThat(Files.readString(dir.resolve("run/summary.json"))).doesNotContain("\"capacity\"");
    assertThat(Files.readString(dir.resolve("run/index.html"))).doesNotContain("id=\"capacity\"");
    assertThat(dir.resolve("run/series/runway.csv")).doesNotExist();
  }

  @Test
  void simulate_smoke_reportCarriesThePlanThatLoadcastCapacityGives() throws IOException {
    Path file = smokeWithGrowth("");
    CommandRun simulate = CommandRun.of("simulate", file.toString(), "--out", dir.resolve("run").toString());
    assertThat(simulate.code()).as(simulate.err()).isZero();
    CommandRun capacity = CommandRun.of("capacity", file.toString(), "--out", dir.resolve("capacity").toString());
    assertThat(capacity.code()).as(capacity.err()).isZero();
    String summaryText = Files.readString(dir.resolve("run/summary.json"));
    assertThat(SummarySchema.validate(summaryText)).isEmpty();
    JsonNode summary = JSON.readTree(summaryText).get("capacity");
    JsonNode report = JSON.readTree(dir.resolve("capacity/capacity.json").toFile());
    assertThat(summary.get("computed").asBoolean()).isTrue();
    for (String field : new String[] {"runwayKind", "runwayDate", "runwayReason", "serviceModelOrigin", "demandScale",
        "perInstanceCapacityPerSecond", "fleetSplitCapacityPerSecond", "growth", "plan", "sizing"}) {
      assertThat(summary.get(field)).as(field).isEqualTo(report.get(field));
    }
    // smoke plans 3 months with at most 20 instances
    assertThat(summary.get("plan")).hasSize(3);
    assertThat(summary.get("growth").get("maxInstances").asInt()).isEqualTo(20);
    assertThat(Files.readString(dir.resolve("run/series/capacity-plan.csv"))).isEqualTo(Files.readString(dir.resolve("capacity/plan.csv")));
    // one runway row per day from the trace's first day (1 July 1995) to the plan's last
    long days = java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.of(1995, 7, 1),
        java.time.LocalDate.parse(summary.get("growth").get("horizonEnd").asText())) + 1;
    assertThat(Files.readAllLines(dir.resolve("run/series/runway.csv"))).hasSize(1 + (int) days);
    String html = Files.readString(dir.resolve("run/index.html"));
    assertThat(html).contains("<section id=\"capacity\">").contains("id=\"runway-chart\"")
        .contains(summary.get("runwayReason").asText().replace("'", "&#39;"));
  }

  @Test
  void simulate_growthThatCannotBeFitted_succeedsAndTheReportSaysWhy() throws IOException {
    // no missing interval allowed: NASA's outages leave 5 days with a peak, no three in a row
    Path file = smokeWithGrowth("  maxMissingPercentPerDay: 0\n");
    CommandRun run = CommandRun.of("simulate", file.toString(), "--out", dir.resolve("run").toString());
    assertThat(run.code()).as(run.err()).isZero();
    String reason = "growth: the profile's demand cannot be projected: the daily peaks must hold three consecutive days "
        + "with a peak to fit ETS(A,Ad,N), but hold 5 day(s) with a peak and no three in a row";
    String html = Files.readString(dir.resolve("run/index.html"));
    assertThat(html).contains("Capacity plan not computed: " + reason.replace("'", "&#39;") + ".")
        .contains("<li>capacity plan not computed: " + reason.replace("'", "&#39;") + "</li>");
    String summaryText = Files.readString(dir.resolve("run/summary.json"));
    assertThat(SummarySchema.validate(summaryText)).isEmpty();
    JsonNode capacity = JSON.readTree(summaryText).get("capacity");
    assertThat(capacity.get("computed").asBoolean()).isFalse();
    assertThat(capacity.get("notComputedReason").asText()).isEqualTo(reason);
    assertThat(dir.resolve("run/series/runway.csv")).doesNotExist();
  }

  /** Copies smoke.yaml with a growth section of 3 months and at most 20 instances, plus some lines of it. */
  private Path smokeWithGrowth(String moreLines) throws IOException {
    return ExperimentCopy.of(SMOKE, dir, text -> text + "\ngrowth:\n  horizonMonths: 3\n  maxInstances: 20\n" + moreLines);
  }
}
