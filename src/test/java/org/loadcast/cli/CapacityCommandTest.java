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
import org.loadcast.capacity.LatencySlo;
import org.loadcast.capacity.ServiceCalibration;
import org.loadcast.capacity.UslCalibration;
import org.loadcast.results.ResultFiles;

/** {@code loadcast capacity} on the real experiments: capacity.json, the CSVs, the page, the errors. */
class CapacityCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NASA = "simulations/nasa-reactive-vs-predictive.yaml";
  /** A real load test's results, against the embedded target, before the worker count took 2 standard errors. */
  private static final String RUN = "nasa-reactive-vs-predictive-20261129-150840";
  private static final Path NASA_RESULTS = Path.of("src/test/resources/results", RUN, "results");

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
    // the sentence says how much of the runway is the interval: the point alone needs 16 instances that day
    assertThat(report.get("runwayReason").asText()).endsWith("needs 41 instances (random split); the point forecast "
        + "alone would need 16 instances.");
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
      // the window starts on its day, in the profile's local time (1995-07-02's peak hour starts at 22:00:01 EDT)
      assertThat(java.time.OffsetDateTime.parse(p.get("windowStart").asText()).toLocalDate().toString())
          .isEqualTo(p.get("date").asText());
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
  void results_realLoadTest_calibratesAsTheLoadTestDidAndASecondRunGivesTheSameBytes() throws IOException {
    CommandRun first = CommandRun.of("capacity", NASA, "--results", NASA_RESULTS.toString(), "--out", dir.resolve("a").toString());
    CommandRun second = CommandRun.of("capacity", NASA, "--results", NASA_RESULTS.toString(), "--out", dir.resolve("b").toString());
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(Files.readString(dir.resolve("a/capacity.json"))).isEqualTo(Files.readString(dir.resolve("b/capacity.json")));
    assertThat(Files.readString(dir.resolve("a/plan.csv"))).isEqualTo(Files.readString(dir.resolve("b/plan.csv")));
    JsonNode report = JSON.readTree(dir.resolve("a/capacity.json").toFile());
    // what the load test's own pipeline calibrates from the same seconds
    Experiment experiment = Experiments.read(Path.of(NASA));
    ServiceCalibration calibration = LoadTestPipeline.calibrate(LoadTestPlan.of(experiment), ResultFiles.read(NASA_RESULTS));
    ServiceModel model = LoadTestPipeline.calibratedModel(experiment, calibration, RUN);
    assertThat(report.get("serviceModelOrigin").asText()).isEqualTo("calibrated from " + RUN);
    assertThat(report.get("workersPerInstance").asInt()).isEqualTo(calibration.workers()).isEqualTo(model.workersPerInstance());
    // the run's summary.json: capacity 88.0 requests per second, at saturation
    assertThat(calibration.capacityPerSecond()).isEqualTo(88.0);
    assertThat(report.get("perInstanceSaturationPerSecond").asDouble()).isCloseTo(88.0, within(1e-9));
    assertThat(report.get("meanServiceTimeMillis").asDouble()).isCloseTo(1000 * model.serviceTime().meanSeconds(), within(1e-9))
        .isCloseTo(1000.0 * calibration.workers() / 88.0, within(1e-6));
    LatencySlo slo = CapacityAnalysis.slo(experiment);
    assertThat(report.get("perInstanceCapacityPerSecond").asDouble()).isEqualTo(SimulatedSizing.maxRatePerInstance(
        new SimulatedSizing.Fleet(model.workersPerInstance(), model.maxQueueLength(), model.serviceTime(), experiment.seed()), slo));
    assertThat(report.get("perInstanceErlangCapacityPerSecond").asDouble())
        .isEqualTo(slo.maxArrivalRatePerSecond(model.workersPerInstance(), model.serviceTime().meanSeconds()));
    // the demand is scaled to the calibrated capacity, as the load test's simulations scale it
    var bridged = ExperimentRun.requestRate(experiment.profile()).bridgedOverMissing();
    double from = experiment.horizonStartSeconds();
    assertThat(report.get("demandScale").asDouble() * bridged.peakRatePerSecond(from, from + experiment.horizonSeconds()))
        .isCloseTo(20 * 0.7 * 88.0, within(1e-6));
    // the USL is UslCalibration on the calibration's steps; the run's summary.json had sigma 0.30613, kappa 5.67e-5,
    // lambda 28.52 from unrounded concurrencies (per-second.csv keeps 4 decimals)
    UslCalibration.Fitted usl = (UslCalibration.Fitted) UslCalibration.fromSteps(calibration.steps());
    assertThat(report.get("uslSigma").asDouble()).isEqualTo(usl.fit().model().sigma()).isCloseTo(0.30613, within(1e-3));
    assertThat(report.get("uslKappa").asDouble()).isEqualTo(usl.fit().model().kappa()).isCloseTo(5.67e-5, within(1e-6));
    assertThat(report.get("uslLambda").asDouble()).isEqualTo(usl.fit().model().lambdaPerSecond()).isCloseTo(28.52, within(0.05));
    assertThat(report.get("uslPoints").asInt()).isEqualTo(usl.points()).isEqualTo(10);
    String html = Files.readString(dir.resolve("a/index.html"));
    assertThat(html).contains("service model:\n    calibrated from " + RUN).contains("\"usl\":{\"concurrency\":[")
        .contains("drawUslChart(data.usl");
    assertThat(first.out()).contains("service model: calibrated from " + RUN + ", " + calibration.workers() + " workers")
        .contains("USL: sigma 0.30");
    System.out.printf(Locale.ROOT, "NASA --results: %d workers, mean %.2f ms, %.2f/s at the SLO, runway %s%n",
        report.get("workersPerInstance").asInt(), report.get("meanServiceTimeMillis").asDouble(),
        report.get("perInstanceCapacityPerSecond").asDouble(), report.get("runwayDate").asText());
  }

  @Test
  void results_fromAnotherProbe_exitsWith2() throws IOException {
    Path warmup = copyOfNasa(text -> text.replace("warmupSeconds: 10 ", "warmupSeconds: 5 "));
    CommandRun shifted = CommandRun.of("capacity", warmup.toString(), "--results", NASA_RESULTS.toString(), "--out",
        dir.resolve("out").toString());
    assertThat(shifted.code()).isEqualTo(2);
    assertThat(shifted.err().lines()).singleElement().asString().contains("--results '" + NASA_RESULTS
        + "' does not come from the probe of " + warmup + ": second 5 is in the warmup, but the probe (a 5 s warm-up, "
        + "10 steps of 5 s and a 15 s drain) puts it in the probe");
    Path steps = copyOfNasa(text -> text.replace("stepSeconds: 5\n", "stepSeconds: 4\n"));
    CommandRun shorter = CommandRun.of("capacity", steps.toString(), "--results", NASA_RESULTS.toString());
    assertThat(shorter.code()).isEqualTo(2);
    assertThat(shorter.err()).contains("step 10 (seconds 46-49) sent 104.7 requests per second, but the experiment offers 140");
    Path rates = copyOfNasa(text -> text.replace("[10, 20, 30, 45, 60, 75, 90, 105, 120, 140]", "[10, 20, 30, 45, 60, 75, 90, 105, 120, 200]"));
    CommandRun higher = CommandRun.of("capacity", rates.toString(), "--results", NASA_RESULTS.toString());
    assertThat(higher.code()).isEqualTo(2);
    assertThat(higher.err()).contains("step 10 (seconds 55-59) sent 140.0 requests per second, but the experiment offers 200");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void results_malformedRow_exitsWith2AtItsLineAndColumn() throws IOException {
    Path results = copyOfResults();
    Path csv = results.resolve("per-second.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(csv));
    lines.set(13, lines.get(13).replace(",probe,10,10,0,", ",probe,10,abc,0,"));
    Files.write(csv, lines);
    CommandRun run = CommandRun.of("capacity", NASA, "--results", results.toString(), "--out", dir.resolve("out").toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains(csv + ":14:13: completed must be a whole number >= 0, but was 'abc'");
    assertThat(run.out()).doesNotContain("report:");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void results_missingDirectoryOrFile_exitsWith2() throws IOException {
    CommandRun missing = CommandRun.of("capacity", NASA, "--results", dir.resolve("nowhere").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err().lines()).singleElement().asString().contains("--results must name a load test's results "
        + "directory (reports/<run>/results), but '" + dir.resolve("nowhere") + "' does not exist");
    Path results = copyOfResults();
    Files.delete(results.resolve("latency.hlog"));
    CommandRun noLog = CommandRun.of("capacity", NASA, "--results", results.toString());
    assertThat(noLog.code()).isEqualTo(2);
    assertThat(noLog.err()).contains(results.resolve("latency.hlog") + ": a load test's results directory must hold "
        + "latency.hlog, but '" + results + "' has none");
  }

  @Test
  void results_experimentWithoutLoadTest_exitsWith2() {
    CommandRun run = CommandRun.of("capacity", "simulations/worldcup98-full.yaml", "--results", NASA_RESULTS.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--results needs the experiment's loadTest section, to know the probe the results "
        + "come from, but it has none");
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
  void growth_tooFewDaysWithAPeak_exitsWith2AtTheGrowthMethodAndWritesNothing() throws IOException {
    // no missing interval allowed: NASA's outages leave 5 days with a peak, no three in a row
    Path file = copyOfNasa(text -> text.replace("maxMissingPercentPerDay: 5 ", "maxMissingPercentPerDay: 0 "));
    Path out = dir.resolve("out");
    CommandRun run = CommandRun.of("capacity", file.toString(), "--out", out.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err().lines()).singleElement().asString().isEqualTo(file + ":94:11: growth: the profile's demand cannot "
        + "be projected: the daily peaks must hold three consecutive days with a peak to fit ETS(A,Ad,N), but hold 5 "
        + "day(s) with a peak and no three in a row");
    assertThat(out).doesNotExist();
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

  /** Copies the real results into the test's directory. */
  private Path copyOfResults() throws IOException {
    Path results = Files.createDirectories(dir.resolve(RUN).resolve("results"));
    for (String name : List.of("per-second.csv", "latency.hlog")) {
      Files.copy(NASA_RESULTS.resolve(name), results.resolve(name));
    }
    return results;
  }

  /** Copies the NASA experiment with its profile path made absolute and the text changed. */
  private Path copyOfNasa(java.util.function.UnaryOperator<String> change) throws IOException {
    return ExperimentCopy.of(NASA, dir, change);
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
