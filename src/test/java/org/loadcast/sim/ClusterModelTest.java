package org.loadcast.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;
import org.loadcast.profile.Interpolation;
import org.loadcast.profile.RateCurve;

/**
 * The cluster model's refinements: the warm-up ramp, request timeouts, per-template service times,
 * instances by state and billing, each against a hand-computed case or an independent reference.
 */
class ClusterModelTest {

  private static Autoscaler deciding(double periodSeconds, ToIntFunction<ScalingView> decide) {
    return TestAutoscalers.deciding(periodSeconds, decide);
  }

  private static RateCurve flat(double ratePerSecond, double durationSeconds) {
    return RateCurve.of(new double[] {0, durationSeconds}, new double[] {ratePerSecond, ratePerSecond},
        Interpolation.LINEAR, List.of());
  }

  private static SimulationSpec spec(double ratePerSecond, double durationSeconds, ClusterConfig cluster, long seed) {
    return new SimulationSpec(flat(ratePerSecond, durationSeconds), 0, durationSeconds, cluster,
        new LatencySlo(95, 10_000), seed);
  }

  private static ClusterConfig cluster(int workers, ServiceTime time, double bootSeconds, double warmupSeconds,
      double fraction, double timeoutSeconds, double granularitySeconds, double minimumSeconds) {
    return new ClusterConfig(workers, Integer.MAX_VALUE, time, bootSeconds, warmupSeconds, 1,
        LoadBalancing.ROUND_ROBIN, 1, fraction, timeoutSeconds, granularitySeconds, minimumSeconds);
  }

  // ---- warm-up ramp

  @Test
  void run_warmingInstanceAtHalfSpeed_doublesItsDeterministicServiceTime() {
    // One ready instance and one that boots at once and warms for 1e7 s from half speed: over one
    // hour its speed stays 0.5 within 2e-4. Round-robin alternates, no request waits (100 workers),
    // so half the requests take 100 ms and half 200 ms: mean 150 ms.
    ClusterConfig config = cluster(100, new ServiceTime.Deterministic(0.1), 0, 1e7, 0.5,
        Double.POSITIVE_INFINITY, 0, 0);
    SimulationTotals t = ClusterSimulation.run(spec(10, 3600, config, 5), deciding(60, view -> 2)).totals();
    assertThat(t.completed()).isGreaterThan(30_000L);
    assertThat(t.waitedFraction()).isZero();
    assertThat(t.meanLatencyMillis()).isCloseTo(150, within(0.1));
    assertThat(t.p99LatencyMillis()).isCloseTo(200, within(0.3));
  }

  @Test
  void run_flatRamp_changesNothing() {
    ClusterConfig plain = new ClusterConfig(4, 100, new ServiceTime.Exponential(0.1), 60, 120, 1,
        LoadBalancing.ROUND_ROBIN, 1);
    ClusterConfig flatRamp = new ClusterConfig(4, 100, new ServiceTime.Exponential(0.1), 60, 120, 1,
        LoadBalancing.ROUND_ROBIN, 1, 1, Double.POSITIVE_INFINITY, 0, 0);
    Autoscaler growing = deciding(60, view -> 1 + (int) (view.nowSeconds() / 600));
    assertThat(ClusterSimulation.run(spec(40, 3600, flatRamp, 9), growing))
        .isEqualTo(ClusterSimulation.run(spec(40, 3600, plain, 9), growing));
  }

  // ---- request timeouts

  /** The outcome of a single-worker FIFO queue with a client timeout, computed request by request. */
  private record Reference(long arrivals, long completed, long timedOut, double latencySumSeconds) {}

  /**
   * Replays the simulator's arrivals (the same stream and curve) through one worker with
   * deterministic service: a request starts when the worker frees, unless its client gave up by then
   * (start >= arrival + τ, it leaves the queue); it completes in time if start + s <= arrival + τ.
   * Events after the horizon are not counted.
   */
  private static Reference singleWorker(double rate, double duration, double service, double timeout, long seed) {
    RateCurve.Cursor cursor = flat(rate, duration).cursor(0);
    SplittableRandom random = new RandomStreams(seed).stream("arrivals");
    double free = 0;
    long arrivals = 0;
    long completed = 0;
    long timedOut = 0;
    double latencySum = 0;
    for (double a = cursor.advance(RandomStreams.exponential(random)); a < duration;
        a = cursor.advance(RandomStreams.exponential(random))) {
      arrivals++;
      double start = Math.max(a, free);
      if (start >= a + timeout) {
        timedOut += a + timeout <= duration ? 1 : 0;
        continue;
      }
      free = start + service;
      if (free <= a + timeout) {
        if (free <= duration) {
          completed++;
          latencySum += free - a;
        }
      } else if (a + timeout <= duration) {
        timedOut++;
      }
    }
    return new Reference(arrivals, completed, timedOut, latencySum);
  }

  @Test
  void run_timeout_matchesARequestByRequestReference() {
    // ρ = 0.15 × 5 = 0.75 with deterministic 5 s service and a 12 s timeout: requests that wait more
    // than 7 s time out in service, those that would wait 12 s or more leave the queue.
    double rate = 0.15;
    double duration = 40_000;
    ClusterConfig config = cluster(1, new ServiceTime.Deterministic(5), 0, 0, 1, 12, 0, 0);
    SimulationResult result = ClusterSimulation.run(spec(rate, duration, config, 11), deciding(60, view -> 1));
    Reference expected = singleWorker(rate, duration, 5, 12, 11);
    SimulationTotals t = result.totals();
    assertThat(t.arrivals()).isEqualTo(expected.arrivals());
    assertThat(t.completed()).isEqualTo(expected.completed());
    assertThat(t.timedOut()).isEqualTo(expected.timedOut()).isGreaterThan(100);
    assertThat(t.meanLatencyMillis()).isCloseTo(expected.latencySumSeconds() * 1000 / expected.completed(), within(1e-6));
    assertThat(result.minutes().stream().mapToLong(MinuteStats::timedOut).sum()).isEqualTo(t.timedOut());
    assertThat(t.sloViolationRequestsPercent()).isCloseTo(100.0 * (t.overSlo() + t.timedOut()) / t.arrivals(), within(1e-9));
  }

  @Test
  void run_serviceLongerThanTheTimeout_neverCompletesAndEveryMinuteViolates() {
    // Every request needs 10 s and its client waits 5 s: all time out, queued or in service.
    ClusterConfig config = cluster(1, new ServiceTime.Deterministic(10), 0, 0, 1, 5, 0, 0);
    SimulationResult result = ClusterSimulation.run(spec(0.2, 3600, config, 3), deciding(60, view -> 1));
    SimulationTotals t = result.totals();
    assertThat(t.completed()).isZero();
    assertThat(t.timedOut()).isBetween(t.arrivals() - 2, t.arrivals());
    assertThat(t.sloViolationMinutes()).isEqualTo(t.minutesWithTraffic()).isEqualTo(60);
    // a queued request that times out never takes the worker: the worker serves one request per 10 s at most
    assertThat(t.startedService()).isLessThanOrEqualTo(360).isLessThan(t.arrivals() / 2);
  }

  @Test
  void run_timeoutLongerThanAnyLatency_changesNothingButTheConfig() {
    ClusterConfig none = new ClusterConfig(2, 50, new ServiceTime.Exponential(0.2), 0, 0, 1, LoadBalancing.ROUND_ROBIN, 2);
    ClusterConfig late = new ClusterConfig(2, 50, new ServiceTime.Exponential(0.2), 0, 0, 1, LoadBalancing.ROUND_ROBIN, 2,
        1, 1e6, 0, 0);
    assertThat(ClusterSimulation.run(spec(12, 3600, late, 4), deciding(60, view -> 2)))
        .isEqualTo(ClusterSimulation.run(spec(12, 3600, none, 4), deciding(60, view -> 2)));
  }

  // ---- per-template service times

  @Test
  void run_perTemplateWithTheSameDistribution_givesExactlyThePlainRun() {
    // The template is drawn from its own stream, so arrivals, service times and routing are unchanged.
    ServiceTime time = new ServiceTime.LogNormal(0.05, 0.6);
    ServiceTime perTemplate = new ServiceTime.PerTemplate(List.of(
        new ServiceTime.PerTemplate.Template("home", 3, time), new ServiceTime.PerTemplate.Template("search", 1, time)));
    ClusterConfig plain = new ClusterConfig(4, 100, time, 30, 0, 1, LoadBalancing.RANDOM, 2);
    ClusterConfig split = new ClusterConfig(4, 100, perTemplate, 30, 0, 1, LoadBalancing.RANDOM, 2);
    Autoscaler hpaLike = deciding(15, view -> 2 + (int) (view.nowSeconds() / 900) % 3);
    assertThat(ClusterSimulation.run(spec(60, 3600, split, 8), hpaLike))
        .isEqualTo(ClusterSimulation.run(spec(60, 3600, plain, 8), hpaLike));
  }

  @Test
  void run_perTemplateTimes_keepTheArrivalsAndGiveTheWeightedMeanService() {
    // weights 3 : 1, deterministic 40 ms and 200 ms: mean service (3 × 40 + 200) / 4 = 80 ms; no waiting
    ServiceTime perTemplate = new ServiceTime.PerTemplate(List.of(
        new ServiceTime.PerTemplate.Template("home", 3, new ServiceTime.Deterministic(0.04)),
        new ServiceTime.PerTemplate.Template("search", 1, new ServiceTime.Deterministic(0.2))));
    ClusterConfig split = new ClusterConfig(1000, 0, perTemplate, 0, 0, 1, LoadBalancing.ROUND_ROBIN, 1);
    ClusterConfig plain = new ClusterConfig(1000, 0, new ServiceTime.Deterministic(0.08), 0, 0, 1,
        LoadBalancing.ROUND_ROBIN, 1);
    SimulationResult withTemplates = ClusterSimulation.run(spec(50, 7200, split, 21), deciding(60, view -> 1));
    SimulationResult without = ClusterSimulation.run(spec(50, 7200, plain, 21), deciding(60, view -> 1));
    assertThat(withTemplates.minutes()).extracting(MinuteStats::arrivals)
        .isEqualTo(without.minutes().stream().map(MinuteStats::arrivals).toList());
    SimulationTotals t = withTemplates.totals();
    double standardError = Math.sqrt(3.0 / 16) * 160 / Math.sqrt(t.completed());
    assertThat(t.meanLatencyMillis()).isCloseTo(80, within(4 * standardError));
  }

  // ---- instances by state

  @Test
  void run_instancesByState_sumToTheProvisionedMeanEveryMinute() {
    // Scale 1 → 6 → 2 → 5 … with boot 90 s and warm-up 150 s, under load, so that every state occurs.
    ClusterConfig config = new ClusterConfig(4, 200, new ServiceTime.Exponential(0.1), 90, 150, 1,
        LoadBalancing.LEAST_OUTSTANDING, 1);
    int[] plan = {1, 6, 2, 5, 3, 6, 1};
    Autoscaler stepping = deciding(45, view -> plan[(int) (view.nowSeconds() / 400) % plan.length]);
    List<MinuteStats> minutes = ClusterSimulation.run(spec(30, 3 * 3600, config, 17), stepping).minutes();
    for (MinuteStats m : minutes) {
      double sum = m.meanBootingInstances() + m.meanWarmingInstances() + m.meanReadyInstances() + m.meanDrainingInstances();
      assertThat(sum).as("minute %d", m.minute()).isCloseTo(m.meanProvisionedInstances(), within(1e-9));
      assertThat(m.meanWarmingInstances() + m.meanReadyInstances()).isCloseTo(m.meanServingInstances(), within(1e-9));
      assertThat(List.of(m.meanBootingInstances(), m.meanWarmingInstances(), m.meanDrainingInstances()))
          .allSatisfy(v -> assertThat(v).isGreaterThanOrEqualTo(-1e-12));
    }
    assertThat(minutes).anySatisfy(m -> assertThat(m.meanBootingInstances()).isGreaterThan(0.5));
    assertThat(minutes).anySatisfy(m -> assertThat(m.meanWarmingInstances()).isGreaterThan(0.5));
    assertThat(minutes).anySatisfy(m -> assertThat(m.meanDrainingInstances()).isGreaterThan(0));
  }

  // ---- billing

  /** Three instances for the first 600 s, then one, with no traffic: lifetimes 4000, 600 and 600 s. */
  private static SimulationTotals billed(double granularitySeconds, double minimumSeconds) {
    ClusterConfig config = cluster(1, new ServiceTime.Deterministic(0.1), 30, 0, 1, Double.POSITIVE_INFINITY,
        granularitySeconds, minimumSeconds);
    SimulationTotals t = ClusterSimulation.run(spec(1e-7, 4000, config, 1),
        deciding(60, view -> view.nowSeconds() < 600 ? 3 : 1)).totals();
    assertThat(t.arrivals()).isZero();
    return t;
  }

  @Test
  void run_billing_roundsEachLifetimeAndAppliesTheMinimum() {
    assertThat(billed(0, 0).instanceSeconds()).isCloseTo(5200, within(1e-9));
    assertThat(billed(0, 0).billedInstanceSeconds()).isEqualTo(billed(0, 0).instanceSeconds());
    // hourly: 4000 → 7200, 600 → 3600 twice
    SimulationTotals hourly = billed(3600, 0);
    assertThat(hourly.billedInstanceSeconds()).isEqualTo(14_400);
    assertThat(hourly.cost()).isCloseTo(4.0, within(1e-12));
    assertThat(hourly.instanceSeconds()).isCloseTo(5200, within(1e-9));
    // per second with a 700 s minimum: 4000 + 700 + 700
    assertThat(billed(1, 700).billedInstanceSeconds()).isEqualTo(5400);
    // AWS: per second, 60 s minimum: the exact 5200
    assertThat(billed(1, 60).billedInstanceSeconds()).isEqualTo(5200);
  }
}
