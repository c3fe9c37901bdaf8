package org.loadcast.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.loadcast.sim.ElasticityMetrics;
import org.loadcast.sim.LatencySlo;
import org.loadcast.sim.MinuteStats;
import org.loadcast.sim.SimulationResult;
import org.loadcast.sim.SimulationTotals;

class RunReportTest {

  private static PolicyOutcome outcome(String name, double... readyPerMinute) {
    int[] readyAtEnd = new int[readyPerMinute.length];
    for (int m = 0; m < readyPerMinute.length; m++) {
      readyAtEnd[m] = (int) readyPerMinute[m];
    }
    return outcome(name, readyPerMinute, readyAtEnd);
  }

  private static PolicyOutcome outcome(String name, double[] meanReadyPerMinute, int[] readyAtEndOfMinute) {
    List<MinuteStats> minutes = new java.util.ArrayList<>();
    for (int m = 0; m < meanReadyPerMinute.length; m++) {
      minutes.add(new MinuteStats(m, 10, 10, 0, 0, 1, 2, 3, 2, meanReadyPerMinute[m], meanReadyPerMinute[m],
          meanReadyPerMinute[m], readyAtEndOfMinute[m], 0, 0, 0, 0, readyAtEndOfMinute[m]));
    }
    SimulationTotals totals = new SimulationTotals(10, 10, 0, 0, 1, 1, 2, 3, 10, 0, 0, 1, 0, 2, 120, 1, 1, 0, 0, 120);
    return new PolicyOutcome(name, name, new SimulationResult(60.0 * meanReadyPerMinute.length, minutes, totals, List.of()));
  }

  private static RunReport report(DemandedInstances demanded, Optional<String> reference, PolicyOutcome... outcomes) {
    return new RunReport(new RunMetadata("test", "run", "cmd", "2024-01-01T00:00:00Z", 1, Map.of()), "e", "d", 1,
        new LatencySlo(95, 250), new ServiceSummary(1, 1, "s", 1, 1, "o"),
        new DemandSummary("p", "UTC", 0, "2024-01-01T00:00Z", 120, 0, 1, 1, 1, 50, 0), List.of(outcomes),
        Optional.empty(), List.of(), demanded, reference);
  }

  /*
   * ready 2 3, demanded 2 2, Δt = 60 s: θO = 100 · (1/2) / 2 = 25 %, τO = 50 %, υ = 100 % (supply up,
   * demand flat), j = (1 − 0) / (120 s = 1/30 h) = 30 per hour.
   */
  @Test
  void elasticity_readyInstancesAgainstDemand_matchesHandComputedMetrics() {
    PolicyOutcome hpa = outcome("hpa", 2, 3);
    RunReport report = report(new DemandedInstances(List.of(2, 2), "test"), Optional.of("hpa"), hpa);

    assertThat(report.elasticity(hpa)).contains(new ElasticityMetrics(0, 25, 0, 50, 100, 30));
    assertThat(report.elasticSpeedup(hpa).getAsDouble()).isCloseTo(1, within(1e-12));
  }

  /*
   * One scaling step from 2 to 3 ready instances half-way through minute 1, demand 3 throughout,
   * four minutes (T = 240 s = 1/15 h).
   *   mean ready 2, 2.5, 3, 3; ready at the end of each minute 2, 3, 3, 3.
   *   θU = 100 · (1/3 + 0.5/3) / 4 = 12.5 %, τU = 50 %, θO = τO = 0 (from the means).
   *   From the end-of-minute supply: Δs = +1, 0, 0 against Δd = 0, 0, 0: one step differs,
   *   υ = 100 · 1 / 3 = 33.33 %; E_S = 1, E_D = 0: j = 1 / (1/15 h) = 15 per hour.
   * The means would count the step twice (Δs = +0.5, +0.5): υ = 66.67 %, j = 30 per hour.
   */
  @Test
  void elasticity_stepInsideAMinute_countsOnceInInstabilityAndJitter() {
    PolicyOutcome hpa = outcome("hpa", new double[] {2, 2.5, 3, 3}, new int[] {2, 3, 3, 3});
    RunReport report = report(new DemandedInstances(List.of(3, 3, 3, 3), "test"), Optional.of("hpa"), hpa);

    ElasticityMetrics m = report.elasticity(hpa).orElseThrow();
    assertThat(m.thetaUPercent()).isCloseTo(12.5, within(1e-9));
    assertThat(m.tauUPercent()).isCloseTo(50, within(1e-9));
    assertThat(m.instabilityPercent()).isCloseTo(100.0 / 3, within(1e-9));
    assertThat(m.jitterPerHour()).isCloseTo(15, within(1e-9));
  }

  /*
   * hpa: ready 1 3 against demand 2 2: θU = 25, θO = 25, τU = 50, τO = 50, υ = 100.
   * other: ready 2 2: all zero. With c = 1 point:
   * ε = (26² · 51² · 101)^(1/5) = 44.66.
   */
  @Test
  void elasticSpeedup_againstTheReference_usesItsMetrics() {
    PolicyOutcome hpa = outcome("hpa", 1, 3);
    PolicyOutcome other = outcome("other", 2, 2);
    RunReport report = report(new DemandedInstances(List.of(2, 2), "test"), Optional.of("hpa"), hpa, other);

    assertThat(report.elasticSpeedup(other).getAsDouble())
        .isCloseTo(Math.pow(26.0 * 26 * 51 * 51 * 101, 0.2), within(1e-9));
  }

  @Test
  void elasticity_unknownDemand_isEmpty() {
    PolicyOutcome hpa = outcome("hpa", 2, 3);
    RunReport report = report(DemandedInstances.unknown("no"), Optional.of("hpa"), hpa);

    assertThat(report.elasticity(hpa)).isEmpty();
    assertThat(report.elasticSpeedup(hpa)).isEmpty();
  }

  @Test
  void elasticSpeedup_withoutReference_isEmpty() {
    PolicyOutcome p = outcome("p", 2, 3);
    RunReport report = report(new DemandedInstances(List.of(2, 2), "test"), Optional.empty(), p);

    assertThat(report.elasticity(p)).isPresent();
    assertThat(report.elasticSpeedup(p)).isEmpty();
  }

  @Test
  void new_referenceNamingNoPolicy_isRefused() {
    assertThatThrownBy(() -> report(DemandedInstances.unknown("no"), Optional.of("ghost"), outcome("hpa", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("elasticityReference must name a policy, but was ghost");
  }
}
