package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loadcast.capacity.UslModel;

/** {@code loadcast capacity} on the real experiments: capacity.json, the CSVs, the page, the errors. */
class CapacityCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NASA = "simulations/nasa-reactive-vs-predictive.yaml";

  @TempDir
  Path dir;

  @Test
  void nasa_planAndRunwayAreConsistentAndASecondRunGivesTheSameBytes() throws IOException {
    long started = System.nanoTime();
    CommandRun first = CommandRun.of("capacity", NASA, "--out", dir.resolve("a").toString());
    double seconds = (System.nanoTime() - started) / 1e9;
    CommandRun second = CommandRun.of("capacity", NASA, "--out", dir.resolve("b").toString());
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(Files.readString(dir.resolve("a/capacity.json"))).isEqualTo(Files.readString(dir.resolve("b/capacity.json")));
    assertThat(Files.readString(dir.resolve("a/plan.csv"))).isEqualTo(Files.readString(dir.resolve("b/plan.csv")));
    JsonNode report = JSON.readTree(dir.resolve("a/capacity.json").toFile());
    System.out.printf(Locale.ROOT, "NASA: %.1f s, runway %s %s, per instance %.2f/s%n", seconds,
        report.get("runwayKind").asText(), report.get("runwayDate").asText(), report.get("perInstanceCapacityPerSecond").asDouble());
    checkPlan(report, 12, 40, 0.096);
    // the shipped growth section: 3 % a month stated on top of the damped trend, a quota of 40 instances
    assertThat(report.get("runwayKind").asText()).isEqualTo("reached");
    assertThat(report.get("runwayDate").asText()).isEqualTo("1996-04-08");
    // the July profile: 1-27 July, of which 13 July misses 16 of its 288 five-minute intervals, and 28 July ends at 13:32
    assertThat(report.get("dailyPeaks")).hasSize(26);
    assertThat(report.get("skippedDays").findValuesAsText("date")).containsExactly("1995-07-13", "1995-07-28");
    assertThat(report.get("growth").get("origin").asText()).isEqualTo("1995-07-27");
    assertThat(report.get("uslSigma").isNull()).isTrue();
    assertThat(report.get("uslNotFittedReason").asText())
        .isEqualTo("no load-test results given (--results reports/<run>/results)");
    assertThat(first.out()).contains("runway: ").contains("per-instance capacity at the SLO: ")
        .contains("report: " + dir.resolve("a/index.html"));
    assertThat(Files.readString(dir.resolve("a/plan.csv")).lines()).hasSize(13).first().asString()
        .startsWith("from,to,peakDate,peakPointPerSecond,peakLowerPerSecond,peakUpperPerSecond,");
    assertThat(Files.readString(dir.resolve("a/daily-peaks.csv")).lines().count())
        .isEqualTo(1 + 26 + 2 + report.get("projection").size());
  }

  @Test
  void nasa_demandIsScaledAsTheSimulationScalesIt() throws IOException {
    CommandRun run = CommandRun.of("capacity", NASA, "--out", dir.toString());
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode report = JSON.readTree(dir.resolve("capacity.json").toFile());
    Experiment experiment = Experiments.read(Path.of(NASA));
    var bridged = ExperimentRun.requestRate(experiment.profile()).bridgedOverMissing();
    double from = experiment.horizonStartSeconds();
    double peak = bridged.peakRatePerSecond(from, from + experiment.horizonSeconds());
    // the horizon's peak needs peakInstances (20) at 70 % of one instance's capacity (4 workers / mean service time)
    assertThat(report.get("demandScale").asDouble() * peak)
        .isCloseTo(20 * 0.7 * experiment.service().capacityPerSecond(), within(1e-6));
    // the busiest hour's mean is below the busiest instant of the whole month, and the history's peak day is in it
    double busiest = bridged.peakRatePerSecond(bridged.startSeconds(), bridged.endSeconds()) * report.get("demandScale").asDouble();
    for (JsonNode p : report.get("dailyPeaks")) {
      assertThat(p.get("peakRatePerSecond").asDouble()).isPositive().isLessThanOrEqualTo(busiest * (1 + 1e-9));
    }
    double capacity = report.get("perInstanceCapacityPerSecond").asDouble();
    assertThat(capacity).isPositive().isLessThan(report.get("perInstanceSaturationPerSecond").asDouble());
    assertThat(report.get("perInstanceErlangCapacityPerSecond").asDouble()).isPositive()
        .isLessThan(report.get("perInstanceSaturationPerSecond").asDouble());
    assertThat(report.get("fleetCapacityPerSecond").asDouble()).isCloseTo(40 * capacity, within(1e-9));
  }

  @Test
  void nasa_fewerInstances_runwayIsReachedInTheFirstShortMonth() throws IOException {
    Path file = copyOfNasa(text -> text.replace("  maxInstances: 40 ", "  maxInstances: 30 "));
    CommandRun run = CommandRun.of("capacity", file.toString(), "--out", dir.resolve("out").toString());
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode report = JSON.readTree(dir.resolve("out/capacity.json").toFile());
    assertThat(report.get("runwayKind").asText()).isEqualTo("reached");
    assertThat(report.get("runwayReason").asText()).startsWith("The fleet of at most 30 instances runs out on "
        + report.get("runwayDate").asText());
    checkPlan(report, 12, 30, 0.096);
    assertThat(run.out()).contains("runway: " + report.get("runwayDate").asText());
  }

  @Test
  void worldCup_planAndRunwayAreConsistentAndASecondRunGivesTheSameBytes() throws IOException {
    long started = System.nanoTime();
    CommandRun first = CommandRun.of("capacity", "simulations/worldcup98-full.yaml", "--out", dir.resolve("a").toString());
    double seconds = (System.nanoTime() - started) / 1e9;
    CommandRun second = CommandRun.of("capacity", "simulations/worldcup98-full.yaml", "--out", dir.resolve("b").toString());
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(second.code()).isZero();
    assertThat(Files.readString(dir.resolve("a/capacity.json"))).isEqualTo(Files.readString(dir.resolve("b/capacity.json")));
    JsonNode report = JSON.readTree(dir.resolve("a/capacity.json").toFile());
    System.out.printf(Locale.ROOT, "WorldCup98: %.1f s, runway %s %s, per instance %.2f/s%n", seconds,
        report.get("runwayKind").asText(), report.get("runwayDate").asText(), report.get("perInstanceCapacityPerSecond").asDouble());
    // the experiment simulates the trace unscaled
    assertThat(report.get("demandScale").asDouble()).isCloseTo(1, within(1e-6));
    // 30 April 23:30 Paris is partial; 1 May - 26 July have every minute once gaps are bridged in the profile
    assertThat(report.get("dailyPeaks").size() + report.get("skippedDays").size()).isEqualTo(88);
    checkPlan(report, 6, 50, 0.096);
    // a quota of 50 instances: the damped trend is flat after the final, its widening upper bound is not
    assertThat(report.get("runwayKind").asText()).isEqualTo("reached");
    assertThat(report.get("runwayDate").asText()).isEqualTo("1998-11-22");
  }

  @Test
  void probeSteps_exactUslCurve_fieldsEqualTheFit() throws IOException {
    UslModel model = new UslModel(0.05, 0.002, 25);
    StringBuilder csv = new StringBuilder(ProbeStepsFile.HEADER + "\n");
    for (int i = 0; i < 7; i++) {
      double n = i == 0 ? 1 : 2.0 * i;
      double x = model.throughputPerSecondAt(n);
      csv.append(String.format(Locale.ROOT, "%.3f,%s,0.00,%s,%s,40.000,80.000,100.000,0.00,%b,false,false%n", x,
          Double.toString(x), Double.toString(n), Double.toString(1000 * n / x), n > 8));
    }
    Path results = Files.createDirectories(dir.resolve("results"));
    Files.writeString(results.resolve("probe-steps.csv"), csv);
    CommandRun run = CommandRun.of("capacity", NASA, "--results", results.toString(), "--out", dir.resolve("out").toString());
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode report = JSON.readTree(dir.resolve("out/capacity.json").toFile());
    assertThat(report.get("uslSigma").asDouble()).isCloseTo(0.05, within(1e-4));
    assertThat(report.get("uslKappa").asDouble()).isCloseTo(0.002, within(1e-5));
    assertThat(report.get("uslLambda").asDouble()).isCloseTo(25, within(1e-3));
    assertThat(report.get("uslKappaFixedAtZero").asBoolean()).isFalse();
    assertThat(report.get("uslPoints").asInt()).isEqualTo(7);
    assertThat(report.get("uslNotFittedReason").isNull()).isTrue();
    String html = Files.readString(dir.resolve("out/index.html"));
    assertThat(html).contains("\"usl\":{\"concurrency\":[").contains("fittedThroughput").contains("drawUslChart(data.usl");
    assertThat(run.out()).contains("USL: sigma 0.0500");
  }

  @Test
  void probeSteps_malformedNumber_exitsWith2AtItsLineAndColumn() throws IOException {
    Path results = Files.createDirectories(dir.resolve("results"));
    Files.writeString(results.resolve("probe-steps.csv"), ProbeStepsFile.HEADER + "\n"
        + "10.000,9.990,0.00,0.4000,40.000,38.000,70.000,90.000,0.50,false,false,false\n"
        + "20.000,abc,0.00,0.8000,40.000,38.000,70.000,90.000,0.50,false,false,false\n"
        + "30.000,29.900,0.00,1.2000,40.000,38.000,70.000,90.000,0.50,maybe,false,false\n");
    CommandRun run = CommandRun.of("capacity", NASA, "--results", results.toString(), "--out", dir.resolve("out").toString());
    assertThat(run.code()).isEqualTo(2);
    Path file = results.resolve("probe-steps.csv");
    assertThat(run.err()).contains(file + ":3:8: throughputPerSecond must be a finite decimal number or empty, but was 'abc'")
        .contains(file + ":4:60: saturated must be true or false, but was 'maybe'");
    assertThat(run.out()).doesNotContain("report:");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void probeSteps_wrongFieldCountOrHeader_exitsWith2() throws IOException {
    Path results = Files.createDirectories(dir.resolve("results"));
    Files.writeString(results.resolve("probe-steps.csv"), ProbeStepsFile.HEADER + "\n10.000,9.990\n");
    CommandRun run = CommandRun.of("capacity", NASA, "--results", results.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains(results.resolve("probe-steps.csv") + ":2:1: a row must have 12 fields");
    Files.writeString(results.resolve("probe-steps.csv"), "rate,throughput\n");
    CommandRun header = CommandRun.of("capacity", NASA, "--results", results.toString());
    assertThat(header.code()).isEqualTo(2);
    assertThat(header.err()).contains(":1:1: the header must be 'offeredRatePerSecond,");
  }

  @Test
  void results_missingDirectoryOrFile_exitsWith2() throws IOException {
    CommandRun missing = CommandRun.of("capacity", NASA, "--results", dir.resolve("nowhere").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err().lines()).singleElement().asString().contains("--results must name a load test's results "
        + "directory (reports/<run>/results), but '" + dir.resolve("nowhere") + "' does not exist");
    CommandRun empty = CommandRun.of("capacity", NASA, "--results", dir.toString());
    assertThat(empty.code()).isEqualTo(2);
    assertThat(empty.err()).contains("but '" + dir + "' has no probe-steps.csv");
  }

  @Test
  void out_isAFile_exitsWith2BeforeAnyWork() throws IOException {
    Path file = Files.writeString(dir.resolve("taken"), "x");
    CommandRun run = CommandRun.of("capacity", NASA, "--out", file.toString(), "--results", dir.resolve("nowhere").toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err().lines()).singleElement().asString()
        .contains("loadcast capacity: --out must name a directory the report can be written to, but '" + file + "' is a file");
  }

  @Test
  void growth_absent_takesTheDefaults() throws IOException {
    Path file = copyOfNasa(text -> text.substring(0, text.indexOf("\ngrowth:")) + "\n");
    CommandRun run = CommandRun.of("capacity", file.toString(), "--out", dir.resolve("out").toString());
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode growth = JSON.readTree(dir.resolve("out/capacity.json").toFile()).get("growth");
    assertThat(growth.get("method").asText()).isEqualTo("damped");
    assertThat(growth.get("horizonMonths").asInt()).isEqualTo(12);
    assertThat(growth.get("intervalPercent").asDouble()).isEqualTo(95);
    assertThat(growth.get("peakWindowSeconds").asInt()).isEqualTo(3600);
    assertThat(growth.get("maxMissingPercentPerDay").asDouble()).isEqualTo(5);
    // the largest maxReplicas / maxCapacity of the policies
    assertThat(growth.get("maxInstances").asInt()).isEqualTo(100);
  }

  @Test
  void html_hasTheRunwayChartAndEscapesTheExperimentsText() throws IOException {
    Path file = copyOfNasa(text -> text.replaceFirst("description: >-\n", "description: >-\n  <script>alert('x')</script>\n"));
    CommandRun run = CommandRun.of("capacity", file.toString(), "--out", dir.resolve("out").toString());
    assertThat(run.code()).as(run.err()).isZero();
    String html = Files.readString(dir.resolve("out/index.html"));
    assertThat(html).contains("id=\"runway-chart\"").contains("\"historyPeak\":[").contains("\"upper\":[")
        .contains("\"fleetCapacityPerSecond\":").contains("Monthly plan").contains("Sizing at the SLO")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script>alert(");
    assertThat(html).doesNotContain("href=\"http").doesNotContain("src=\"http");
  }

  /** Copies the NASA experiment with its profile path made absolute and the text changed. */
  private Path copyOfNasa(java.util.function.UnaryOperator<String> change) throws IOException {
    String text = Files.readString(Path.of(NASA)).replace("profile: ../traffic-profiles/nasa-kennedy-1995.yaml",
        "profile: " + Path.of("traffic-profiles/nasa-kennedy-1995.yaml").toAbsolutePath());
    String changed = change.apply(text);
    assertThat(changed).isNotEqualTo(text);
    return Files.writeString(dir.resolve("experiment.yaml"), changed);
  }

  /**
   * Checks a plan: its months, upper ≥ point ≥ lower, planned = split bound, instances rising with
   * the upper peak, cost = planned × price × 24 × days, and the runway against the months.
   */
  private static void checkPlan(JsonNode report, int months, int maxInstances, double pricePerHour) {
    JsonNode plan = report.get("plan");
    assertThat(plan).hasSize(months);
    assertThat(report.get("growth").get("maxInstances").asInt()).isEqualTo(maxInstances);
    List<JsonNode> rows = new ArrayList<>();
    plan.forEach(rows::add);
    for (JsonNode row : rows) {
      double upper = row.get("peakUpperPerSecond").asDouble();
      assertThat(upper).isGreaterThanOrEqualTo(row.get("peakPointPerSecond").asDouble());
      assertThat(row.get("peakPointPerSecond").asDouble()).isGreaterThanOrEqualTo(row.get("peakLowerPerSecond").asDouble());
      assertThat(row.get("plannedInstances").asInt()).isEqualTo(row.get("instancesSplit").asInt())
          .isGreaterThanOrEqualTo(row.get("instancesPooled").asInt()).isPositive();
      long days = ChronoUnit.DAYS.between(LocalDate.parse(row.get("from").asText()), LocalDate.parse(row.get("to").asText())) + 1;
      assertThat(row.get("cost").asDouble())
          .isCloseTo(row.get("plannedInstances").asInt() * pricePerHour * 24 * days, within(1e-9));
    }
    rows.sort(Comparator.comparingDouble(r -> r.get("peakUpperPerSecond").asDouble()));
    for (int i = 1; i < rows.size(); i++) {
      assertThat(rows.get(i).get("plannedInstances").asInt()).isGreaterThanOrEqualTo(rows.get(i - 1).get("plannedInstances").asInt());
      assertThat(rows.get(i).get("instancesPooled").asInt()).isGreaterThanOrEqualTo(rows.get(i - 1).get("instancesPooled").asInt());
    }
    JsonNode firstShort = null;
    for (JsonNode row : plan) {
      if (row.get("plannedInstances").asInt() > maxInstances) {
        firstShort = row;
        break;
      }
    }
    String kind = report.get("runwayKind").asText();
    assertThat(kind).isIn("reached", "not-reached");
    if (kind.equals("not-reached")) {
      assertThat(firstShort).isNull();
      assertThat(report.get("runwayDate").isNull()).isTrue();
      assertThat(report.get("runwayReason").asText()).startsWith("Not reached by " + report.get("growth").get("horizonEnd").asText());
    } else {
      LocalDate runway = LocalDate.parse(report.get("runwayDate").asText());
      assertThat(firstShort).isNotNull();
      // the first short month contains the runway, and every month before ends before it
      assertThat(LocalDate.parse(firstShort.get("from").asText())).isBeforeOrEqualTo(runway);
      assertThat(LocalDate.parse(firstShort.get("to").asText())).isAfterOrEqualTo(runway);
      assertThat(LocalDate.parse(firstShort.get("peakDate").asText())).isAfterOrEqualTo(runway);
    }
  }
}
