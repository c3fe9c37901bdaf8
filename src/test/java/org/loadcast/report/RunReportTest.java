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
    List<MinuteStats> minutes = new java.util.ArrayList<>();
    for (int m = 0; m < readyPerMinute.length; m++) {
      minutes.add(new MinuteStats(m, 10, 10, 0, 0, 1, 2, 3, 2, readyPerMinute[m], readyPerMinute[m],
          readyPerMinute[m], (int) readyPerMinute[m], 0, 0, 0, 0));
    }
    SimulationTotals totals = new SimulationTotals(10, 10, 0, 0, 1, 1, 2, 3, 10, 0, 0, 1, 0, 2, 120, 1, 1, 0, 0, 120);
    return new PolicyOutcome(name, name, new SimulationResult(60.0 * readyPerMinute.length, minutes, totals, List.of()));
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
