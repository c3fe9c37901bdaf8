package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.loadcast.capacity.LatencySlo;
import org.loadcast.capacity.SizingPlan;
import org.loadcast.sim.ServiceTime;

class SimulatedSizingTest {
  private static final SimulatedSizing.Fleet EXPONENTIAL = new SimulatedSizing.Fleet(8, 1_000_000,
      new ServiceTime.Exponential(0.04), 2024);

  private static int pooled(SimulatedSizing.Result r) {
    return ((SizingPlan.Sized) r.erlang()).pooled().instances();
  }

  private static int split(SimulatedSizing.Result r) {
    return ((SizingPlan.Sized) r.erlang()).randomSplit().instances();
  }

  @Test
  void size_referenceExampleMean_liesBetweenThePooledAndSplitBounds() {
    // REFERENCE §5.1: λ = 3000, S = 40 ms exponential, k = 8, mean ≤ 50 ms → pooled 16, split 20
    SimulatedSizing.Result r = SimulatedSizing.size(EXPONENTIAL, 3000, LatencySlo.meanAtMost(0.050));
    assertThat(pooled(r)).isEqualTo(16);
    assertThat(split(r)).isEqualTo(20);
    assertThat(r.simulated().instances()).isBetween(16, 20);
    assertThat(r.simulated().meanLatencyMillis()).isLessThanOrEqualTo(50);
  }

  @Test
  void size_referenceExamplePercentile_liesBetweenThePooledAndSplitBounds() {
    // p99 ≤ 250 ms → pooled 16, split 18
    SimulatedSizing.Result r = SimulatedSizing.size(EXPONENTIAL, 3000, LatencySlo.percentileAtMost(0.99, 0.250));
    assertThat(pooled(r)).isEqualTo(16);
    assertThat(split(r)).isEqualTo(18);
    assertThat(r.simulated().instances()).isBetween(16, 18);
    assertThat(r.simulated().overSloFraction()).isLessThanOrEqualTo(0.01);
  }

  @Test
  void size_deterministicServiceTime_needsNoMoreThanErlang() {
    SimulatedSizing.Fleet deterministic = new SimulatedSizing.Fleet(8, 1_000_000, new ServiceTime.Deterministic(0.04), 7);
    SimulatedSizing.Result r = SimulatedSizing.size(deterministic, 3000, LatencySlo.meanAtMost(0.050));
    assertThat(r.simulated().instances()).isLessThanOrEqualTo(pooled(r));
    SimulatedSizing.Result p99 = SimulatedSizing.size(deterministic, 3000, LatencySlo.percentileAtMost(0.99, 0.100));
    // Erlang C calls p99 ≤ 100 ms infeasible (exponential service alone has p99 184 ms); 40 ms flat service meets it
    assertThat(p99.erlang()).isInstanceOf(SizingPlan.Infeasible.class);
    assertThat(p99.simulated().instances()).isBetween(16, 20);
  }

  @Test
  void size_serviceAloneMisses_isInfeasibleWithTheReason() {
    SimulatedSizing.Result r = SimulatedSizing.size(EXPONENTIAL, 3000, LatencySlo.percentileAtMost(0.99, 0.100));
    assertThat(r.isFeasible()).isFalse();
    assertThat(r.reason()).isEqualTo("p99 of the service time alone is 184.2 ms, at or above the SLO of 100.0 ms, "
        + "so no fleet meets it");
  }

  @Test
  void size_sameInputs_sameResult() {
    LatencySlo slo = LatencySlo.percentileAtMost(0.95, 0.1);
    assertThat(SimulatedSizing.size(EXPONENTIAL, 1000, slo)).isEqualTo(SimulatedSizing.size(EXPONENTIAL, 1000, slo));
  }

  @Test
  void steadyState_countsOnlyTheRequestsAfterTheWarmUp() {
    SimulatedSizing.SteadyState s = SimulatedSizing.steadyState(EXPONENTIAL, 20, 1000, LatencySlo.meanAtMost(1), 120);
    // Poisson count over 120 s at 1000/s: 120,000 ± 4·√120,000 (the requests in flight at the edges are ~40)
    assertThat((double) s.requests()).isCloseTo(120_000, within(4 * Math.sqrt(120_000) + 100));
    // M/M/8 at ρ = 0.25: the mean is the service time, 40 ms, within sampling error
    assertThat(s.meanLatencyMillis()).isCloseTo(40, within(0.6));
  }

  @Test
  void maxRatePerInstance_exponential_agreesWithErlangC() {
    // one instance under Poisson arrivals is an M/M/8 queue: simulation and Erlang C must agree
    LatencySlo slo = LatencySlo.meanAtMost(0.050);
    double erlang = slo.maxArrivalRatePerSecond(8, 0.04);
    assertThat(SimulatedSizing.maxRatePerInstance(EXPONENTIAL, slo)).isCloseTo(erlang, within(0.03 * erlang));
  }

  @Test
  void maxRatePerInstance_serviceAloneMisses_isZero() {
    assertThat(SimulatedSizing.maxRatePerInstance(EXPONENTIAL, LatencySlo.percentileAtMost(0.99, 0.1))).isZero();
  }
}
