package org.loadcast.capacity;

import java.util.Objects;
import java.util.Optional;

/**
 * A sizing question: the fewest instances of k workers each that keep latency within an SLO at a
 * given load, assuming Poisson arrivals and exponential service ({@code REFERENCE.md} §5.1).
 *
 * <p>{@link #plan()} answers it for both bounds of {@link LoadBalancing}. Latency falls as instances
 * are added (Erlang C decreases in the number of servers, and the split queues get lighter), so the
 * search starts at the fewest stable instances {@code ⌊λS/k⌋ + 1}, doubles until the SLO is met and
 * then bisects. It always terminates: an SLO at or below the service time's own statistic is
 * infeasible at once, and the search gives up beyond {@value #MAX_TOTAL_WORKERS} workers in total.
 *
 * @param arrivalRatePerSecond the fleet's Poisson arrival rate λ, in requests per second, finite and
 *     &gt; 0
 * @param meanServiceTimeSeconds the mean exponential service time S, in seconds, finite and &gt; 0
 * @param workersPerInstance the concurrent workers k of one instance, at least 1
 * @param slo the latency objective, never null
 */
public record InstanceSizing(double arrivalRatePerSecond, double meanServiceTimeSeconds,
    int workersPerInstance, LatencySlo slo) {

  /** The largest fleet, in workers (k·N), that the search considers. */
  public static final int MAX_TOTAL_WORKERS = 10_000_000;

  /**
   * Validates the question.
   *
   * @throws IllegalArgumentException if a rate or time is not a finite number &gt; 0, or if
   *     {@code workersPerInstance < 1}
   * @throws NullPointerException if {@code slo} is null
   */
  public InstanceSizing {
    requirePositive("arrivalRatePerSecond", arrivalRatePerSecond);
    requirePositive("meanServiceTimeSeconds", meanServiceTimeSeconds);
    if (workersPerInstance < 1) {
      throw new IllegalArgumentException(
          "workersPerInstance must be >= 1, but was " + workersPerInstance);
    }
    Objects.requireNonNull(slo, "slo");
  }

  /**
   * Returns the smallest instance counts that meet the SLO, pooled and randomly split.
   *
   * @return {@link SizingPlan.Sized} with both bounds, or {@link SizingPlan.Infeasible} if the
   *     service time alone misses the SLO, or if either bound needs more than
   *     {@value #MAX_TOTAL_WORKERS} workers
   */
  public SizingPlan plan() {
    Optional<String> infeasibility = slo.infeasibility(meanServiceTimeSeconds);
    if (infeasibility.isPresent()) {
      return new SizingPlan.Infeasible(infeasibility.get());
    }
    Optional<FleetBound> pooled = smallestFleet(LoadBalancing.POOLED);
    Optional<FleetBound> randomSplit = smallestFleet(LoadBalancing.RANDOM_SPLIT);
    if (pooled.isEmpty() || randomSplit.isEmpty()) {
      return new SizingPlan.Infeasible(searchLimitReason(pooled.isEmpty() ? "pooled" : "random split"));
    }
    return new SizingPlan.Sized(pooled.get(), randomSplit.get());
  }

  /** {@return the offered load {@code λ·S} of the whole fleet, in Erlangs} */
  public double offeredLoadErlangs() {
    return arrivalRatePerSecond * meanServiceTimeSeconds;
  }

  private Optional<FleetBound> smallestFleet(LoadBalancing balancing) {
    if (offeredLoadErlangs() / workersPerInstance >= maxInstances()) {
      return Optional.empty();
    }
    int failing = fewestStableInstances(balancing) - 1;
    int meeting = failing + 1;
    while (!meetsSlo(balancing, meeting)) {
      if (meeting >= maxInstances()) {
        return Optional.empty();
      }
      failing = meeting;
      meeting = (int) Math.min(2L * meeting, maxInstances());
    }
    return Optional.of(bound(balancing, firstMeeting(balancing, failing, meeting)));
  }

  /** Bisects for the smallest count meeting the SLO, given that {@code failing} does not. */
  private int firstMeeting(LoadBalancing balancing, int failing, int meeting) {
    while (meeting - failing > 1) {
      int middle = failing + (meeting - failing) / 2;
      if (meetsSlo(balancing, middle)) {
        meeting = middle;
      } else {
        failing = middle;
      }
    }
    return meeting;
  }

  private int fewestStableInstances(LoadBalancing balancing) {
    int instances = (int) Math.floor(offeredLoadErlangs() / workersPerInstance) + 1;
    while (!balancing.isStable(arrivalRatePerSecond, meanServiceTimeSeconds, workersPerInstance,
        instances)) {
      instances++;
    }
    return instances;
  }

  private boolean meetsSlo(LoadBalancing balancing, int instances) {
    return slo.isMetBy(queue(balancing, instances));
  }

  private FleetBound bound(LoadBalancing balancing, int instances) {
    MmcQueue queue = queue(balancing, instances);
    return new FleetBound(instances, slo.latencySeconds(queue), queue.utilizationFraction());
  }

  private MmcQueue queue(LoadBalancing balancing, int instances) {
    return balancing.queueFor(arrivalRatePerSecond, meanServiceTimeSeconds, workersPerInstance,
        instances);
  }

  private int maxInstances() {
    return MAX_TOTAL_WORKERS / workersPerInstance;
  }

  private String searchLimitReason(String balancingName) {
    return slo.statisticName() + " ≤ " + slo.limitSeconds() + " s needs more than " + maxInstances()
        + " instances (" + MAX_TOTAL_WORKERS + " workers, the search limit) with a " + balancingName
        + " queue at " + arrivalRatePerSecond + " requests per second";
  }

  private static void requirePositive(String name, double value) {
    if (!(value > 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException(name + " must be finite and > 0, but was " + value);
    }
  }
}
