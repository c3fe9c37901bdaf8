package org.loadcast.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.loadcast.profile.Interpolation;
import org.loadcast.profile.RateCurve;

/**
 * Where the load balancer sends requests. Three ready instances with 100 workers each serve a
 * deterministic 0.1 s, so nothing queues and each request adds exactly 0.1 busy-second to the
 * instance it went to: the busy-seconds the autoscaler sees, over 0.1 s, count the requests per
 * instance (up to the few still in service at the last decision).
 */
class LoadBalancingTest {
  private static final double SERVICE_SECONDS = 0.1;
  private static final int WORKERS = 100;
  private static final double DURATION_SECONDS = 3600;
  private static final long SEED = 42;

  /** Keeps three instances and adds up the busy-seconds of each at every decision. */
  private static final class Counting implements Autoscaler {
    final double[] busySeconds = new double[3];
    long arrivals;

    @Override
    public double decisionPeriodSeconds() {
      return 60;
    }

    @Override
    public int desiredReplicas(ScalingView view) {
      List<PodMetrics> pods = view.pods();
      for (int k = 0; k < pods.size(); k++) {
        PodMetrics pod = pods.get(k);
        if (pod.hasMetric()) {
          busySeconds[k] += pod.utilizationFraction() * WORKERS * (view.nowSeconds() - pod.metricWindowStartSeconds());
        }
      }
      arrivals = view.arrivalsBetween(0, view.nowSeconds());
      return 3;
    }

    double requestsTo(int instance) {
      return busySeconds[instance] / SERVICE_SECONDS;
    }
  }

  private static Counting run(LoadBalancing balancing) {
    RateCurve flat = RateCurve.of(new double[] {0, DURATION_SECONDS}, new double[] {1, 1}, Interpolation.LINEAR,
        List.of());
    ClusterConfig cluster = new ClusterConfig(WORKERS, 0, new ServiceTime.Deterministic(SERVICE_SECONDS), 0, 0, 1,
        balancing, 3);
    Counting counting = new Counting();
    SimulationResult result = ClusterSimulation.run(
        new SimulationSpec(flat, 0, DURATION_SECONDS, cluster, new LatencySlo(95, 1_000), SEED), counting);
    assertThat(result.totals().dropped()).isZero();
    assertThat(counting.arrivals).isEqualTo(result.totals().arrivals());
    return counting;
  }

  @Test
  void roundRobin_givesEachInstanceATurn() {
    Counting counting = run(LoadBalancing.ROUND_ROBIN);
    for (int k = 0; k < 3; k++) {
      assertThat(counting.requestsTo(k)).isCloseTo(counting.arrivals / 3.0, within(2.0));
    }
  }

  @Test
  void random_followsTheNamedLoadBalancerStream() {
    // the draws are nextInt(3) on the stream named "load-balancer" of the run seed, one per request
    Counting counting = run(LoadBalancing.RANDOM);
    SplittableRandom stream = new RandomStreams(SEED).stream("load-balancer");
    long[] expected = new long[3];
    for (long i = 0; i < counting.arrivals; i++) {
      expected[stream.nextInt(3)]++;
    }
    for (int k = 0; k < 3; k++) {
      assertThat(counting.requestsTo(k)).as("instance %d", k).isCloseTo(expected[k], within(2.0));
    }
    assertThat(counting.arrivals).as("its own stream: the arrivals do not change")
        .isEqualTo(run(LoadBalancing.ROUND_ROBIN).arrivals);
  }

  @Test
  void leastOutstanding_tiesGoToTheLowestIndex() {
    // at 1 request/s and 0.1 s each, an arrival mostly finds all three idle and goes to instance 0;
    // instance 1 gets it when 0 is busy (about 1 − e^(−0.1) ≈ 9.5 %), instance 2 when both are
    Counting counting = run(LoadBalancing.LEAST_OUTSTANDING);
    double n = counting.arrivals;
    assertThat(counting.requestsTo(0) / n).isBetween(0.88, 0.93);
    assertThat(counting.requestsTo(1) / n).isBetween(0.07, 0.11);
    assertThat(counting.requestsTo(2) / n).isLessThan(0.015);
  }

  @Test
  void leastOutstanding_waitsLessThanRoundRobin_whichMatchesErlangInterarrivalTheory() {
    // three instances of one worker, room to queue, exponential service, ρ = 0.8, 2.4e5 requests.
    // Round robin gives each instance every third Poisson arrival: three E3/M/1 queues, which wait
    // with probability σ, the root in (0, 1) of σ = (λ/(λ + μ(1 − σ)))³ (G/M/1: σ = A*(μ − μσ),
    // Kleinrock, Queueing Systems Vol. 1, 1975, ch. 6), σ = 0.71093; band ±0.02 (about 5 s.e.).
    // Least outstanding (join the shortest queue) has no closed form: only the ordering is asserted.
    RateCurve flat = RateCurve.of(new double[] {0, 100_000}, new double[] {2.4, 2.4}, Interpolation.LINEAR,
        List.of());
    double sigma = 0.5;
    for (int i = 0; i < 200; i++) {
      sigma = Math.pow(2.4 / (2.4 + 1 - sigma), 3);
    }
    double roundRobinWaited = waitedFraction(flat, LoadBalancing.ROUND_ROBIN);
    double leastWaited = waitedFraction(flat, LoadBalancing.LEAST_OUTSTANDING);
    assertThat(sigma).isCloseTo(0.71093, within(1e-5));
    assertThat(roundRobinWaited).isCloseTo(sigma, within(0.02));
    assertThat(leastWaited).isLessThan(roundRobinWaited - 0.05);
  }

  private static double waitedFraction(RateCurve demand, LoadBalancing balancing) {
    ClusterConfig cluster = new ClusterConfig(1, 1_000, new ServiceTime.Exponential(1), 0, 0, 1, balancing, 3);
    SimulationSpec spec = new SimulationSpec(demand, 0, demand.endSeconds(), cluster, new LatencySlo(95, 10_000), SEED);
    return ClusterSimulation.run(spec, new Counting()).totals().waitedFraction();
  }
}
