package org.loadcast.sim;

/**
 * The simulated service: what one instance can do and what it costs.
 *
 * @param workersPerInstance requests one instance serves at once, {@code >= 1}
 * @param maxQueueLength requests one instance holds waiting beyond its workers, {@code >= 0}; an
 *     arrival that finds the queue full is dropped
 * @param serviceTime the time one worker spends on one request
 * @param bootSeconds provisioning lead time from request to serving, {@code >= 0}
 * @param warmupSeconds time from serving to ready, when the instance serves but readiness probes do
 *     not yet count it, {@code >= 0}
 * @param pricePerHour cost of one instance per hour, from request to termination, {@code >= 0}
 * @param loadBalancing how requests are spread over serving instances
 * @param initialInstances instances ready at time 0, {@code >= 1}
 */
public record ClusterConfig(
    int workersPerInstance, int maxQueueLength, ServiceTime serviceTime, double bootSeconds,
    double warmupSeconds, double pricePerHour, LoadBalancing loadBalancing, int initialInstances) {

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
  }

  /** Returns the highest throughput of one instance, workers / mean service time, per second. */
  public double capacityPerInstancePerSecond() {
    return workersPerInstance / serviceTime.meanSeconds();
  }

  private static void nonNegative(String name, double value) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, but was " + value);
    }
  }
}
