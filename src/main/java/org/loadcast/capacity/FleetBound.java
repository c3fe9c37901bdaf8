package org.loadcast.capacity;

/**
 * The smallest fleet that meets a latency SLO under one {@link LoadBalancing} assumption.
 *
 * @param instances the number of instances N, at least 1
 * @param latencySeconds the latency statistic the SLO bounds (mean or percentile) at N, in seconds,
 *     finite and &gt; 0
 * @param utilizationFraction the per-worker utilisation {@code λ·S/(k·N)} at N, in (0, 1)
 */
public record FleetBound(int instances, double latencySeconds, double utilizationFraction) {

  /**
   * Validates the bound.
   *
   * @throws IllegalArgumentException if {@code instances < 1}, if {@code latencySeconds} is not a
   *     finite number &gt; 0, or if {@code utilizationFraction} is not in (0, 1)
   */
  public FleetBound {
    if (instances < 1) {
      throw new IllegalArgumentException("instances must be >= 1, but was " + instances);
    }
    if (!(latencySeconds > 0 && Double.isFinite(latencySeconds))) {
      throw new IllegalArgumentException(
          "latencySeconds must be finite and > 0, but was " + latencySeconds);
    }
    if (!(utilizationFraction > 0 && utilizationFraction < 1)) {
      throw new IllegalArgumentException(
          "utilizationFraction must be in (0, 1), but was " + utilizationFraction);
    }
  }
}
