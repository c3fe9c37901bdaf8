package org.loadcast.sim;

/**
 * The simulated service: what one instance can do and what it costs.
 *
 * <p>The four last components are optional refinements; {@link #ClusterConfig(int, int, ServiceTime,
 * double, double, double, LoadBalancing, int) the shorter constructor} leaves them at the values
 * that turn them off, and a run without them gives exactly the figures it gave before they existed.
 *
 * @param workersPerInstance requests one instance serves at once, {@code >= 1}
 * @param maxQueueLength requests one instance holds waiting beyond its workers, {@code >= 0}; an
 *     arrival that finds the queue full is dropped
 * @param serviceTime the time one worker of a ready instance spends on one request
 * @param bootSeconds provisioning lead time from request to serving, {@code >= 0}
 * @param warmupSeconds time from serving to ready, when the instance serves but readiness probes do
 *     not yet count it, {@code >= 0}
 * @param pricePerHour cost of one instance per hour, from request to termination, {@code >= 0}
 * @param loadBalancing how requests are spread over serving instances
 * @param initialInstances instances ready at time 0, {@code >= 1}
 * @param warmupInitialCapacityFraction the speed of a warming instance's workers when it starts
 *     serving, as a fraction of a ready one's, in [0, 1]; it ramps linearly to 1 over {@code
 *     warmupSeconds} ({@link WarmupRamp}); 1 (the default) turns the ramp off
 * @param requestTimeoutSeconds how long a client waits for its response before it gives up, {@code >
 *     0}; {@link Double#POSITIVE_INFINITY} (the default) for no timeout. See {@link ClusterSimulation}
 *     for what a timeout does
 * @param billingGranularitySeconds the unit each instance's lifetime is rounded up to for the bill,
 *     {@code >= 0}: 1 for per-second billing, 3600 for hourly; 0 (the default) bills the exact
 *     lifetime. See {@link Billing}
 * @param minimumBilledSeconds the least any instance is billed, {@code >= 0}: 60 for AWS Linux
 *     instances; 0 by default
 */
public record ClusterConfig(
    int workersPerInstance, int maxQueueLength, ServiceTime serviceTime, double bootSeconds,
    double warmupSeconds, double pricePerHour, LoadBalancing loadBalancing, int initialInstances,
    double warmupInitialCapacityFraction, double requestTimeoutSeconds, double billingGranularitySeconds,
    double minimumBilledSeconds) {

  /**
   * Validates the configuration.
   *
   * @throws IllegalArgumentException if a field is out of its range; the message names it
   */
  public ClusterConfig {
    if (workersPerInstance < 1) {
      throw new IllegalArgumentException("workersPerInstance must be >= 1, but was " + workersPerInstance);
    }
    if (maxQueueLength < 0) {
      throw new IllegalArgumentException("maxQueueLength must be >= 0, but was " + maxQueueLength);
    }
    if (serviceTime == null) {
      throw new IllegalArgumentException("serviceTime is required");
    }
    nonNegative("bootSeconds", bootSeconds);
    nonNegative("warmupSeconds", warmupSeconds);
    nonNegative("pricePerHour", pricePerHour);
    if (loadBalancing == null) {
      throw new IllegalArgumentException("loadBalancing is required");
    }
    if (initialInstances < 1) {
      throw new IllegalArgumentException("initialInstances must be >= 1, but was " + initialInstances);
    }
    if (!(warmupInitialCapacityFraction >= 0 && warmupInitialCapacityFraction <= 1)) {
      throw new IllegalArgumentException("warmupInitialCapacityFraction must be in [0, 1], but was "
          + warmupInitialCapacityFraction);
    }
    if (!(requestTimeoutSeconds > 0)) {
      throw new IllegalArgumentException("requestTimeoutSeconds must be > 0 (infinite for none), but was "
          + requestTimeoutSeconds);
    }
    nonNegative("billingGranularitySeconds", billingGranularitySeconds);
    nonNegative("minimumBilledSeconds", minimumBilledSeconds);
  }

  /**
   * Returns a configuration without warm-up ramp, request timeout or billing granularity.
   *
   * @throws IllegalArgumentException as the canonical constructor
   */
  public ClusterConfig(
      int workersPerInstance, int maxQueueLength, ServiceTime serviceTime, double bootSeconds,
      double warmupSeconds, double pricePerHour, LoadBalancing loadBalancing, int initialInstances) {
    this(workersPerInstance, maxQueueLength, serviceTime, bootSeconds, warmupSeconds, pricePerHour, loadBalancing,
        initialInstances, 1, Double.POSITIVE_INFINITY, 0, 0);
  }

  /** Returns the highest throughput of one ready instance, workers / mean service time, per second. */
  public double capacityPerInstancePerSecond() {
    return workersPerInstance / serviceTime.meanSeconds();
  }

  /** Returns whether clients give up after {@link #requestTimeoutSeconds}. */
  public boolean hasRequestTimeout() {
    return requestTimeoutSeconds != Double.POSITIVE_INFINITY;
  }

  /** Returns the warm-up ramp of a new instance's capacity. */
  public WarmupRamp warmupRamp() {
    return new WarmupRamp(warmupSeconds, warmupInitialCapacityFraction);
  }

  /** Returns how instance lifetimes are billed. */
  public Billing billing() {
    return new Billing(billingGranularitySeconds, minimumBilledSeconds);
  }

  private static void nonNegative(String name, double value) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, but was " + value);
    }
  }
}
