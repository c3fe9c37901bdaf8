package org.loadcast.capacity;

import java.util.Objects;

/**
 * One instance as a capacity plan sees it: its workers, its exponential service time, the latency
 * SLO it must meet and its price.
 *
 * @param workersPerInstance the concurrent workers k of one instance; {@code >= 1}
 * @param meanServiceTimeSeconds the mean service time S, in seconds; finite and {@code > 0}
 * @param slo the latency objective
 * @param pricePerHour the price of one instance for one hour, in the experiment's currency; finite and
 *     {@code >= 0}
 */
public record InstanceModel(int workersPerInstance, double meanServiceTimeSeconds, LatencySlo slo, double pricePerHour) {

  /**
   * Validates the model.
   *
   * @throws IllegalArgumentException if a number is out of its range
   * @throws NullPointerException if slo is null
   */
  public InstanceModel {
    if (workersPerInstance < 1) {
      throw new IllegalArgumentException("workersPerInstance must be >= 1, but was " + workersPerInstance);
    }
    if (!(meanServiceTimeSeconds > 0 && Double.isFinite(meanServiceTimeSeconds))) {
      throw new IllegalArgumentException("meanServiceTimeSeconds must be finite and > 0, but was " + meanServiceTimeSeconds);
    }
    Objects.requireNonNull(slo, "slo");
    if (!(pricePerHour >= 0 && Double.isFinite(pricePerHour))) {
      throw new IllegalArgumentException("pricePerHour must be finite and >= 0, but was " + pricePerHour);
    }
  }

  /**
   * Sizes a fleet of these instances for an arrival rate.
   *
   * @param arrivalRatePerSecond the fleet's Poisson arrival rate, in requests per second; finite and
   *     {@code > 0}
   * @return both bounds, or why no count meets the SLO ({@link InstanceSizing#plan()})
   * @throws IllegalArgumentException if the rate is not a finite number {@literal >} 0
   */
  public SizingPlan size(double arrivalRatePerSecond) {
    return new InstanceSizing(arrivalRatePerSecond, meanServiceTimeSeconds, workersPerInstance, slo).plan();
  }
}
