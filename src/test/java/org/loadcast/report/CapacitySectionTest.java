package org.loadcast.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run report's capacity section: the runway sentence, chart and tables in {@code index.html},
 * {@code capacity} in {@code summary.json}, and {@code series/runway.csv} and {@code series/capacity-plan.csv},
 * from a hand-built plan of three history days and three projected days.
 */
class CapacitySectionTest {
  private static final String SENTENCE = "The fleet of at most 4 instances runs out on 1995-07-06: <b>test</b>.";

  @TempDir
  Path dir;

  /** Three days of history, three projected, one month, the runway reached on the third projected day. */
  static CapacityReport plan() {
    CapacityReport.Growth growth = new CapacityReport.Growth("damped", "ETS(A,Ad,N)", 1, 95, 3600, 5, 4, 3, List.of(),
        300, 0.5, 0.1, 0.9, 1.5, "1995-07-01", "1995-07-03", "1995-07-06");
    List<CapacityReport.PlanRow> rows = List.of(new CapacityReport.PlanRow("1995-07-04", "1995-07-31", "1995-07-06",
        30, 20, 45.5, 4, 5, 5, 11.52, null));
    List<CapacityReport.SizingRow> sizing = List.of(
        new CapacityReport.SizingRow("history peak 1995-07-02", 25, 2, 3, 3, 0.5, null),
        new CapacityReport.SizingRow("upper peak 1995-07-06", 45.5, 4, 5, null, null, "not simulated: at most 6 simulated sizings"));
    return new CapacityReport("nasa", "d", 7, "America/New_York", 95, 250, 4, 40, "the experiment's simulation.service",
        0.096, 0.5, growth, null, null, null, null, null, "no load-test results given", 11, 12.5, 100, 44, 50, "reached",
        "1995-07-06", SENTENCE, rows, sizing,
        List.of(new CapacityReport.PeakDay("1995-07-01", 20, "1995-07-01T13:00-04:00", 0),
            new CapacityReport.PeakDay("1995-07-02", 25.25, "1995-07-02T14:00-04:00", 1),
            new CapacityReport.PeakDay("1995-07-03", 22, "1995-07-03T12:00-04:00", 0)),
        List.of(),
        List.of(new CapacityReport.ProjectedDay("1995-07-04", 15, 24, 33),
            new CapacityReport.ProjectedDay("1995-07-05", 16, 26, 40),
            new CapacityReport.ProjectedDay("1995-07-06", 17, 30, 45.5)));
  }

  private static RunReport withPlan() {
    return ReportWriterTest.report("reactive-hpa", "HPA").withCapacity(plan());
  }

  @Test
  void write_withCapacity_showsTheRunwaySentenceChartAndTables() throws IOException {
    ReportWriter.write(withPlan(), dir);
    String html = Files.readString(dir.resolve("index.html"));
    String section = html.substring(html.indexOf("<section id=\"capacity\">"), html.indexOf("</section>",
        html.indexOf("<section id=\"capacity\">")));
    assertThat(section).contains("<p><b>The fleet of at most 4 instances runs out on 1995-07-06: &lt;b&gt;test&lt;/b&gt;.</b></p>")
        .contains("<div id=\"runway-chart\" class=\"chart\"></div>")
        .contains("<td>1995-07-04 – 1995-07-31</td><td>1995-07-06</td>")
        .contains("<td>20.0</td><td>30.0</td>").contains("<td>45.5</td>").contains("<td>11.52</td>")
        .contains("<td>history peak 1995-07-02</td><td>25.0</td>").contains("not simulated: at most 6 simulated sizings")
        .contains("4 instances × 11.0").contains("= 44.0 per second").contains("3 days with a peak");
    // the section follows the calibration's place and precedes the notes; the drawing function is included once
    assertThat(html.indexOf("id=\"capacity\"")).isLessThan(html.indexOf("id=\"notes\""))
        .isGreaterThan(html.indexOf("id=\"model\""));
    assertThat(html.split("function drawRunwayChart", -1)).hasSize(2);
    assertThat(html).contains("drawRunwayChart(data.runway, document.getElementById('runway-chart'), width());");
    String data = html.substring(html.indexOf("id=\"chart-data\">"), html.indexOf("</script>", html.indexOf("id=\"chart-data\">")));
    assertThat(data).contains("\"runway\":{\"timezone\":\"America/New_York\",\"date\":[\"1995-07-01\",")
        .contains("\"historyPeak\":[20.0,25.25,22.0,null,null,null]").contains("\"upper\":[null,null,null,33.0,40.0,45.5]")
        .contains("\"runwayTime\":805003200");
  }

  @Test
  void write_withCapacity_writesTheRunwayAndPlanCsvs() throws IOException {
    ReportWriter.write(withPlan(), dir);
    // 1995-07-01 00:00 in New York (UTC-4) is 804571200 Unix seconds; a day later 86400 more
    assertThat(Files.readAllLines(dir.resolve("series/runway.csv"))).containsExactly(
        "date,atEpochSeconds,historyPeakRequestsPerSecond,pointRequestsPerSecond,lowerRequestsPerSecond,"
            + "upperRequestsPerSecond",
        "1995-07-01,804571200,20.000,,,", "1995-07-02,804657600,25.250,,,", "1995-07-03,804744000,22.000,,,",
        "1995-07-04,804830400,,24.000,15.000,33.000", "1995-07-05,804916800,,26.000,16.000,40.000",
        "1995-07-06,805003200,,30.000,17.000,45.500");
    assertThat(Files.readString(dir.resolve("series/capacity-plan.csv"))).isEqualTo(CapacityReportWriter.planCsv(plan()));
    assertThat(Files.readAllLines(dir.resolve("series/capacity-plan.csv"))).containsExactly("from,to,peakDate,"
        + "peakPointPerSecond,peakLowerPerSecond,peakUpperPerSecond,instancesPooled,instancesSplit,plannedInstances,cost",
        "1995-07-04,1995-07-31,1995-07-06,30.0000,20.0000,45.5000,4,5,5,11.52");
  }

  @Test
  void summaryJson_withCapacity_holdsThePlanAndMeetsTheSchema() throws IOException {
    String json = ReportWriter.summaryJson(withPlan());
    assertThat(SummarySchema.validate(json)).isEmpty();
    var capacity = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("capacity");
    assertThat(capacity.get("computed").asBoolean()).isTrue();
    assertThat(capacity.get("runwayKind").asText()).isEqualTo("reached");
    assertThat(capacity.get("runwayDate").asText()).isEqualTo("1995-07-06");
    assertThat(capacity.get("runwayReason").asText()).isEqualTo(SENTENCE);
    assertThat(capacity.get("plan")).hasSize(1);
    assertThat(capacity.get("plan").get(0).get("plannedInstances").asInt()).isEqualTo(5);
    assertThat(capacity.get("sizing")).hasSize(2);
    assertThat(capacity.get("growth").get("etsName").asText()).isEqualTo("ETS(A,Ad,N)");
    assertThat(capacity.has("dailyPeaks")).as("the daily series are in runway.csv").isFalse();
  }

  @Test
  void notComputed_sectionAndNoteSayWhyAndNoCsvIsWritten() throws IOException {
    RunReport report = ReportWriterTest.report("reactive-hpa", "HPA")
        .withCapacityNotComputed("growth: too few days <3>");
    ReportWriter.write(report, dir);
    String html = Files.readString(dir.resolve("index.html"));
    assertThat(html).contains("<section id=\"capacity\">").contains("Capacity plan not computed: growth: too few days &lt;3&gt;.")
        .contains("<li>capacity plan not computed: growth: too few days &lt;3&gt;</li>").doesNotContain("id=\"runway-chart\"");
    assertThat(dir.resolve("series/runway.csv")).doesNotExist();
    assertThat(dir.resolve("series/capacity-plan.csv")).doesNotExist();
    String json = Files.readString(dir.resolve("summary.json"));
    assertThat(SummarySchema.validate(json)).isEmpty();
    var capacity = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("capacity");
    assertThat(capacity.get("computed").asBoolean()).isFalse();
    assertThat(capacity.get("notComputedReason").asText()).isEqualTo("growth: too few days <3>");
    assertThat(capacity.get("plan")).isEmpty();
  }

  @Test
  void withoutCapacity_noSectionNoCsvAndNoSummaryField() throws IOException {
    RunReport report = ReportWriterTest.report("reactive-hpa", "HPA");
    ReportWriter.write(report, dir);
    assertThat(Files.readString(dir.resolve("index.html"))).doesNotContain("id=\"capacity\"")
        .doesNotContain("id=\"runway-chart\"");
    assertThat(Files.readString(dir.resolve("summary.json"))).doesNotContain("\"capacity\"");
    assertThat(dir.resolve("series/runway.csv")).doesNotExist();
  }

  @Test
  void runReport_planAndReasonTogether_isRejected() {
    RunReport report = withPlan();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RunReport(report.metadata(), report.experiment(),
        report.description(), report.seed(), report.slo(), report.service(), report.demand(), report.policies(),
        report.loadTest(), report.notes(), report.demanded(), report.elasticityReference(), report.frontiers(),
        report.forecast(), report.calibration(), report.capacity(), java.util.Optional.of("why")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("capacityNotComputed must be empty when capacity is present, but was 'why'");
  }
}
