package org.loadcast.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loadcast.profile.Interpolation;
import org.loadcast.profile.RateCurve;

/** The engine against queueing theory (REFERENCE.md §1 and §7, rows S6, S8 and S9). */
class ClusterSimulationTest {

  /** Keeps the replicas it is given. */
  private record Fixed(int replicas) implements Autoscaler {
    @Override
    public double decisionPeriodSeconds() {
      return 15;
    }

    @Override
    public int desiredReplicas(ScalingView view) {
      return replicas;
    }
  }

  /** Returns an autoscaler that decides once a minute with the given function. */
  private static Autoscaler everyMinute(java.util.function.ToIntFunction<ScalingView> decide) {
    return TestAutoscalers.deciding(60, decide);
  }

  private static SimulationSpec mmc(double arrivalRate, int workers, double durationSeconds, long seed) {
    RateCurve flat = RateCurve.of(new double[] {0, durationSeconds}, new double[] {arrivalRate, arrivalRate},
        Interpolation.LINEAR, List.of());
    ClusterConfig cluster = new ClusterConfig(workers, Integer.MAX_VALUE, new ServiceTime.Exponential(1.0), 0, 0, 1,
        LoadBalancing.ROUND_ROBIN, 1);
    return new SimulationSpec(flat, 0, durationSeconds, cluster, new LatencySlo(95, 10_000), seed);
  }

  @Test
  void run_mm4AtRho08_meanWaitAndWaitProbabilityMatchErlangC() {
    // S8: M/M/4, ρ = 0.8, about 1e6 customers: Wq = 0.745541 (±5.7 %), P(wait) = 0.596432 (±0.01)
    SimulationResult result = ClusterSimulation.run(mmc(3.2, 4, 312_500, 20_241_129), new Fixed(1));
    SimulationTotals t = result.totals();
    assertThat(t.arrivals()).isBetween(990_000L, 1_010_000L);
    assertThat(t.meanWaitSeconds()).isCloseTo(0.745541, within(0.057 * 0.745541));
    assertThat(t.waitedFraction()).isCloseTo(0.596432, within(0.01));
    assertThat(t.dropped()).isZero();
  }

  @Test
  void run_mm1AtRho05_meanWaitAndIdleProbabilityMatchTheory() {
    // S6: M/M/1, ρ = 0.5: Wq = 1.0 (±2.2 %), P(wait = 0) = 0.5 (±0.005)
    SimulationResult result = ClusterSimulation.run(mmc(0.5, 1, 2_000_000, 7), new Fixed(1));
    assertThat(result.totals().meanWaitSeconds()).isCloseTo(1.0, within(0.022));
    assertThat(1 - result.totals().waitedFraction()).isCloseTo(0.5, within(0.005));
  }

  @Test
  void run_anyStableRun_satisfiesLittlesLaw() {
    // S9: the engine's time-average number in system against throughput × exact mean sojourn, at
    // about 1e6 customers, within 1e-3. Starting empty, the two differ only by the time the requests
    // still in flight at the end have spent so far (a few seconds against 1.9e6 request-seconds).
    SimulationResult result = ClusterSimulation.run(mmc(3.2, 4, 312_500, 3), new Fixed(1));
    SimulationTotals t = result.totals();
    assertThat(t.completed()).isGreaterThan(990_000L);
    double throughput = t.completed() / result.durationSeconds();
    double littleRatio = t.meanInSystem() / (throughput * t.meanLatencyMillis() / 1000);
    assertThat(littleRatio).isCloseTo(1, within(1e-3));
    // edge effects only: the residual is far below the band
    assertThat(littleRatio).isCloseTo(1, within(1e-4));
  }

  @Test
  void run_meanLatency_isExactNotQuantisedByTheHistogram() {
    // every request takes exactly 1.0000005 s, which the microsecond histogram cannot hold
    RateCurve flat = RateCurve.of(new double[] {0, 600}, new double[] {0.1, 0.1}, Interpolation.LINEAR, List.of());
    ClusterConfig cluster = new ClusterConfig(100, 0, new ServiceTime.Deterministic(1.0000005), 0, 0, 1,
        LoadBalancing.ROUND_ROBIN, 1);
    SimulationTotals t = ClusterSimulation.run(new SimulationSpec(flat, 0, 600, cluster, new LatencySlo(95, 10_000), 4),
        new Fixed(1)).totals();
    assertThat(t.meanLatencyMillis()).isCloseTo(1000.0005, within(1e-9));
    assertThat(t.startedService()).isEqualTo(t.arrivals());
  }

  @Test
  void run_sameSeed_givesTheSameResult() {
    SimulationSpec spec = mmc(3.0, 4, 20_000, 99);
    assertThat(ClusterSimulation.run(spec, new Fixed(1))).isEqualTo(ClusterSimulation.run(spec, new Fixed(1)));
  }

  @Test
  void run_differentPolicies_seeTheSameArrivals() {
    SimulationSpec spec = mmc(3.0, 4, 20_000, 5);
    SimulationResult one = ClusterSimulation.run(spec, new Fixed(1));
    SimulationResult two = ClusterSimulation.run(spec, new Fixed(2));
    assertThat(two.totals().arrivals()).isEqualTo(one.totals().arrivals());
    assertThat(two.minutes().stream().map(MinuteStats::arrivals).toList())
        .isEqualTo(one.minutes().stream().map(MinuteStats::arrivals).toList());
    assertThat(two.totals().meanWaitSeconds()).isLessThan(one.totals().meanWaitSeconds());
  }

  @Test
  void run_scaleOut_waitsForTheBootTimeAndCostsFromTheRequest() {
    RateCurve flat = RateCurve.of(new double[] {0, 600}, new double[] {1, 1}, Interpolation.LINEAR, List.of());
    ClusterConfig cluster = new ClusterConfig(1, 100, new ServiceTime.Deterministic(0.1), 120, 0, 3.6,
        LoadBalancing.ROUND_ROBIN, 1);
    SimulationSpec spec = new SimulationSpec(flat, 0, 600, cluster, new LatencySlo(95, 250), 1);
    List<Double> servingAtDecisions = new ArrayList<>();
    Autoscaler twoFromTheStart = everyMinute(view -> {
      servingAtDecisions.add((double) view.pods().stream().filter(p -> p.state().serves()).count());
      return 2;
    });
    SimulationResult result = ClusterSimulation.run(spec, twoFromTheStart);
    // booted at 120 s: the boot event comes before the decision at the same time
    assertThat(servingAtDecisions.subList(0, 4)).containsExactly(1.0, 1.0, 2.0, 2.0);
    assertThat(result.totals().instanceSeconds()).isCloseTo(600 + 600, within(1e-9));
    assertThat(result.totals().cost()).isCloseTo(1200 / 3600.0 * 3.6, within(1e-9));
    assertThat(result.actions()).containsExactly(new ScalingAction(0, 1, 2));
  }

  @Test
  void arrivalsBetween_theFuture_isRefused() {
    RateCurve flat = RateCurve.of(new double[] {0, 600}, new double[] {1, 1}, Interpolation.LINEAR, List.of());
    ClusterConfig cluster = new ClusterConfig(1, 100, new ServiceTime.Deterministic(0.1), 0, 0, 1,
        LoadBalancing.ROUND_ROBIN, 1);
    SimulationSpec spec = new SimulationSpec(flat, 0, 600, cluster, new LatencySlo(95, 250), 1);
    Autoscaler peeking = everyMinute(view -> {
      view.arrivalsBetween(view.nowSeconds(), view.nowSeconds() + 60);
      return 1;
    });
    assertThatThrownBy(() -> ClusterSimulation.run(spec, peeking))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("arrivals can be asked for within [0, now");
  }

  @Test
  void run_noServingInstance_dropsArrivals() {
    RateCurve flat = RateCurve.of(new double[] {0, 300}, new double[] {2, 2}, Interpolation.LINEAR, List.of());
    ClusterConfig cluster = new ClusterConfig(1, 0, new ServiceTime.Deterministic(1), 0, 0, 1,
        LoadBalancing.LEAST_OUTSTANDING, 1);
    SimulationResult result = ClusterSimulation.run(new SimulationSpec(flat, 0, 300, cluster, new LatencySlo(95, 250), 3),
        new Fixed(1));
    // one worker, no queue, deterministic 1 s service at 2 per second: about half are dropped
    double dropShare = (double) result.totals().dropped() / result.totals().arrivals();
    assertThat(dropShare).isBetween(0.4, 0.75);
    assertThat(result.totals().sloViolationRequestsPercent()).isGreaterThan(40);
  }

  @Test
  void run_scaleOutInsideAMinute_minuteHoldsMeanAndEndOfMinuteReadyInstances() {
    // 1 ready instance; at t = 90 s the autoscaler asks for 2, which boot and warm in 0 s:
    // minute 1 = [60, 120) has 1 ready for 30 s and 2 for 30 s: mean 1.5, 2 at its end
    Autoscaler at90 = TestAutoscalers.deciding(30, view -> view.nowSeconds() >= 90 ? 2 : 1);
    List<MinuteStats> minutes = ClusterSimulation.run(mmc(0.1, 1, 180, 1), at90).minutes();

    assertThat(minutes).extracting(MinuteStats::meanReadyInstances).containsExactly(1.0, 1.5, 2.0);
    assertThat(minutes).extracting(MinuteStats::readyInstancesAtEnd).containsExactly(1, 2, 2);
  }

  /** Asks for {@code replicas} and records, per decision time, what each pod reported. */
  private record Recorder(double decisionPeriodSeconds, MetricWindow metricWindow, int replicas,
      java.util.Map<Double, List<PodMetrics>> seen) implements Autoscaler {
    @Override
    public int desiredReplicas(ScalingView view) {
      seen.put(view.nowSeconds(), view.pods());
      return replicas;
    }
  }

  /** One worker per instance, 1 s requests, 1000 arrivals per second and a queue that never fills: always busy. */
  private static java.util.Map<Double, List<PodMetrics>> saturated(double rate, double bootSeconds, double decisionSeconds,
      MetricWindow window, int replicas) {
    RateCurve flat = RateCurve.of(new double[] {0, 120}, new double[] {rate, rate}, Interpolation.LINEAR, List.of());
    ClusterConfig cluster = new ClusterConfig(1, Integer.MAX_VALUE, new ServiceTime.Deterministic(1), bootSeconds, 0, 1,
        LoadBalancing.ROUND_ROBIN, 1);
    java.util.Map<Double, List<PodMetrics>> seen = new java.util.TreeMap<>();
    ClusterSimulation.run(new SimulationSpec(flat, 0, 120, cluster, new LatencySlo(95, 10_000), 3),
        new Recorder(decisionSeconds, window, replicas, seen));
    return seen;
  }

  @Test
  void pods_metricsServerWindow_reportTheLastWholePeriodReadLate() {
    // periods of 15 s read 7.5 s late: they end at 7.5, 22.5, 37.5, ... A decision at 15 reads the
    // period [-7.5, 7.5], which the instance (serving from 0) did not serve throughout: no sample.
    // At 30 it reads [7.5, 22.5]: always busy, 1.0, window start 7.5; at 45, [22.5, 37.5].
    var seen = saturated(1000, 0, 15, new MetricWindow(15, 7.5), 1);
    assertThat(seen.get(0.0).get(0).hasMetric()).isFalse();
    assertThat(seen.get(15.0).get(0).hasMetric()).isFalse();
    assertThat(seen.get(30.0).get(0).utilizationFraction()).isCloseTo(1.0, within(1e-9));
    assertThat(seen.get(30.0).get(0).metricWindowStartSeconds()).isEqualTo(7.5);
    assertThat(seen.get(45.0).get(0).metricWindowStartSeconds()).isEqualTo(22.5);
  }

  @Test
  void pods_newInstance_hasNoSampleUntilItServedAWholePeriod() {
    // a second instance asked for at 0 boots for 20 s and serves from 20. Periods (15, 7.5) end at
    // 22.5 and 37.5: at the decision at 30 the period [7.5, 22.5] began before it served, no sample
    // (10 s of serving would have been one under a "since the last decision" window); at 45 it
    // reports [22.5, 37.5], fully busy.
    var seen = saturated(1000, 20, 15, new MetricWindow(15, 7.5), 2);
    assertThat(seen.get(30.0)).hasSize(2);
    assertThat(seen.get(30.0).get(1).hasMetric()).isFalse();
    assertThat(seen.get(45.0).get(1).utilizationFraction()).isCloseTo(1.0, within(1e-9));
    assertThat(seen.get(45.0).get(1).metricWindowStartSeconds()).isEqualTo(22.5);
  }

  @Test
  void pods_cloudWatchMinutes_reportTheMinuteThatJustEnded() {
    // 60 s periods read at once, decisions every 60 s: at 0 nothing has ended; at 60 the minute
    // [0, 60], busy from the first arrival on (an exponential wait of mean 1 ms): 1 − 0.001/60 ± noise
    var seen = saturated(1000, 0, 60, new MetricWindow(60, 0), 1);
    assertThat(seen.get(0.0).get(0).hasMetric()).isFalse();
    assertThat(seen.get(60.0).get(0).utilizationFraction()).isCloseTo(1.0, within(1e-4)).isLessThan(1.0);
    assertThat(seen.get(60.0).get(0).metricWindowStartSeconds()).isEqualTo(0.0);
    // the decision at the run's end (120 s) reads the period that ends with the run, not [0, 60] again
    assertThat(seen.get(120.0).get(0).metricWindowStartSeconds()).isEqualTo(60.0);
  }

  @Test
  void pods_decisionsMoreOftenThanPeriods_readTheSamePeriodAgain() {
    // 60 s periods, decisions every 20 s: at 60, 80 and 100 the newest period is [0, 60]
    var seen = saturated(0.0001, 0, 20, new MetricWindow(60, 0), 1);
    for (double t : new double[] {60, 80, 100}) {
      assertThat(seen.get(t).get(0).utilizationFraction()).as("at %s", t).isZero();
      assertThat(seen.get(t).get(0).metricWindowStartSeconds()).as("at %s", t).isEqualTo(0.0);
    }
    assertThat(seen.get(40.0).get(0).hasMetric()).isFalse();
  }
}
