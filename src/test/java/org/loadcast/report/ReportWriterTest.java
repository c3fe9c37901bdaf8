package org.loadcast.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loadcast.autoscale.ArrivalHistory;
import org.loadcast.autoscale.HpaPolicy;
import org.loadcast.autoscale.ScalingContext;
import org.loadcast.profile.Interpolation;
import org.loadcast.profile.RateCurve;
import org.loadcast.sim.ClusterConfig;
import org.loadcast.sim.ClusterSimulation;
import org.loadcast.sim.LatencySlo;
import org.loadcast.sim.LoadBalancing;
import org.loadcast.sim.ServiceTime;
import org.loadcast.sim.SimulationResult;
import org.loadcast.sim.SimulationSpec;

class ReportWriterTest {
  private static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>";
  private static final String HOSTILE_TEXT = "\"><script>alert(2)</script>";

  @TempDir
  Path dir;

  /** A seeded two-hour run of a small service under the HPA. */
  private static RunReport report(String policyName, String description) {
    return report(policyName, description, new ClusterConfig(2, 50, new ServiceTime.Exponential(0.1), 120, 0, 0.5,
        LoadBalancing.ROUND_ROBIN, 1), new ServiceSummary(2, 50, "exponential, mean 100.0 ms", 100, 20, "written in the test"));
  }

  private static RunReport report(String policyName, String description, ClusterConfig cluster, ServiceSummary service) {
    RateCurve curve = RateCurve.of(new double[] {0, 3600, 7200}, new double[] {5, 40, 5}, Interpolation.LINEAR, List.of());
    LatencySlo slo = new LatencySlo(95, 500);
    SimulationSpec spec = new SimulationSpec(curve, 0, 7200, cluster, slo, 2024);
    SimulationResult result = ClusterSimulation.run(spec,
        HpaPolicy.withDefaults(70, 1, 20).newAutoscaler(new ScalingContext(20, 120, ArrivalHistory.none(300))));
    return new RunReport(new RunMetadata("test", "run-1", "loadcast simulate x.yaml", "2024-01-01T00:00:00Z", 1.5,
            Map.of("x.yaml", "00")),
        "golden", description, 2024, slo,
        service,
        new DemandSummary("ramp", "UTC", 1_704_067_200L, "2024-01-01T00:00Z", 7200, 0, 1, 40, 2, 100, 0),
        List.of(new PolicyOutcome(policyName, description, result)), Optional.empty(), List.of(HOSTILE_TEXT),
        DemandedInstances.of(spec), Optional.of(policyName));
  }

  /** Seals summary.json's format; run with -Dgolden.update=true to rewrite it after a deliberate change. */
  @Test
  void summaryJson_seededRun_matchesTheGoldenFile() throws IOException {
    Path goldenFile = Path.of("src/test/resources/golden/summary.json");
    String actual = ReportWriter.summaryJson(report("reactive-hpa", "HPA"));
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(goldenFile, actual);
    }
    assertThat(actual).isEqualTo(Files.readString(goldenFile));
  }

  @Test
  void summaryJson_timeoutAndBilling_addTheirFiguresOnlyThen() throws IOException {
    ClusterConfig cluster = new ClusterConfig(2, 50, new ServiceTime.Exponential(0.1), 120, 0, 0.5,
        LoadBalancing.ROUND_ROBIN, 1, 1, 0.3, 3600, 0);
    RunReport report = report("reactive-hpa", "HPA", cluster,
        new ServiceSummary(2, 50, "exponential, mean 100.0 ms", 100, 20, "written in the test", 0.3, null, 3600.0, null));
    var totals = report.policies().get(0).result().totals();
    assertThat(totals.timedOut()).isPositive();
    assertThat(totals.billedInstanceSeconds() % 3600).isZero();
    String json = ReportWriter.summaryJson(report);
    assertThat(json).contains("\"requestTimeoutSeconds\" : 0.3").contains("\"billingGranularitySeconds\" : 3600.0")
        .contains("\"timedOutRequests\" : " + totals.timedOut())
        .contains("\"billedInstanceHours\" : " + totals.billedInstanceHours())
        .doesNotContain("warmupInitialCapacityFraction").doesNotContain("minimumBilledSeconds");
    assertThat(ReportWriter.summaryJson(report("reactive-hpa", "HPA"))).doesNotContain("timedOut").doesNotContain("billed");
  }

  @Test
  void write_createsEveryFileAndNoTemporaryOnesRemain() throws IOException {
    ReportWriter.write(report("reactive-hpa", "HPA"), dir);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("index.html", "minutes-1-reactive-hpa.csv", "summary.json");
    }
    List<String> csv = Files.readAllLines(dir.resolve("minutes-1-reactive-hpa.csv"));
    assertThat(csv).hasSize(1 + 120);
    assertThat(csv.get(0)).startsWith("minute,atEpochSeconds,arrivals,").endsWith(",desiredReplicas,demandedInstances,"
        + "timedOut,meanBootingInstances,meanWarmingInstances,meanDrainingInstances");
    assertThat(csv.get(1).split(",")[13]).matches("\\d+");
    assertThat(csv.get(1).split(",")[14]).isEqualTo("0");
  }

  @Test
  void write_html_showsTheElasticityTableWithItsDefinitions() throws IOException {
    ReportWriter.write(report("reactive-hpa", "HPA"), dir);
    String html = Files.readString(dir.resolve("index.html"));
    assertThat(html).contains("id=\"elasticity\"").contains("θU under-provisioning %").contains("ε elastic speedup")
        .contains("against reactive-hpa").contains("by Erlang C");
  }

  @Test
  void write_hostileNamesAndNotes_renderAsText() throws IOException {
    ReportWriter.write(report(HOSTILE_NAME, HOSTILE_TEXT), dir);
    String html = Files.readString(dir.resolve("index.html"));
    assertThat(html).doesNotContain(HOSTILE_NAME).doesNotContain(HOSTILE_TEXT);
    assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;");
    assertThat(html).contains("&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;");
    // inside the chart data, '<' and '>' are Unicode escapes, so the name cannot close the script element
    String data = html.substring(html.indexOf("id=\"chart-data\">"), html.indexOf("</script>", html.indexOf("id=\"chart-data\">")));
    assertThat(data).contains("\\u003Cimg src=x onerror=alert(1)\\u003E");
  }

  @Test
  void write_htmlIsSelfContained() throws IOException {
    ReportWriter.write(report("reactive-hpa", "HPA"), dir);
    String html = Files.readString(dir.resolve("index.html"));
    assertThat(html).contains("uPlot").doesNotContain("<script src=").doesNotContain("<link rel=\"stylesheet\" href=");
  }
}
