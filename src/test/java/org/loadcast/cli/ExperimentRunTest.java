package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loadcast.autoscale.ArrivalHistory;
import org.loadcast.profile.Interpolation;
import org.loadcast.profile.RateCurve;
import org.loadcast.profile.TimeRange;

class ExperimentRunTest {

  @Test
  void history_bucketsEndAtTheHorizonAndMostlyMissingBucketsAreNaN() {
    RateCurve original = RateCurve.of(new double[] {0, 600, 1200, 1800, 2400}, new double[] {1, 0, 2, 3, 3},
        Interpolation.STEP, List.of(new TimeRange(600, 1100)));
    RateCurve demand = original.bridgedOverMissing().scaled(10);
    ArrivalHistory history = ExperimentRun.history(original, demand, 2000, 300);
    double[] counts = history.arrivals();
    // 6 whole buckets of 300 s end at 2000: [200, 500), [500, 800), ... [1700, 2000)
    assertThat(counts).hasSize(6);
    assertThat(counts[0]).isCloseTo(10 * 300, within(1e-9));
    assertThat(Double.isNaN(counts[1])).as("200 s of 300 missing").isTrue();
    assertThat(Double.isNaN(counts[2])).as("wholly missing").isTrue();
    assertThat(counts[3]).isCloseTo(demand.integral(1100, 1400), within(1e-9));
    assertThat(counts[5]).isCloseTo(10 * (2 * 100 + 3 * 200), within(1e-9));
    assertThat(history.missingBuckets()).isEqualTo(2);
  }

  @Test
  void requestRate_sessionProfile_isTheSessionRateTimesTheExpectedRequestsPerSession() {
    Experiment experiment = Experiments.read(Path.of("src/test/resources/replay/sessions.yaml"));
    double perSession = experiment.profile().mix().sessions().expectedRequestsPerSession();
    RateCurve requests = ExperimentRun.requestRate(experiment.profile());
    // 2 sessions per second at noon
    assertThat(requests.rateAt(43200)).isCloseTo(2 * perSession, within(1e-12));
    assertThat(requests.integral(0, 86400)).isCloseTo(perSession * experiment.profile().rate().integral(0, 86400), within(1e-6));
  }

  @Test
  void requestRate_weightedProfile_isTheProfilesOwnCurve() {
    Experiment experiment = Experiments.read(Path.of("simulations/smoke.yaml"));
    assertThat(ExperimentRun.requestRate(experiment.profile())).isSameAs(experiment.profile().rate());
  }

  /** The smoke experiment over its last three hours, with the default sweep: two policies, each at 75 % and at the default 55, 65 and 85 %. */
  private static Experiment sixHours(Path dir) throws java.io.IOException {
    String text = java.nio.file.Files.readString(Path.of("simulations/smoke.yaml"))
        .replace("profile: ../traffic-profiles/", "profile: " + Path.of("traffic-profiles").toAbsolutePath() + "/")
        .replace("horizonSeconds: 86400", "horizonSeconds: 10800").replace("defaultSweepOffsets: [10]", "defaultSweepOffsets: [-20, -10, 10]");
    Path file = dir.resolve("six-hours.yaml");
    java.nio.file.Files.writeString(file, text);
    return Experiments.read(file);
  }

  private static org.loadcast.report.RunReport simulate(Experiment experiment, int threads) {
    return ExperimentRun.simulate(experiment, experiment.service(), java.util.Optional.empty(),
        new org.loadcast.report.RunMetadata("test", "run", "cmd", "2024-01-01T00:00:00Z", 0, java.util.Map.of()), threads);
  }

  @Test
  void simulate_smallExperiment_reportsEveryPolicysFrontierAndTheVerdictAgainstTheHpa(@org.junit.jupiter.api.io.TempDir Path dir)
      throws java.io.IOException {
    org.loadcast.report.RunReport report = simulate(sixHours(dir), 2);
    org.loadcast.report.Frontiers frontiers = report.frontiers().orElseThrow();
    assertThat(frontiers.reference()).contains("reactive-hpa");
    assertThat(frontiers.policies()).extracting(org.loadcast.report.CostFrontier::policy)
        .containsExactly("reactive-hpa", "predictive-holt-winters");
    for (org.loadcast.report.CostFrontier f : frontiers.policies()) {
      assertThat(f.points()).extracting(org.loadcast.report.CostFrontier.Point::knobValue).containsExactly(55.0, 65.0, 75.0, 85.0);
      assertThat(f.operatingPoint().knobValue()).isEqualTo(75);
      assertThat(f.frontier()).isNotEmpty().isSubsetOf(f.points());
    }
    // the operating point is the policy's own run in the verdict table
    var hpa = frontiers.policies().get(0).operatingPoint();
    assertThat(hpa.cost()).isEqualTo(report.policies().get(0).result().totals().cost());
    assertThat(hpa.sloViolationMinutes()).isEqualTo(report.policies().get(0).result().totals().sloViolationMinutes());
    // a lower target keeps more instances: the HPA's cost falls as its target rises
    List<Double> costs = frontiers.policies().get(0).points().stream().map(org.loadcast.report.CostFrontier.Point::cost).toList();
    assertThat(costs.get(0)).isGreaterThan(costs.get(3));
    assertThat(frontiers.verdicts()).singleElement().satisfies(v -> {
      assertThat(v.policy()).isEqualTo("predictive-holt-winters");
      assertThat(v.reference()).isEqualTo("reactive-hpa");
    });
    String json = org.loadcast.report.ReportWriter.summaryJson(report);
    assertThat(json).contains("\"frontier\" : {").contains("\"knob\" : \"targetUtilizationPercent\"")
        .contains("\"onFrontier\" : true").contains("\"sentence\" : ");
    var forecast = report.forecast().orElseThrow();
    assertThat(forecast.bucketSeconds()).isEqualTo(300);
    assertThat(forecast.horizonBuckets()).as("180 s boot: the next bucket").isEqualTo(1);
    assertThat(forecast.scoredTargets()).isEqualTo(36);
    assertThat(forecast.methods()).hasSize(2);
    assertThat(forecast.naive().maeRequestsPerSecond()).isPositive();
  }

  @Test
  void simulate_oneThreadOrThree_giveByteIdenticalSummaries(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
    Experiment experiment = sixHours(dir);
    String one = org.loadcast.report.ReportWriter.summaryJson(simulate(experiment, 1));
    String three = org.loadcast.report.ReportWriter.summaryJson(simulate(experiment, 3));
    assertThat(three).isEqualTo(one);
  }

  @Test
  void simulate_withAMeter_drawsTheSimulatedDaysOfEveryRun(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
    Experiment experiment = sixHours(dir);
    java.io.StringWriter err = new java.io.StringWriter();
    long[] nanos = {0};
    // each reading of the fake clock moves it on by 3 s, past the bar's 2 s delay, so the bar is drawn
    // at the first update, however fast the runs end (the meter is read between 250 ms waits for them)
    ProgressMeter meter = ExperimentRun.progressMeter(experiment, () -> nanos[0] += 3_000_000_000L, new java.io.PrintWriter(err));
    ExperimentRun.simulate(experiment, experiment.service(), java.util.Optional.empty(),
        new org.loadcast.report.RunMetadata("test", "run", "cmd", "2024-01-01T00:00:00Z", 0, java.util.Map.of()), 2, meter);
    // 2 policies × 4 knob values × 0.125 days
    assertThat(err.toString()).startsWith("\rsimulating 8 runs [")
        .containsPattern("\\] 100 % 1\\.0 of 1\\.0 simulated days \\d+ s" + System.lineSeparator() + "$");
  }

  @Test
  void trainingWindow_startsWhereItsFirstBucketsAreAllObserved() {
    double nan = Double.NaN;
    assertThat(ExperimentRun.trainingWindow(new double[] {1, 1, nan, 1, 1, 1, 1}, 7, 3)).as("from index 3").isEqualTo(4);
    assertThat(ExperimentRun.trainingWindow(new double[] {1, 1, nan, 1, 1, 1, 1}, 3, 3)).isEqualTo(3);
    assertThat(ExperimentRun.trainingWindow(new double[] {1, 1, 1, 1, nan, 1}, 6, 3)).as("a gap after the start is kept").isEqualTo(6);
    assertThat(ExperimentRun.trainingWindow(new double[] {1, nan, 1}, 3, 2)).isZero();
  }
}
