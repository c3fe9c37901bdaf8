package org.loadcast.autoscale;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * What a policy may know before a run starts.
 *
 * @param capacityPerInstancePerSecond the calibrated throughput of one instance at full
 *     utilization, requests per second, {@code > 0}
 * @param bootSeconds the provisioning lead time of a new instance, {@code >= 0}
 * @param history the arrivals observed before the run, ending at simulation time 0
 * @param startTime the wall-clock time of simulation time 0 in the profile's timezone, for
 *     scheduled actions
 */
public record ScalingContext(
    double capacityPerInstancePerSecond, double bootSeconds, ArrivalHistory history, ZonedDateTime startTime) {

  /** The start time used when none is given: 1970-01-01T00:00Z, a Thursday. */
  public static final ZonedDateTime EPOCH = Instant.EPOCH.atZone(ZoneOffset.UTC);

  /**
   * Validates the context.
   *
   * @throws IllegalArgumentException if the capacity is not positive, the boot time negative, or the
   *     history or start time missing
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
    if (startTime == null) {
      throw new IllegalArgumentException("startTime is required");
    }
  }

  /** Creates a context whose simulation time 0 is {@link #EPOCH}: for policies without a schedule. */
  public ScalingContext(double capacityPerInstancePerSecond, double bootSeconds, ArrivalHistory history) {
    this(capacityPerInstancePerSecond, bootSeconds, history, EPOCH);
  }

  /**
   * Returns the wall-clock time of a simulation time.
   *
   * @param atSeconds seconds since the run began
   * @return the time in the profile's timezone, to the millisecond
   */
  public ZonedDateTime wallClock(double atSeconds) {
    return startTime.plusNanos(Math.round(atSeconds * 1000) * 1_000_000L);
  }
}
