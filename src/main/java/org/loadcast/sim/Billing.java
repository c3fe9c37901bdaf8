package org.loadcast.sim;

/**
 * How an instance's lifetime, from its request to its termination, turns into billed seconds.
 *
 * <p>The lifetime is rounded up to a whole number of {@code granularitySeconds} and raised to at
 * least {@code minimumSeconds}. AWS bills Linux On-Demand instances per second with a 60 s minimum
 * (granularity 1, minimum 60); before October 2017 it billed whole hours (granularity 3600, and a
 * minimum of 3600 follows from it); see the Amazon EC2 pricing page, "Per Second Billing". Granularity
 * 0 and minimum 0 bill the exact lifetime.
 *
 * @param granularitySeconds the billing unit, {@code >= 0}; 0 for none
 * @param minimumSeconds the least billed per instance, {@code >= 0}
 */
public record Billing(double granularitySeconds, double minimumSeconds) {

  /** Exact lifetimes: no rounding, no minimum. */
  public static final Billing EXACT = new Billing(0, 0);

  /** Validates the rules. @throws IllegalArgumentException if a field is negative or not finite */
  public Billing {
    if (!(granularitySeconds >= 0) || !Double.isFinite(granularitySeconds)) {
      throw new IllegalArgumentException("granularitySeconds must be a finite number >= 0, but was " + granularitySeconds);
    }
    if (!(minimumSeconds >= 0) || !Double.isFinite(minimumSeconds)) {
      throw new IllegalArgumentException("minimumSeconds must be a finite number >= 0, but was " + minimumSeconds);
    }
  }

  /** Returns whether the bill is the exact lifetime: no granularity and no minimum. */
  public boolean isExact() {
    return granularitySeconds == 0 && minimumSeconds == 0;
  }

  /**
   * Returns the billed seconds of one instance: {@code max(minimum, ⌈lifetime / granularity⌉ ×
   * granularity)}, or {@code max(minimum, lifetime)} without granularity.
   *
   * @param lifetimeSeconds from request to termination, {@code >= 0}
   * @return billed seconds, {@code >= lifetimeSeconds}
   * @throws IllegalArgumentException if the lifetime is negative or not finite
   */
  public double billedSeconds(double lifetimeSeconds) {
    if (!(lifetimeSeconds >= 0) || !Double.isFinite(lifetimeSeconds)) {
      throw new IllegalArgumentException("lifetimeSeconds must be a finite number >= 0, but was " + lifetimeSeconds);
    }
    double rounded = granularitySeconds == 0 ? lifetimeSeconds
        : Math.ceil(lifetimeSeconds / granularitySeconds) * granularitySeconds;
    return Math.max(minimumSeconds, rounded);
  }
}
