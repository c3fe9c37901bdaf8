package org.loadcast.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.loadcast.sim.MinuteStats;
import org.loadcast.sim.ServiceTime;
import org.loadcast.sim.SimulationResult;
import org.loadcast.sim.SimulationSpec;

/**
 * A 30-day run with six policies: the report's charts are downsampled, the page stays under 3 MB,
 * and no peak is lost; the CSV files keep every minute.
 */
class LongRunReportTest {
  private static final int DAYS = 30;

  @TempDir
  Path dir;

  /** One seeded 30-day run under the HPA, of a daily cycle between 1 and 9 requests per second. */
  private static RunReport thirtyDays() {
    int hours = 24 * DAYS;
    double[] t = new double[hours + 1];
    double[] rate = new double[hours + 1];
    for (int h = 0; h <= hours; h++) {
      t[h] = 3600.0 * h;
      rate[h] = 5 - 4 * Math.cos(2 * Math.PI * h / 24);
    }
    RateCurve curve = RateCurve.of(t, rate, Interpolation.LINEAR, List.of());
    LatencySlo slo = new LatencySlo(95, 500);
    ClusterConfig cluster = new ClusterConfig(2, 50, new ServiceTime.Exponential(0.1), 120, 0, 0.5,
        LoadBalancing.ROUND_ROBIN, 1);
    SimulationSpec spec = new SimulationSpec(curve, 0, 86_400.0 * DAYS, cluster, slo, 30);
    SimulationResult result = ClusterSimulation.run(spec,
        HpaPolicy.withDefaults(70, 1, 20).newAutoscaler(new ScalingContext(20, 120, ArrivalHistory.none(300))));
    List<PolicyOutcome> policies = new ArrayList<>();
    for (int p = 1; p <= 6; p++) {
      // six policies' worth of series; the page's size grows with them, not with their differences
      policies.add(new PolicyOutcome("policy-" + p, "the HPA", result));
    }
    return new RunReport(new RunMetadata("test", "run-30d", "loadcast simulate x.yaml", "2024-01-01T00:00:00Z", 1,
        Map.of()), "thirty-days", "a 30-day run", 30, slo,
        new ServiceSummary(2, 50, "exponential, mean 100.0 ms", 100, 20, "written in the test"),
        new DemandSummary("cycle", "UTC", 1_704_067_200L, "2024-01-01T00:00Z", 86_400.0 * DAYS, 0, 1, 9, 2, 100, 0),
        policies, Optional.empty(), List.of(), DemandedInstances.of(spec), Optional.of("policy-1"));
  }

  @Test
  void write_thirtyDaysSixPolicies_staysUnderThreeMegabytesAndKeepsThePeaks() throws IOException {
    RunReport report = thirtyDays();
    ReportWriter.write(report, dir);
    long bytes = Files.size(dir.resolve("index.html"));
    assertThat(bytes).as("index.html bytes").isLessThan(3_000_000L);
    ChartData data = ChartData.of(report);
    int minutes = 1440 * DAYS;
    assertThat(data.bucketMinutes()).isEqualTo(minutes / Downsampling.MAX_BUCKETS);
    assertThat(data.time()).hasSize(2 * Downsampling.MAX_BUCKETS);
    List<MinuteStats> all = report.policies().get(0).result().minutes();
    ChartData.PolicySeries p = data.policies().get(0);
    assertThat(max(p.p99LatencyMillis())).isEqualTo(ChartData.round(all.stream()
        .mapToDouble(MinuteStats::p99LatencyMillis).filter(Double::isFinite).max().orElseThrow()));
    assertThat(max(p.paidInstances())).isEqualTo(ChartData.round(all.stream()
        .mapToDouble(MinuteStats::meanProvisionedInstances).max().orElseThrow()));
    assertThat(max(data.arrivalsPerSecond())).isEqualTo(ChartData.round(all.stream()
        .mapToDouble(m -> m.arrivals() / 60.0).max().orElseThrow()));
    // the exports are not downsampled
    assertThat(Files.readAllLines(dir.resolve("series/1-policy-1-latency.csv"))).hasSize(1 + minutes);
  }

  private static double max(Double[] values) {
    return Arrays.stream(values).filter(Objects::nonNull).mapToDouble(Double::doubleValue).max().orElseThrow();
  }
}
