package org.loadcast.autoscale;

/**
 * What a policy may know before a run starts.
 *
 * @param capacityPerInstancePerSecond the calibrated throughput of one instance at full
 *     utilization, requests per second, {@code > 0}
 * @param bootSeconds the provisioning lead time of a new instance, {@code >= 0}
 * @param history the arrivals observed before the run, ending at simulation time 0
 */
public record ScalingContext(double capacityPerInstancePerSecond, double bootSeconds, ArrivalHistory history) {

  /**
   * Validates the context.
   *
   * @throws IllegalArgumentException if the capacity is not positive, the boot time negative, or the
   *     history missing
   */
  public ScalingContext {
    if (!(capacityPerInstancePerSecond > 0) || !Double.isFinite(capacityPerInstancePerSecond)) {
      throw new IllegalArgumentException(
          "capacityPerInstancePerSecond must be > 0, but was " + capacityPerInstancePerSecond);
    }
    if (!(bootSeconds >= 0)) {
      throw new IllegalArgumentException("bootSeconds must be >= 0, but was " + bootSeconds);
    }
    if (history == null) {
      throw new IllegalArgumentException("history is required");
    }
  }
}
