package org.loadcast.cli;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.loadcast.capacity.InstanceSizing;
import org.loadcast.capacity.LatencySlo;
import org.loadcast.capacity.SizingPlan;
import org.loadcast.profile.Interpolation;
import org.loadcast.profile.RateCurve;
import org.loadcast.sim.ClusterConfig;
import org.loadcast.sim.ClusterSimulation;
import org.loadcast.sim.FixedReplicas;
import org.loadcast.sim.LoadBalancing;
import org.loadcast.sim.ServiceTime;
import org.loadcast.sim.SimulationSpec;
import org.loadcast.sim.SimulationTotals;

/**
 * Sizing with the discrete-event simulator instead of Erlang C: a fixed fleet of N instances behind
 * a round-robin balancer, Poisson arrivals at a steady rate, service times from any distribution
 * (the load test's measured histogram), and the SLO checked on the requests that complete after a
 * warm-up ({@code REFERENCE.md} §5.1: "check non-exponential service ... with the DES fed the
 * measured service-time histogram").
 *
 * <p><b>Warm-up cut.</b> A run starts empty, which flatters latency. Each question is answered from
 * two runs with the same seed: one of {@code warmupSeconds + measuredSeconds} and one of {@code
 * warmupSeconds}. Over the first {@code warmupSeconds} both draw the same arrivals and service times
 * and take the same decisions, so the difference of their totals is exactly what completed, was
 * dropped or went over the bound after the warm-up.
 *
 * <p><b>Meeting the SLO.</b> A percentile SLO {@code p ≤ L} is met when at most {@code 1 − p} of the
 * requests after the warm-up completed over {@code L} or were dropped, counted exactly, as {@link
 * org.loadcast.sim.MinuteStats#violates} does per minute. A mean SLO is met when nothing was dropped
 * and the mean latency of the completions is at most {@code L}.
 *
 * <p>Deterministic: one seed, the simulator's named streams. Stateless and thread-safe.
 */
public final class SimulatedSizing {
  /** The warm-up cut of every run, in seconds. */
  public static final int WARMUP_SECONDS = 60;
  /** The measured part of a fleet-sizing run, in seconds. */
  public static final int FLEET_MEASURED_SECONDS = 240;
  /** The measured part of a one-instance capacity run, in seconds: longer, as one instance sees few requests. */
  public static final int INSTANCE_MEASURED_SECONDS = 1200;
  /** The relative precision of the bisection on the rate one instance carries. */
  public static final double RATE_PRECISION_FRACTION = 1e-3;

  private SimulatedSizing() {}

  /**
   * A fixed fleet to simulate.
   *
   * @param workersPerInstance workers of one instance, {@code >= 1}
   * @param maxQueueLength requests one instance holds waiting, {@code >= 0}; arrivals beyond are dropped
   * @param serviceTime the service-time distribution
   * @param seed the run seed
   */
  public record Fleet(int workersPerInstance, int maxQueueLength, ServiceTime serviceTime, long seed) {
    /**
     * Validates the fleet.
     *
     * @throws IllegalArgumentException if a count is out of range
     * @throws NullPointerException if {@code serviceTime} is null
     */
    public Fleet {
      if (workersPerInstance < 1) {
        throw new IllegalArgumentException("workersPerInstance must be >= 1, but was " + workersPerInstance);
      }
      if (maxQueueLength < 0) {
        throw new IllegalArgumentException("maxQueueLength must be >= 0, but was " + maxQueueLength);
      }
      Objects.requireNonNull(serviceTime, "serviceTime");
    }

    /**
     * Returns the fleet of a service model's instances.
     *
     * @param service the model of one instance
     * @param seed the run seed
     * @return its workers, queue limit and service time with the seed
     */
    public static Fleet of(ServiceModel service, long seed) {
      return new Fleet(service.workersPerInstance(), service.maxQueueLength(), service.serviceTime(), seed);
    }
  }

  /**
   * What the requests after the warm-up of one steady run did.
   *
   * @param instances the fleet's instances
   * @param arrivalRatePerSecond the steady Poisson rate of the whole fleet
   * @param requests requests that completed or were dropped after the warm-up
   * @param overSloOrDropped of those, completed over the SLO's bound (for a mean SLO, over its
   *     limit, which is no criterion but shows the spread) or dropped
   * @param meanLatencyMillis mean latency of the completions; NaN when none
   * @param meetsSlo whether the SLO is met, as the class comment says
   */
  public record SteadyState(int instances, double arrivalRatePerSecond, long requests, long overSloOrDropped,
      double meanLatencyMillis, boolean meetsSlo) {

    /** {@return the share of requests over the bound or dropped, in [0, 1]; 0 without requests} */
    public double overSloFraction() {
      return requests == 0 ? 0 : (double) overSloOrDropped / requests;
    }
  }

  /**
   * The smallest fleet by simulation, beside the Erlang C bounds.
   *
   * @param erlang the pooled and random-split bounds for exponential service with the same mean
   *     ({@link InstanceSizing}), or why none
   * @param simulated the smallest fleet meeting the SLO in simulation, with its figures; null when
   *     none up to {@code searchLimitInstances} does or the service time alone misses the SLO
   * @param searchLimitInstances the largest fleet tried
   * @param reason why {@code simulated} is null; null when it is not
   */
  public record Result(SizingPlan erlang, SteadyState simulated, int searchLimitInstances, String reason) {
    /** {@return whether the simulation found a fleet} */
    public boolean isFeasible() {
      return simulated != null;
    }
  }

  /**
   * Runs one fixed fleet at a steady rate and measures it after the warm-up.
   *
   * @param fleet the instances' model
   * @param instances the fleet size, {@code >= 1}
   * @param arrivalRatePerSecond the fleet's Poisson rate, finite and &gt; 0
   * @param slo the objective to check
   * @param measuredSeconds the measured part after {@link #WARMUP_SECONDS}, whole seconds {@code >= 60}
   * @return the figures after the warm-up
   * @throws IllegalArgumentException if a value is out of range
   */
  public static SteadyState steadyState(Fleet fleet, int instances, double arrivalRatePerSecond, LatencySlo slo,
      int measuredSeconds) {
    if (!(arrivalRatePerSecond > 0 && Double.isFinite(arrivalRatePerSecond))) {
      throw new IllegalArgumentException("arrivalRatePerSecond must be finite and > 0, but was " + arrivalRatePerSecond);
    }
    if (measuredSeconds < 60) {
      throw new IllegalArgumentException("measuredSeconds must be >= 60, but was " + measuredSeconds);
    }
    int total = WARMUP_SECONDS + measuredSeconds;
    RateCurve demand = RateCurve.of(new double[] {0, total}, new double[] {arrivalRatePerSecond, arrivalRatePerSecond},
        Interpolation.LINEAR, List.of());
    ClusterConfig cluster = new ClusterConfig(fleet.workersPerInstance(), fleet.maxQueueLength(), fleet.serviceTime(),
        0, 0, 0, LoadBalancing.ROUND_ROBIN, instances);
    org.loadcast.sim.LatencySlo bound = new org.loadcast.sim.LatencySlo(
        slo instanceof LatencySlo.Percentile p ? 100 * p.quantileFraction() : 50, 1000 * slo.limitSeconds());
    SimulationTotals all = ClusterSimulation.run(
        new SimulationSpec(demand, 0, total, cluster, bound, fleet.seed()), new FixedReplicas(instances)).totals();
    SimulationTotals warm = ClusterSimulation.run(
        new SimulationSpec(demand, 0, WARMUP_SECONDS, cluster, bound, fleet.seed()), new FixedReplicas(instances)).totals();
    long completed = all.completed() - warm.completed();
    long dropped = all.dropped() - warm.dropped();
    long over = all.overSlo() - warm.overSlo() + dropped;
    double latencySum = sum(all) - sum(warm);
    double mean = completed == 0 ? Double.NaN : latencySum / completed;
    boolean meets = slo instanceof LatencySlo.Percentile p
        ? over <= (1 - p.quantileFraction()) * (completed + dropped)
        : dropped == 0 && completed > 0 && mean <= 1000 * slo.limitSeconds();
    return new SteadyState(instances, arrivalRatePerSecond, completed + dropped, over, mean, meets);
  }

  private static double sum(SimulationTotals t) {
    return t.completed() == 0 ? 0 : t.meanLatencyMillis() * t.completed();
  }

  /**
   * Finds the smallest fleet that meets an SLO in simulation, searching from the Erlang C pooled
   * bound outwards: down while the next smaller fleet still meets it, otherwise up. The pooled bound
   * is where an ideal balancer would be; round-robin and a less variable service time move the
   * answer from there, usually by a few instances.
   *
   * @param fleet the instances' model
   * @param arrivalRatePerSecond the fleet's Poisson rate, finite and &gt; 0
   * @param slo the objective
   * @return the simulated fleet beside the Erlang bounds; infeasible when the service time alone
   *     misses the SLO or no fleet up to the search limit ({@code 2 × max(start, split bound) + 8})
   *     meets it
   * @throws IllegalArgumentException if a value is out of range
   */
  public static Result size(Fleet fleet, double arrivalRatePerSecond, LatencySlo slo) {
    double mean = fleet.serviceTime().meanSeconds();
    int k = fleet.workersPerInstance();
    SizingPlan erlang = new InstanceSizing(arrivalRatePerSecond, mean, k, slo).plan();
    int stable = (int) Math.floor(arrivalRatePerSecond * mean / k) + 1;
    int start = erlang instanceof SizingPlan.Sized s ? Math.max(stable, s.pooled().instances()) : stable;
    int limit = 2 * Math.max(start, erlang instanceof SizingPlan.Sized s ? s.randomSplit().instances() : start) + 8;
    double serviceOnly = serviceOnlySeconds(fleet, slo);
    if (serviceOnly >= slo.limitSeconds()) {
      return new Result(erlang, null, limit, String.format(Locale.ROOT,
          "%s of the service time alone is %.1f ms, at or above the SLO of %.1f ms, so no fleet meets it",
          slo.statisticName(), 1000 * serviceOnly, 1000 * slo.limitSeconds()));
    }
    SteadyState at = steadyState(fleet, start, arrivalRatePerSecond, slo, FLEET_MEASURED_SECONDS);
    if (at.meetsSlo()) {
      for (int n = start - 1; n >= stable; n--) {
        SteadyState smaller = steadyState(fleet, n, arrivalRatePerSecond, slo, FLEET_MEASURED_SECONDS);
        if (!smaller.meetsSlo()) {
          break;
        }
        at = smaller;
      }
      return new Result(erlang, at, limit, null);
    }
    for (int n = start + 1; n <= limit; n++) {
      at = steadyState(fleet, n, arrivalRatePerSecond, slo, FLEET_MEASURED_SECONDS);
      if (at.meetsSlo()) {
        return new Result(erlang, at, limit, null);
      }
    }
    return new Result(erlang, null, limit, String.format(Locale.ROOT,
        "no fleet of up to %d instances meets %s ≤ %.1f ms in simulation at %.1f requests per second", limit,
        slo.statisticName(), 1000 * slo.limitSeconds(), arrivalRatePerSecond));
  }

  /**
   * Returns the highest steady rate one instance carries within an SLO in simulation, by bisection
   * on the rate between 0 and the instance's capacity {@code k / mean}, to {@link
   * #RATE_PRECISION_FRACTION} of the capacity, each rate measured over {@link
   * #INSTANCE_MEASURED_SECONDS} after the warm-up. All runs share the seed (common random numbers),
   * so the rates compare on the same draws.
   *
   * @param fleet the instance's model
   * @param slo the objective
   * @return the rate in requests per second; 0 when the service time alone misses the SLO, or even
   *     the lowest rate tried does
   */
  public static double maxRatePerInstance(Fleet fleet, LatencySlo slo) {
    if (serviceOnlySeconds(fleet, slo) >= slo.limitSeconds()) {
      return 0;
    }
    double capacity = fleet.workersPerInstance() / fleet.serviceTime().meanSeconds();
    double meeting = 0;
    double failing = capacity;
    while (failing - meeting > RATE_PRECISION_FRACTION * capacity) {
      double middle = (meeting + failing) / 2;
      if (steadyState(fleet, 1, middle, slo, INSTANCE_MEASURED_SECONDS).meetsSlo()) {
        meeting = middle;
      } else {
        failing = middle;
      }
    }
    return meeting;
  }

  /** Returns the SLO's statistic of the service time alone: its quantile, or its mean. */
  private static double serviceOnlySeconds(Fleet fleet, LatencySlo slo) {
    return slo instanceof LatencySlo.Percentile p ? fleet.serviceTime().quantileSeconds(p.quantileFraction())
        : fleet.serviceTime().meanSeconds();
  }
}
