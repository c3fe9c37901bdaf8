package org.loadcast.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
  static RunReport report(String policyName, String description) {
    return report(policyName, description, new ClusterConfig(2, 50, new ServiceTime.Exponential(0.1), 120, 0, 0.5,
        LoadBalancing.ROUND_ROBIN, 1), new ServiceSummary(2, 50, "exponential, mean 100.0 ms", 100, 20, "written in the test"));
  }

  private static RunReport report(String policyName, String description, ClusterConfig cluster, ServiceSummary service) {
    RateCurve curve = RateCurve.of(new double[] {0, 3600, 7200}, new double[] {5, 40, 5}, Interpolation.LINEAR, List.of());
    LatencySlo slo = new LatencySlo(95, 500);
    SimulationSpec spec = new SimulationSpec(curve, 0, 7200, cluster, slo, 2024);
    SimulationResult result = ClusterSimulation.run(spec,
        HpaPolicy.withDefaults(70, 1, 20).newAutoscaler(new ScalingContext(20, 120, ArrivalHistory.none(300))));
    List<CostFrontier.Point> points = new java.util.ArrayList<>();
    for (int target : new int[] {50, 70, 90}) {
      SimulationResult run = target == 70 ? result : ClusterSimulation.run(spec,
          HpaPolicy.withDefaults(target, 1, 20).newAutoscaler(new ScalingContext(20, 120, ArrivalHistory.none(300))));
      points.add(new CostFrontier.Point(target, run.totals().cost(), run.totals().sloViolationMinutes(),
          run.totals().instanceHours(), target == 70));
    }
    Frontiers frontiers = Frontiers.of(Optional.of(policyName), List.of(CostFrontier.of(policyName, "targetUtilizationPercent", points)));
    ForecastEvaluation forecast = new ForecastEvaluation(300, 2, 4032, 288, 288, 2016, ForecastEvaluation.GOAL_RATIO,
        List.of(new ForecastEvaluation.MethodScore(new ForecastEvaluation.Score("Holt-Winters", 0.15, 20.5, 0.4), 0.9, false)),
        new ForecastEvaluation.Score("naive (last value)", 0.1667, 22.25, 0.45),
        new ForecastEvaluation.Score("seasonal naive", 0.25, 30, Double.NaN), horizon());
    return new RunReport(new RunMetadata("test", "run-1", "loadcast simulate x.yaml", "2024-01-01T00:00:00Z", 1.5,
            Map.of("x.yaml", "00")),
        "golden", description, 2024, slo,
        service,
        new DemandSummary("ramp", "UTC", 1_704_067_200L, "2024-01-01T00:00Z", 7200, 0, 1, 40, 2, 100, 0),
        List.of(new PolicyOutcome(policyName, description, result)), Optional.empty(), List.of(HOSTILE_TEXT),
        DemandedInstances.of(spec), Optional.of(policyName), Optional.of(frontiers), Optional.of(forecast));
  }

  /** A 2-hour horizon of 5-minute buckets: a ramp up and down, and a forecast one bucket late, NaN at first. */
  private static ForecastEvaluation.Horizon horizon() {
    double[] actual = new double[24];
    double[] late = new double[24];
    for (int b = 0; b < 24; b++) {
      actual[b] = 5 + 35 * (1 - Math.abs(b - 12) / 12.0);
      late[b] = b == 0 ? Double.NaN : 5 + 35 * (1 - Math.abs(b - 13) / 12.0);
    }
    return new ForecastEvaluation.Horizon(actual, Map.of("Holt-Winters", late));
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

  /** The golden run with a load test and its calibration figures. */
  private static RunReport calibrated() {
    org.loadcast.capacity.ServiceCalibration calibration = org.loadcast.capacity.ServiceCalibration.fromProbe(
        org.loadcast.capacity.SyntheticProbe.steps(1));
    LoadTestSummary loadTest = new LoadTestSummary("http://127.0.0.1:1", calibration, 720, 0.5, 70,
        List.of(new LoadTestSummary.ReplaySecond(0, 10, 10, 9, 0, 45.5)), "",
        new Fidelity(10, 0.85, 20, List.of(new Fidelity.Window(0, 400, 0.45, 42.0, 90.0, 41.0, 88.0, true),
            new Fidelity.Window(10, 800, 0.9, 60.0, 150.0, 70.0, 200.0, false)), 1, 100.0 / 42, 200.0 / 90, -100.0 / 42,
            -200.0 / 90, 2.5, 2),
        List.of(new LoadTestSummary.PhaseCounts("probe", 50, 3000, 2990, 0, Map.of("HTTP 200", 2990L)),
            new LoadTestSummary.PhaseCounts("replay", 120, 4000, 4000, 3,
                new java.util.TreeMap<>(Map.of("no response", 1L, "HTTP 200", 3997L)))));
    RunReport base = report("reactive-hpa", "HPA");
    CalibrationSummary summary = new CalibrationSummary(
        new CalibrationSummary.Usl(true, null, 10, 0.2628, 1.335e-4, 26.85, false, 74.31, 95.04, 308.8),
        new CalibrationSummary.ServiceTimeFit(37.38, 0.5162, 43.03, 120, List.of(10.0, 20.0), 0.3, 1.0534),
        78.43, new CalibrationSummary.InstanceCapacity("simulated", 88.25, 90, true, 74.01, 78.43, 88.25),
        new CalibrationSummary.Sizing(1236, 15, 17, null, 15, 0.76, null));
    return new RunReport(base.metadata(), base.experiment(), base.description(), base.seed(), base.slo(), base.service(),
        base.demand(), base.policies(), Optional.of(loadTest), base.notes(), base.demanded(), base.elasticityReference(),
        base.frontiers(), base.forecast()).withCalibration(summary);
  }

  /** Seals the calibration part of summary.json; -Dgolden.update=true rewrites it. */
  @Test
  void summaryJson_withCalibration_matchesTheGoldenFile() throws IOException {
    Path goldenFile = Path.of("src/test/resources/golden/summary-calibration.json");
    String actual = ReportWriter.summaryJson(calibrated());
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(goldenFile, actual);
    }
    assertThat(actual).isEqualTo(Files.readString(goldenFile));
    assertThat(actual).contains("\"calibration\"");
    assertThat(ReportWriter.summaryJson(report("reactive-hpa", "HPA"))).doesNotContain("\"calibration\"");
  }

  @Test
  void write_html_showsTheCalibrationSectionWithTheUslChart() throws IOException {
    ReportWriter.write(calibrated(), dir);
    String html = Files.readString(dir.resolve("index.html"));
    assertThat(html).contains("<h2>Calibration</h2>").contains("id=\"usl-chart\"")
        .contains("σ = 0.2628, κ = 1.335E-4").contains("λ = 26.85 requests per second")
        .contains("peak throughput 95.0 per second at N = 74.3")
        .contains("measured on the steps at 10, 20 requests per second")
        .contains("78.4 requests per second (simulated)")
        .contains("Erlang C pooled 15, random split 17").contains("simulated round-robin with the measured histogram 15");
    String chart = ReportWriter.scriptJson(ChartData.of(calibrated()));
    // the ten probe points are all used, and the fitted curve is drawn at them and on the grid
    assertThat(chart).contains("\"usl\":{\"concurrency\":[");
    ChartData.UslSeries usl = ChartData.of(calibrated()).usl();
    assertThat(java.util.Arrays.stream(usl.usedThroughput()).filter(java.util.Objects::nonNull).count()).isEqualTo(10);
    assertThat(usl.fittedThroughput()).doesNotContainNull();
  }

  @Test
  void write_html_showsEachPhaseOfTheLoadTestWithItsErrorsAndTheRunMetadata() throws IOException {
    ReportWriter.write(calibrated(), dir);
    String html = Files.readString(dir.resolve("index.html"));
    assertThat(html).contains("<td>probe</td><td>50</td><td>3000</td><td>2990</td>")
        .contains("<td>replay</td><td>120</td><td>4000</td><td>4000</td>\n        <td class=\"bad\">3</td><td>0.07</td>")
        .contains("HTTP 200: 3997, no response: 1")
        .contains("<tr><th>experiment</th><td>golden</td></tr>").contains("<tr><th>seed</th><td>2024</td></tr>")
        .contains("<tr><th>command</th><td>loadcast simulate x.yaml</td></tr>").contains("2024-01-01T00:00:00Z")
        .contains("x.yaml · sha256 00");
  }

  @Test
  void write_loadTestWithHotspotsAndDashboard_endsWithThemAndWritesTheFlameGraph() throws IOException {
    RunReport report = RunReportFixture.withEverySection(new RunReportFixture.Texts("e", "d", List.of("GET /cart", "hpa-50"),
        List.of("a", "b"), List.of()));
    ReportWriter.write(report, dir);
    String html = Files.readString(dir.resolve("index.html"));
    // the dashboard's copy, then the hotspots, come after the load test, calibration and capacity, before the notes and run
    assertThat(html.indexOf("<section id=\"dashboard\">")).isGreaterThan(html.indexOf("<section id=\"calibration\">"));
    assertThat(html.indexOf("<section id=\"hotspots\">")).isGreaterThan(html.indexOf("<section id=\"dashboard\">"))
        .isLessThan(html.indexOf("<section id=\"run\">"));
    assertThat(html).contains("<h2>Live dashboard, as it ended</h2>", "<h2>Hotspots</h2>",
        "2 of 2 methods account for 90 % of the CPU samples (10 samples).",
        "<td class=\"desc\"><code>shop.GET /cart.render</code></td><td>7</td><td>70.0</td>",
        "<a href=\"flamegraph.html\">Flame graph</a>", "The embedded system under test.");
    // GET /cart: half the requests at 40 ms (120 ms at the end) against GET /home's 10 ms: most of the time
    assertThat(html).containsPattern("<td class=\"desc\">GET /cart</td><td>\\d+</td>");
    assertThat(html.indexOf("<td class=\"desc\">GET /cart</td>")).isLessThan(html.indexOf("<td class=\"desc\">GET /home</td>"));
    assertThat(html).contains("<td class=\"bad\">+200</td>");
    String flame = Files.readString(dir.resolve("flamegraph.html"));
    assertThat(flame).contains("<canvas", "Flame graph: The embedded system under test").contains("shop.GET /cart.render");

    ChartData.DashboardSeries dash = ChartData.of(report).dashboard();
    assertThat(dash.bucketSeconds()).isEqualTo(1);
    assertThat(dash.second()).hasSize(41); // the last requests complete in second 40
    assertThat(dash.phases()).containsExactly(new ChartData.DashboardSeries.PhaseSpan("probe", 0, 9),
        new ChartData.DashboardSeries.PhaseSpan("drain", 10, 12), new ChartData.DashboardSeries.PhaseSpan("replay", 13, 40));
    assertThat(dash.names()).containsExactly("GET /cart", "GET /home");
    assertThat(dash.errorLabels()).containsExactly("HTTP 503");
    assertThat(dash.errorsPerSecond().get(0)[35]).isEqualTo(1.0);
    assertThat(dash.startedPerSecond()[3]).isEqualTo(20.0);
    assertThat(dash.startedPerSecond()[11]).isEqualTo(0.0);
    assertThat(dash.targetPerSecond()[20]).isEqualTo(30.0);
    assertThat(dash.p50LatencyMillis().get(0)[20]).isCloseTo(40, within(0.1));
    assertThat(dash.p99LatencyMillis().get(0)[25]).isCloseTo(120, within(0.2));
    assertThat(dash.p50LatencyMillis().get(1)[11]).isNull(); // nothing sent in the drain
    assertThat(dash.busyWorkers()[5]).isEqualTo(2.0);
  }

  @Test
  void write_noProfiledCode_writesNoFlameGraph() throws IOException {
    ReportWriter.write(calibrated(), dir);
    assertThat(dir.resolve("flamegraph.html")).doesNotExist();
    assertThat(Files.readString(dir.resolve("index.html"))).doesNotContain("<section id=\"dashboard\">", "<section id=\"hotspots\">");
  }

  @Test
  void write_html_showsTheFidelityVerdictAndChart() throws IOException {
    ReportWriter.write(calibrated(), dir);
    String html = Files.readString(dir.resolve("index.html"));
    assertThat(html).contains("id=\"fidelity-chart\"").contains("class=\"verdict-ok\"")
        .contains("simulated against measured over 1 window of 10 s: p50 error 2.4 % (bias -2.4 %: simulated below measured), p95 error 2.2 %");
    ChartData.FidelitySeries f = ChartData.of(calibrated()).fidelity();
    assertThat(f.second()).containsExactly(0, 10);
    assertThat(f.predictedP95()).containsExactly(88.0, 200.0);
    assertThat(f.utilizationPercent()).containsExactly(45.0, 90.0);
  }

  @Test
  void write_html_uslNotFitted_showsTheReason() throws IOException {
    RunReport c = calibrated();
    CalibrationSummary old = c.calibration().orElseThrow();
    CalibrationSummary notFitted = new CalibrationSummary(new CalibrationSummary.Usl(false, "the USL needs at least 6 "
        + "probe steps, but only 5 of the 5 could be used", 5, null, null, null, null, null, null, null),
        old.serviceTime(), old.perInstanceCapacityPerSecond(), old.perInstanceCapacity(), null);
    ReportWriter.write(c.withCalibration(notFitted), dir);
    assertThat(Files.readString(dir.resolve("index.html")))
        .contains("The USL was not fitted: the USL needs at least 6 probe steps, but only 5 of the 5 could be used.")
        .doesNotContain("instances for the peak demand");
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
    assertThat(SummarySchema.validate(json)).isEmpty();
    assertThat(ReportWriter.summaryJson(report("reactive-hpa", "HPA"))).doesNotContain("timedOut").doesNotContain("billed");
  }

  @Test
  void write_createsEveryFileAndNoTemporaryOnesRemain() throws IOException {
    ReportWriter.write(report("reactive-hpa", "HPA"), dir);
    try (var files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList())
          .containsExactly("index.html", "series/1-reactive-hpa-cost.csv", "series/1-reactive-hpa-instances.csv",
              "series/1-reactive-hpa-latency.csv", "series/1-reactive-hpa-scaling-actions.csv", "series/demand.csv",
              "series/forecast.csv", "series/frontier.csv", "summary.json", "summary.schema.json");
    }
    assertThat(Files.readString(dir.resolve("summary.schema.json"))).isEqualTo(ReportWriter.resource(ReportWriter.SUMMARY_SCHEMA));
    assertThat(SummarySchema.validate(Files.readString(dir.resolve("summary.schema.json")),
        Files.readString(dir.resolve("summary.json")))).isEmpty();
    List<String> latency = Files.readAllLines(dir.resolve("series/1-reactive-hpa-latency.csv"));
    assertThat(latency).hasSize(1 + 120);
    assertThat(latency.get(0)).isEqualTo("atEpochSeconds,minute,arrivals,completed,dropped,timedOut,overSlo,p50LatencyMillis,"
        + "p95LatencyMillis,p99LatencyMillis,sloPercentileLatencyMillis,sloViolated");
    assertThat(latency.get(1)).startsWith("1704067200,0,");
    assertThat(latency.get(120)).startsWith("1704074340,119,");
  }

  /** The series add up to the run's totals: arrivals, instance-hours, cost, scaling actions. */
  @Test
  void write_series_addUpToTheTotals() throws IOException {
    RunReport report = report("reactive-hpa", "HPA");
    var totals = report.policies().get(0).result().totals();
    ReportWriter.write(report, dir);
    List<String[]> demand = rows(dir.resolve("series/demand.csv"));
    assertThat(demand.stream().mapToLong(r -> Long.parseLong(r[2])).sum()).isEqualTo(totals.arrivals());
    List<String[]> cost = rows(dir.resolve("series/1-reactive-hpa-cost.csv"));
    assertThat(Double.parseDouble(cost.get(cost.size() - 1)[3])).isCloseTo(totals.instanceHours(), org.assertj.core.data.Offset.offset(1e-5));
    assertThat(Double.parseDouble(cost.get(cost.size() - 1)[4])).isCloseTo(totals.cost(), org.assertj.core.data.Offset.offset(1e-5));
    assertThat(rows(dir.resolve("series/1-reactive-hpa-scaling-actions.csv"))).hasSize(totals.scaleOuts() + totals.scaleIns());
    List<String[]> latency = rows(dir.resolve("series/1-reactive-hpa-latency.csv"));
    assertThat(latency.stream().filter(r -> r[11].equals("true")).count()).isEqualTo(totals.sloViolationMinutes());
    List<String[]> forecast = rows(dir.resolve("series/forecast.csv"));
    assertThat(forecast).hasSize(24);
    assertThat(forecast.get(0)[5]).isEmpty();
    assertThat(forecast.get(13)[4]).isEqualTo(forecast.get(14)[5]);
  }

  private static List<String[]> rows(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    return lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
  }

  /**
   * Seals every CSV of a run with a load test, frontiers and a forecast; -Dgolden.update=true
   * rewrites them. Version and time are stubbed in the fixture, and none of them is in a CSV.
   */
  @Test
  void write_series_matchTheGoldenFilesAndAreByteIdenticalTwice() throws IOException {
    ReportWriter.write(calibrated(), dir.resolve("a"));
    ReportWriter.write(calibrated(), dir.resolve("b"));
    Path golden = Path.of("src/test/resources/golden/series");
    List<Path> csvs;
    try (var files = Files.list(dir.resolve("a/series"))) {
      csvs = files.sorted().toList();
    }
    assertThat(csvs.stream().map(p -> p.getFileName().toString())).contains("replay.csv", "fidelity.csv", "forecast.csv");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(golden);
      for (Path csv : csvs) {
        Files.copy(csv, golden.resolve(csv.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    try (var files = Files.list(golden)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .isEqualTo(csvs.stream().map(p -> p.getFileName().toString()).toList());
    }
    for (Path csv : csvs) {
      assertThat(Files.readString(csv)).as(csv.getFileName().toString())
          .isEqualTo(Files.readString(golden.resolve(csv.getFileName())))
          .isEqualTo(Files.readString(dir.resolve("b/series").resolve(csv.getFileName())));
    }
    for (String file : List.of("index.html", "summary.json")) {
      assertThat(Files.readString(dir.resolve("a").resolve(file))).isEqualTo(Files.readString(dir.resolve("b").resolve(file)));
    }
  }

  @Test
  void write_html_namesTheWinnerOfEachCriterionAndDrawsTheTimeline() throws IOException {
    ReportWriter.write(calibrated(), dir);
    String html = Files.readString(dir.resolve("index.html"));
    assertThat(html).contains("id=\"timeline\"").contains("id=\"demand-chart\"").contains("id=\"cost-chart\"")
        .contains("id=\"policy-charts\"").contains("id=\"forecast-chart\"");
    ChartData data = ChartData.of(calibrated());
    assertThat(data.bucketMinutes()).isEqualTo(1);
    assertThat(data.time()).hasSize(120);
    ChartData.PolicySeries p = data.policies().get(0);
    var totals = calibrated().policies().get(0).result().totals();
    assertThat(p.cumulativeCost()[119]).isCloseTo(totals.cost(), org.assertj.core.data.Offset.offset(1e-3));
    assertThat(p.actions()).hasSize(totals.scaleOuts() + totals.scaleIns());
    for (int i = 0; i < 120; i++) {
      // stacked: ready <= ready + warming <= ... <= paid
      assertThat(p.readyInstances()[i]).isLessThanOrEqualTo(p.readyWarmingInstances()[i]);
      assertThat(p.readyWarmingInstances()[i]).isLessThanOrEqualTo(p.readyWarmingBootingInstances()[i]);
      assertThat(p.readyWarmingBootingInstances()[i]).isLessThanOrEqualTo(p.paidInstances()[i] + 1e-3);
    }
    assertThat(data.forecast().methods()).containsExactly("Holt-Winters");
    assertThat(data.forecast().time()).hasSize(24);
    assertThat(data.forecast().time()[1] - data.forecast().time()[0]).isEqualTo(300);
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

  @Test
  void write_html_showsTheFrontierSectionAndTheForecastTable() throws IOException {
    ReportWriter.write(report("reactive-hpa", "HPA"), dir);
    String html = Files.readString(dir.resolve("index.html"));
    assertThat(html).contains("id=\"frontier\"").contains("id=\"frontier-chart\"")
        .contains("<td>targetUtilizationPercent 90</td>").contains("operating point, on the frontier")
        .contains("id=\"forecast\"").contains("<td>seasonal naive</td>").contains("<td>0.900</td>");
    String data = html.substring(html.indexOf("id=\"chart-data\">"), html.indexOf("</script>", html.indexOf("id=\"chart-data\">")));
    assertThat(data).contains("\"frontiers\":[{\"name\":\"reactive-hpa\",\"frontierCost\":[");
  }
}
