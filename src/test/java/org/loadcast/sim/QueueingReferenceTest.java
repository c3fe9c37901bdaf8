package org.loadcast.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loadcast.capacity.MmckQueue;
import org.loadcast.profile.Interpolation;
import org.loadcast.profile.RateCurve;

/**
 * The engine against queueing theory, REFERENCE.md §7 rows S5, S7 and S9, and an M/M/c/K loss run
 * against {@link MmckQueue}. Bands are ±4σ, derived from the variance constants of REFERENCE.md
 * §1.10 or from the replications themselves, never tuned to the seed. One fixed-size instance, no
 * autoscaling, mean service time 1 s.
 */
class QueueingReferenceTest {

  /** Keeps the one instance it starts with. */
  private static final Autoscaler ONE_INSTANCE = TestAutoscalers.fixed(1);

  private static SimulationTotals run(double arrivalRate, int workers, int maxQueueLength, ServiceTime service,
      double durationSeconds, long seed) {
    RateCurve flat = RateCurve.of(new double[] {0, durationSeconds}, new double[] {arrivalRate, arrivalRate},
        Interpolation.LINEAR, List.of());
    ClusterConfig cluster = new ClusterConfig(workers, maxQueueLength, service, 0, 0, 1, LoadBalancing.ROUND_ROBIN, 1);
    SimulationSpec spec = new SimulationSpec(flat, 0, durationSeconds, cluster, new LatencySlo(95, 10_000), seed);
    return ClusterSimulation.run(spec, ONE_INSTANCE).totals();
  }

  @Test
  void run_mm1AtRho08AfterWarmup_meanWaitIsFour() {
    // S5: M/M/1 ρ = 0.8, 1e6 customers after a 5e4 warm-up: Wq = 4.0 ± 4.4 % (4σ, σ²∞ = 1976).
    // Warm-up deletion by common random numbers: a run that stops at the end of the warm-up follows
    // the same sample path up to then, so the difference of the two runs' wait sums and counts is
    // exactly the customers who started service after the warm-up.
    ServiceTime exp = new ServiceTime.Exponential(1);
    SimulationTotals warmup = run(0.8, 1, Integer.MAX_VALUE, exp, 62_500, 11);
    SimulationTotals whole = run(0.8, 1, Integer.MAX_VALUE, exp, 62_500 + 1_250_000, 11);
    long customers = whole.startedService() - warmup.startedService();
    double meanWait = (whole.meanWaitSeconds() * whole.startedService()
        - warmup.meanWaitSeconds() * warmup.startedService()) / customers;
    assertThat(warmup.startedService()).isBetween(49_000L, 51_000L);
    assertThat(customers).isBetween(990_000L, 1_010_000L);
    assertThat(meanWait).isCloseTo(4.0, within(0.044 * 4.0));
  }

  @Test
  void run_md1AtRho08_meanWaitIsHalfOfMm1() {
    // S7: M/D/1 ρ = 0.8, 1e6 customers: Pollaczek–Khinchine Wq = 2.0 ± 3.2 % (4σ, σ²∞ ≈ 254);
    // every M/G/1 has P(no wait) = 1 − ρ = 0.2
    SimulationTotals t = run(0.8, 1, Integer.MAX_VALUE, new ServiceTime.Deterministic(1), 1_250_000, 12);
    assertThat(t.startedService()).isBetween(990_000L, 1_010_000L);
    assertThat(t.meanWaitSeconds()).isCloseTo(2.0, within(0.032 * 2.0));
    assertThat(1 - t.waitedFraction()).isCloseTo(0.2, within(0.005));
    assertThat(t.meanLatencyMillis() / 1000).isCloseTo(3.0, within(0.032 * 2.0));
  }

  @Test
  void run_mm1AtRho08_satisfiesLittlesLaw() {
    // S9 at the longest relaxation time of the suite: L̄ / (λ̂·Ŵ) = 1 within 1e-3 at 1e6 customers
    SimulationTotals t = run(0.8, 1, Integer.MAX_VALUE, new ServiceTime.Exponential(1), 1_250_000, 13);
    double throughput = t.completed() / 1_250_000.0;
    assertThat(t.completed()).isGreaterThan(990_000L);
    assertThat(t.meanInSystem() / (throughput * t.meanLatencyMillis() / 1000)).isCloseTo(1, within(1e-3));
  }

  @Test
  void run_mmckLossSystem_blockingAndMeanInSystemMatchTheStationaryDistribution() {
    // M/M/4/8 at A = 4 Erlangs (ρ = 1: only the finite room keeps it stable): one instance, four
    // workers and a queue of four, so the system holds at most K = 8. Theory (Gross et al., 4th ed.,
    // §2.4): P(block) = 32/231 = 0.138528, L = 372/77 = 4.831169. Ten independent replications of 4e5 arrivals,
    // each started empty; the band is the replication mean's 99.9 % Student-t interval
    // (t(9, 0.9995) = 4.781), asserted to be narrow enough (< 2 % of the value) to mean something.
    MmckQueue theory = new MmckQueue(4, 8, 4.0);
    int replications = 10;
    double[] blocking = new double[replications];
    double[] inSystem = new double[replications];
    for (int r = 0; r < replications; r++) {
      SimulationTotals t = run(4.0, 4, 4, new ServiceTime.Exponential(1), 100_000, 100 + r);
      blocking[r] = (double) t.dropped() / t.arrivals();
      inSystem[r] = t.meanInSystem();
    }
    assertWithinStudentT(blocking, theory.blockingProbability(), 0.02);
    assertWithinStudentT(inSystem, theory.meanInSystem(), 0.02);
  }

  private static void assertWithinStudentT(double[] samples, double expected, double widestRelative) {
    double mean = 0;
    for (double x : samples) {
      mean += x / samples.length;
    }
    double squares = 0;
    for (double x : samples) {
      squares += (x - mean) * (x - mean);
    }
    double halfWidth = 4.781 * Math.sqrt(squares / (samples.length - 1) / samples.length);
    assertThat(halfWidth).as("99.9 percent half-width").isLessThan(widestRelative * expected);
    assertThat(mean).isCloseTo(expected, within(halfWidth));
  }
}
